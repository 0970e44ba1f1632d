package io.listeningpost.report;

import io.listeningpost.core.TableCounts;
import io.listeningpost.core.CodeVersion;
import io.listeningpost.stage.JobLabels;
import io.listeningpost.stage.StageContext;
import io.listeningpost.stage.StageResult;
import io.listeningpost.stage.StageTables;
import io.listeningpost.storage.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The report stage: reads the run date's tables, answers the six strategy questions ({@code strategy_answers}),
 * and writes the influencer report, {@code <reports>/<run date>/report.html}, a self-contained page, with its
 * Markdown summary {@code summary.md} beside it. Tables that are missing for the date leave their sections
 * saying so; the stage does not fail for them.
 */
public final class ReportStep {
  /** Every table the report shows, of the run date or its windows; writes strategy_answers and the report files. */
  public static final StageTables TABLES = new StageTables(
      List.of(Tables.POSTS, Tables.POST_NLP, Tables.INTERACTIONS, Tables.AUTHORS, Tables.INFLUENCERS,
          Tables.COMMUNITIES, Tables.TOPICS, Tables.POST_TOPICS, Tables.SEGMENTS, Tables.STREAMS, Tables.STREAM_THEMES,
          Tables.OPPORTUNITIES, Tables.TARGET_COMMUNITIES, Tables.ALERTS),
      List.of(Tables.STRATEGY_ANSWERS), true);
  public static final String PAGE = "report.html";
  public static final String SUMMARY = "summary.md";

  private final StageContext ctx;

  public ReportStep(StageContext ctx) {
    this.ctx = ctx;
  }

  public StageResult run() {
    JobLabels labels = ctx.labels();
    ReportFacts facts = new FactsReader(ctx).read();
    List<StrategyAnswer> answers = StrategyAnswers.of(facts);
    List<String> headlines = Headlines.of(facts);

    labels.label("report:answers", "write the strategy answers");
    Date day = Date.valueOf(ctx.runDate());
    List<Row> rows = new ArrayList<>();
    for (StrategyAnswer a : answers) {
      rows.add(RowFactory.create(a.question().id(), a.question().text(), a.rank(), a.answer(), a.evidence(),
          a.evidencePosts().toArray(new String[0]), a.confidence(), ctx.runId(), day));
    }
    ctx.warehouse().overwriteOnePartition(Tables.STRATEGY_ANSWERS, day,
        ctx.spark().createDataFrame(rows, Tables.STRATEGY_ANSWERS_SCHEMA));
    long written = ctx.warehouse().rowsOfRun(Tables.STRATEGY_ANSWERS, List.of(day), ctx.runId());
    labels.label(null, null);

    ReportView view = ReportView.of(facts, answers, headlines, CodeVersion.current(), ctx.runId());
    ReportRenderer renderer = new ReportRenderer();
    Path folder = Path.of(ctx.config().reports(), ctx.runDate().toString());
    Path page = writeAtomically(folder.resolve(PAGE), renderer.html(facts, view));
    Path summary = writeAtomically(folder.resolve(SUMMARY), renderer.markdown(view));

    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put(Tables.STRATEGY_ANSWERS, ctx.warehouse().path(Tables.STRATEGY_ANSWERS));
    outputs.put("report", page.toAbsolutePath().toString());
    outputs.put("summary", summary.toAbsolutePath().toString());
    List<String> notes = new ArrayList<>();
    notes.add(headlines.size() + " findings; " + answers.size() + " answers to the six questions; "
        + facts.alerts().size() + " risk alerts");
    if (!facts.missing().isEmpty()) {
      notes.add("no rows for " + ctx.runDate() + " in " + String.join(", ", facts.missing().stream().sorted()
          .toList()) + "; their sections say so");
    }
    return new StageResult("report", List.of(new TableCounts(Tables.STRATEGY_ANSWERS, rows.size(), written, 0, 0)),
        outputs, labels.millis(), notes);
  }

  /**
   * Writes beside the target and moves into place, so a reader never sees half a report; the file is
   * readable by all, like the tables, and a failed write leaves no temporary file behind.
   */
  static Path writeAtomically(Path target, String content) {
    Path tmp = null;
    try {
      Files.createDirectories(target.getParent());
      tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      if (Files.getFileAttributeView(tmp, PosixFileAttributeView.class) != null) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw new UncheckedIOException("could not write " + target, e);
    }
  }
}
