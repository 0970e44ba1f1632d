package io.listeningpost.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listeningpost.core.config.ConfigException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RunDatesTest {
  @Test
  void theDefaultRunDateIsYesterdayInTheConfiguredTimeZone() {
    Clock at = Clock.fixed(Instant.parse("2026-11-30T03:30:00Z"), ZoneOffset.UTC);

    assertThat(RunDates.yesterday(ZoneOffset.UTC, at)).isEqualTo(LocalDate.of(2026, 11, 29));
    // Still the evening of the 29th in New York: its last whole day is the 28th.
    assertThat(RunDates.yesterday(ZoneId.of("America/New_York"), at)).isEqualTo(LocalDate.of(2026, 11, 28));
    assertThat(RunDates.yesterday(ZoneId.of("Asia/Tokyo"), at)).isEqualTo(LocalDate.of(2026, 11, 29));
  }

  @Test
  void aBackfillRangeHoldsBothEndsAndRefusesAStartAfterItsEnd() {
    assertThat(RunDates.range(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 29))).containsExactly(
        LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 29));
    assertThat(RunDates.range(LocalDate.of(2026, 11, 29), LocalDate.of(2026, 11, 29))).hasSize(1);
    assertThatThrownBy(() -> RunDates.range(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 29)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("--from = 2026-11-30 is after --to = 2026-11-29");
    assertThatThrownBy(() -> RunDates.parse("--to", "29/11/2026"))
        .hasMessageContaining("--to = 29/11/2026: expected YYYY-MM-DD");
  }
}
