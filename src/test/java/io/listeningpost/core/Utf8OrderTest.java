package io.listeningpost.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8OrderTest {
  @Test
  void ordersByUtf8BytesWhereUtf16UnitsWouldDisagree() {
    String replacement = "bad \uFFFD input";
    String emoji = "bad \uD83D\uDE00 input";
    assertThat(replacement.compareTo(emoji)).as("Java's own order").isPositive();
    assertThat(Utf8Order.compare(replacement, emoji)).isNegative();
    assertThat(Utf8Order.compare(emoji, replacement)).isPositive();
  }

  @Test
  void agreesWithTheBytesOnPrefixesEqualsAndNulls() {
    List<String> samples = List.of("", "a", "ab", "b", "\u00e9", "\uFFFD", "\uD83D\uDE00", "a\uD83D\uDE00", "a\uFFFD");
    for (String a : samples) {
      for (String b : samples) {
        int bytes = Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
        assertThat(Integer.signum(Utf8Order.compare(a, b))).as(a + " vs " + b).isEqualTo(Integer.signum(bytes));
      }
    }
    assertThat(Utf8Order.NULLS_FIRST.compare(null, "")).isNegative();
  }
}
