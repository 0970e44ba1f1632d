package io.listeningpost.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.Whitespace;
import org.junit.jupiter.api.Test;

class TextHashTest {
  @Test
  void retweetsAndRespacedCopiesShareAHash() {
    String original = "Great onboarding at Acme today!";
    assertThat(TextHash.of("RT @acme: great  onboarding at ACME today!\n")).isEqualTo(TextHash.of(original));
    assertThat(TextHash.of("Great onboarding at Acme today?")).isNotEqualTo(TextHash.of(original));
  }

  @Property(tries = 300)
  void hashIgnoresCaseAndSurroundingSpace(@ForAll @AlphaChars @NumericChars @Whitespace String text) {
    assertThat(TextHash.of("  " + text.toUpperCase(java.util.Locale.ROOT) + " \n"))
        .isEqualTo(TextHash.of(text.toLowerCase(java.util.Locale.ROOT)));
  }
}
