package io.listeningpost.testing;

import com.typesafe.config.ConfigFactory;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.core.config.SourceSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The nightly job (jobs/nightly.conf) pointed at a test's own warehouse, whole or cut to some of its sources. */
public final class SampleJobs {
  private SampleJobs() {}

  /** The whole nightly job: the per-format samples and the Acme scenario. */
  public static ListeningPostConfig nightly(Path warehouse) {
    return withSources(warehouse, List.of());
  }

  /**
   * The nightly job's small per-format samples (data-samples/&lt;format&gt;/) without the Acme scenario: their
   * edits, threads, languages and malformed records are what golden counts pin.
   */
  public static ListeningPostConfig perFormatSamples(Path warehouse) {
    List<SourceSpec> perFormat = nightly(warehouse).sources().stream()
        .filter(s -> !Path.of(s.path()).normalize().toString().contains("data-samples/acme")).toList();
    return withSources(warehouse, perFormat);
  }

  /** The nightly job with these sources instead of its own (none: its own). */
  public static ListeningPostConfig withSources(Path warehouse, List<SourceSpec> sources) {
    return withSources(warehouse, sources, Map.of());
  }

  /** The nightly job with these sources and these settings, as {@code --conf key=value} would give them. */
  public static ListeningPostConfig withSources(Path warehouse, List<SourceSpec> sources, Map<String, ?> settings) {
    return ListeningPostConfig.load(Path.of("jobs/nightly.conf"), new ListeningPostConfig.Overrides(
        warehouse.toString(), warehouse.resolveSibling("reports").toString(), null, false, sources,
        ConfigFactory.parseMap(settings)));
  }
}
