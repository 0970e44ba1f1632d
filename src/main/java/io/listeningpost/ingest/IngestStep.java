package io.listeningpost.ingest;

import io.listeningpost.core.ErasedIdentities;
import io.listeningpost.core.Pseudonyms;
import io.listeningpost.core.TableCounts;
import io.listeningpost.core.config.IngestLimits;
import io.listeningpost.privacy.ErasureRegister;
import io.listeningpost.stage.JobLabels;
import io.listeningpost.stage.StageContext;
import io.listeningpost.stage.StageResult;
import io.listeningpost.stage.StageTables;
import io.listeningpost.storage.PostKeyIndex;
import io.listeningpost.storage.Tables;
import java.io.IOException;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;

/**
 * The ingest stage: reads every configured source with its adapter, in parallel splits
 * ({@link SourceParse}), and merges the result into the posts, interactions, authors and quarantine
 * tables, each by its own merge.
 *
 * <p>Merging is idempotent and incremental: only the {@code dt} partitions the input touches are
 * rewritten, each post is kept once with its latest edit, and on a tie the row already in the table
 * stays, so that running the same input twice changes nothing. Every count is taken on its own
 * (parsed, quarantined, dropped by the merge, found in the published table), so that the run's
 * reconciliation fails when rows go missing.
 */
public final class IngestStep {
  /**
   * Reads the configured sources, and its own tables to merge into them; writes them whatever the date
   * (posts by the day they were written, quarantine under the run date).
   */
  public static final StageTables TABLES = new StageTables(
      List.of(Tables.POSTS, Tables.AUTHORS, Tables.INTERACTIONS, Tables.QUARANTINE),
      List.of(Tables.POSTS, Tables.AUTHORS, Tables.INTERACTIONS, Tables.QUARANTINE), false);
  /** The file accounting's name in the run's counts. */
  public static final String FILES = "_files";

  private final StageContext ctx;
  private final JobLabels labels;

  public IngestStep(StageContext ctx) {
    this.ctx = ctx;
    this.labels = ctx.labels();
  }

  public StageResult run() throws IOException {
    IngestLimits limits = ctx.config().ingestLimits();
    SourceFiles.Discovery discovery = new SourceFiles(ctx.spark().sparkContext().hadoopConfiguration(), limits)
        .discover(ctx.config().sources());

    labels.label("ingest:parse", "Parse " + discovery.splits().size() + " splits ("
        + discovery.bytes() / (1 << 20) + " MiB) from " + ctx.config().sources().size() + " sources");
    Pseudonyms pseudonyms = Pseudonyms.of(ctx.config().privacy(), System.getenv());
    Pseudonymiser pseudonymiser = pseudonyms == null ? null
        : new Pseudonymiser(pseudonyms, ctx.config().enrich().watch());
    ErasedIdentities erased = new ErasureRegister(ctx.warehouse(), pseudonyms).load();
    ErasureFilter erasure = erased.isEmpty() ? null : new ErasureFilter(erased);
    try (ParsedRecords parsed = new ParsedRecords(ctx.spark(),
        SourceParse.parse(ctx.spark(), discovery.splits(), limits, pseudonymiser, erasure))) {
      return merge(parsed, discovery);
    }
  }

  private StageResult merge(ParsedRecords parsed, SourceFiles.Discovery discovery) {
    labels.label("ingest:parse", "Parse sources and count records and files");
    ParsedRecords.Tally tally = parsed.tally();
    List<String> notes = new ArrayList<>();
    List<TableCounts> counts = new ArrayList<>();
    counts.add(files(parsed, discovery, notes));

    labels.label("ingest:posts", "Deduplicate and write posts");
    AuthorsMerge authors = new AuthorsMerge(ctx);
    AuthorsMerge.Baseline baseline = authors.baseline(tally.postDays().days());
    PostKeyIndex postKeys = new PostKeyIndex(ctx.warehouse(), ctx.config().postKeyIndexMinPosts());
    counts.add(new PostsMerge(ctx, parsed, postKeys).merge(tally.postDays(), tally.count("post"),
        tally.count("quarantine/" + Tables.POSTS), tally.count("lookup/post") > 0));
    labels.label("ingest:interactions", "Resolve reply targets and write interactions");
    counts.add(new InteractionsMerge(ctx, postKeys).merge(parsed, tally.interactionDays(), tally.count("interaction"),
        tally.count("quarantine/" + Tables.INTERACTIONS), tally.count("lookup/interaction")));
    labels.label("ingest:authors", "Aggregate author activity and profiles");
    AuthorsMerge.Outcome authorsWritten = authors.merge(parsed, baseline, tally.count("author"),
        tally.count("post/author"), tally.count("quarantine/" + Tables.AUTHORS));
    counts.add(authorsWritten.counts());
    notes.add(authorsWritten.note());
    labels.label("ingest:quarantine", "Write quarantine");
    QuarantineMerge.Outcome quarantine = new QuarantineMerge(ctx).merge(parsed, discovery.fileProblems());
    counts.add(quarantine.counts());

    Map<String, String> outputs = new LinkedHashMap<>();
    Date day = Date.valueOf(ctx.runDate());
    for (String t : List.of(Tables.POSTS, Tables.AUTHORS, Tables.INTERACTIONS, Tables.QUARANTINE)) {
      ctx.warehouse().ensureExists(t, day);
      outputs.put(t, ctx.warehouse().path(t));
    }
    if (tally.count("post") == 0) {
      notes.add("the sources held no posts: the tables are unchanged");
    }
    labels.label(null, null);
    return new StageResult("ingest", counts, outputs, labels.millis(), notes, quarantine.reasons());
  }

  /**
   * Files: read counts every file found, written the files parsed, deduplicated the files their format
   * does not use, quarantined the files that could not be read; each counted from its own records.
   */
  private static TableCounts files(ParsedRecords parsed, SourceFiles.Discovery discovery, List<String> notes) {
    Set<String> found = new HashSet<>();
    discovery.splits().forEach(s -> found.add(s.path()));
    discovery.fileProblems().forEach(q -> found.add(q.source()));
    Set<String> read = new HashSet<>();
    Set<String> unused = new HashSet<>();
    Set<String> unreadable = new HashSet<>();
    discovery.fileProblems().forEach(q -> unreadable.add(q.source()));
    List<String> unusedNotes = new ArrayList<>();
    for (Row f : parsed.of("file").collectAsList()) {
      String path = f.getString(0);
      String note = f.getString(4);
      if (note != null && note.startsWith("unreadable")) {
        unreadable.add(path);
      } else if (f.getLong(5) == 0 && "ignored".equals(f.getString(3))) {
        unused.add(path);
        unusedNotes.add(path + ": " + note);
      } else if (f.getLong(5) == 0) {
        read.add(path);
      }
    }
    if (!unusedNotes.isEmpty()) {
      unusedNotes.sort(String::compareTo);
      notes.add(unusedNotes.size() + " files not used by their format: " + String.join("; ",
          unusedNotes.subList(0, Math.min(10, unusedNotes.size()))) + (unusedNotes.size() > 10 ? "; …" : ""));
    }
    return new TableCounts(FILES, found.size(), read.size(), unused.size(), unreadable.size());
  }
}
