package io.listeningpost.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The networkx cross-checks fail under CI when networkx is missing, and skip only outside CI. */
class NetworkxTest {
  private static final String MISSING = "/usr/bin/python3 cannot import networkx";

  @Test
  void missingNetworkxFailsTheTestUnderCiAndNamesTheInstall() {
    assertThatThrownBy(() -> Networkx.require(MISSING, true))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining(MISSING).hasMessageContaining("python3-networkx");
  }

  @Test
  void missingNetworkxSkipsTheTestOutsideCiAndSaysSo() {
    assertThatThrownBy(() -> Networkx.require(MISSING, false))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("SKIPPED").hasMessageContaining(MISSING).hasMessageContaining("python3-networkx");
  }

  @Test
  void availableNetworkxNeitherFailsNorSkips() {
    assertThatCode(() -> Networkx.require(null, true)).doesNotThrowAnyException();
    assertThatCode(() -> Networkx.require(null, false)).doesNotThrowAnyException();
  }

  @Test
  void ciIsOnWhenTheVariableIsSetToAnythingButFalse() {
    assertThat(Networkx.underCi("true")).isTrue();
    assertThat(Networkx.underCi("1")).isTrue();
    assertThat(Networkx.underCi("yes")).isTrue();
    assertThat(Networkx.underCi(null)).isFalse();
    assertThat(Networkx.underCi("")).isFalse();
    assertThat(Networkx.underCi("false")).isFalse();
    assertThat(Networkx.underCi("0")).isFalse();
  }
}
