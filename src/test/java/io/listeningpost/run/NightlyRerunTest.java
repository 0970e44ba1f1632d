package io.listeningpost.run;

import static io.listeningpost.testing.ParquetFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.listeningpost.testing.ConsoleRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly run twice on the same small input: the first quarantines too many posts and ends PARTIAL
 * (exit code 3); the second skips every stage, naming the run whose results stand, succeeds, and ends on
 * where the report is; {@code --rerun graph} runs the graph again, and the
 * stages that read what it rewrote follow. {@code _runs} rows written before it had a stages column still
 * read. (CoreNLP loads in the first run's enrich stage.)
 */
@Tag("spark")
@Tag("nlp")
class NightlyRerunTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aSecondNightlyOnUnchangedInputSkipsEveryStageAndRerunRunsTheGraphAgain(@TempDir Path dir) throws Exception {
    Path warehouse = dir.resolve("wh");
    Path oldRuns = Files.createDirectories(warehouse.resolve("_runs"));
    try (var old = Files.list(Path.of("src/test/resources/runs-before-stages"))) {
      for (Path f : old.toList()) {
        Files.copy(f, oldRuns.resolve(f.getFileName()));
      }
    }
    List<String> args = new ArrayList<>(List.of("nightly", "--config", "jobs/nightly.conf", "--warehouse",
        warehouse.toString(), "--reports", dir.resolve("reports").toString(), "--date", "2026-11-29",
        "--source", "reddit=data-samples/reddit", "--source", "mastodon=data-samples/mastodon"));

    String[] first = ConsoleRun.run(args.toArray(new String[0]));

    // The samples' malformed records are 3 of the 22 posts read: more than run.max-quarantine-share's 5%.
    assertThat(first[0]).as(first[1]).isEqualTo("3");
    assertThat(first[1]).contains("ingest: started", "ingest: done in", "graph: done in", "report: done in",
        "13.64% of the posts read were quarantined", "Listening Post nightly — PARTIAL").doesNotContain("skipped");
    Matcher id = Pattern.compile("run (\\S+-nightly-\\S+) started").matcher(first[1]);
    assertThat(id.find()).isTrue();
    String firstRun = id.group(1);

    String[] second = ConsoleRun.run(args.toArray(new String[0]));

    assertThat(second[0]).as(second[1]).isEqualTo("0");
    for (String stage : PipelineStage.ids()) {
      assertThat(second[1]).contains(stage + ": skipped, inputs unchanged since run " + firstRun);
    }
    assertThat(second[1]).doesNotContain(": started");
    String report = dir.resolve("reports/2026-11-29/report.html").toAbsolutePath().toString();
    List<String> lines = second[1].lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines.get(lines.size() - 1)).isEqualTo("Report: " + report);

    args.addAll(List.of("--rerun", "graph", "--log-format", "json"));
    String[] third = ConsoleRun.run(args.toArray(new String[0]));

    assertThat(third[0]).as(third[1]).isEqualTo("0");
    List<JsonNode> events = new ArrayList<>();
    for (String line : third[1].lines().filter(l -> l.startsWith("{")).toList()) {
      events.add(JSON.readTree(line));
    }
    assertThat(events).extracting(e -> e.get("event").asText() + " " + e.path("stage").asText(""))
        .containsSubsequence("run_start ", "stage_skip ingest", "stage_skip enrich", "stage_start graph",
            "stage_end graph", "run_end ");
    JsonNode graph = events.stream().filter(e -> e.get("event").asText().equals("stage_end")).findFirst().orElseThrow();
    assertThat(graph.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(graph.get("tables").get(0).get("table").asText()).isEqualTo("influencers");
    JsonNode end = events.get(events.size() - 1);
    assertThat(end.get("event").asText()).isEqualTo("run_end");
    assertThat(end.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(end.get("exit_code").asInt()).isZero();
    assertThat(end.get("report").asText()).isEqualTo(report);

    // The old row and one per run, the last recording graph run again and ingest skipped.
    var runs = rows(warehouse.resolve("_runs"));
    assertThat(runs).hasSize(4);
    assertThat(runs.stream().map(Object::toString).filter(r -> r.contains("SKIPPED"))).hasSize(2);
    // The graph's path is recorded in the runs that scored it: the first and the rerun.
    assertThat(runs.stream().map(Object::toString).filter(r -> r.contains("scored in the driver: "))).hasSize(2);
  }
}
