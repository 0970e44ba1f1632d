package io.listeningpost.privacy;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import io.listeningpost.core.TableCounts;
import io.listeningpost.enrich.PostAnalyzer;
import io.listeningpost.enrich.TextHash;
import io.listeningpost.stage.JobLabels;
import io.listeningpost.stage.StageContext;
import io.listeningpost.stage.StageResult;
import io.listeningpost.stage.StageTables;
import io.listeningpost.storage.Tables;
import io.listeningpost.storage.Warehouse;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * Retention ({@code retention.days}): drops every {@code dt} partition older than that many days before the
 * run date, in every partitioned table. First, judged against the posts kept, it takes out what only those
 * partitions kept alive: authors with no post left and no profile seen since the cut, and NLP cache entries of
 * texts no post kept holds; last, the reports of the dates whose tables went. A retain cut short leaves old
 * partitions, so running it again completes it. Runs at the end of {@code nightly} and as the {@code retain}
 * command; each table's change is one publish commit. The erasure register and {@code _runs} are kept whole.
 */
public final class RetentionStep {
  /**
   * Reads every dated table, authors and the NLP cache, so that it runs after every stage that writes them.
   * It declares no table written: it only takes rows out, and a stage declared to write posts would have every
   * stage that reads posts run after it. The stages that read what it dropped see changed inputs on their next
   * run, and run again.
   */
  public static final StageTables TABLES = new StageTables(retained(), List.of(), true);
  private final StageContext ctx;
  private final Warehouse warehouse;
  private final JobLabels labels;

  public RetentionStep(StageContext ctx) {
    this.ctx = ctx;
    this.warehouse = ctx.warehouse();
    this.labels = ctx.labels();
  }

  private static List<String> retained() {
    List<String> tables = new ArrayList<>(Tables.names().stream().filter(Tables::isPartitioned).toList());
    tables.add(Tables.AUTHORS);
    tables.add(Tables.NLP_CACHE);
    return List.copyOf(tables);
  }

  /** The first day kept: partitions before it are dropped. */
  static LocalDate firstKept(LocalDate runDate, int days) {
    return runDate.minusDays(days);
  }

  public StageResult run() {
    int days = ctx.config().retentionDays();
    List<String> notes = new ArrayList<>();
    List<TableCounts> counts = new ArrayList<>();
    Map<String, String> outputs = new LinkedHashMap<>();
    if (days == 0) {
      notes.add("retention.days = 0: every partition is kept");
      return new StageResult("retain", counts, outputs, labels.millis(), notes);
    }
    LocalDate firstKept = firstKept(ctx.runDate(), days);
    Date cut = Date.valueOf(firstKept);
    int lookBack = Math.max(2 * Math.max(ctx.config().audiences().windowDays(), ctx.config().graph().windowDays()),
        ctx.config().alerts().baselineDays() + ctx.config().alerts().spikeDays());
    if (days < lookBack) {
      notes.add(String.format(Locale.ROOT, "retention.days = %d is shorter than the %d days the stages look back "
          + "(a window and the one before it, or the alerts' baseline): growth and baselines see less history", days,
          lookBack));
    }
    // Authors and the cache are rebuilt from the posts kept before any partition goes: a retain cut short
    // leaves old posts partitions behind, so running it again rebuilds them and drops the rest.
    if (warehouse.partitions(Tables.POSTS).stream().anyMatch(d -> d.before(cut))) {
      Dataset<Row> postsKept = warehouse.read(Tables.POSTS).filter(col("dt").geq(lit(cut)));
      labels.label("retain:authors", "Rebuild author activity from the posts kept");
      counts.add(authors(Timestamp.valueOf(firstKept.atStartOfDay()), postsKept, notes));
      outputs.put(Tables.AUTHORS, warehouse.path(Tables.AUTHORS));
      labels.label("retain:nlp_cache", "Drop NLP cache entries of texts no post kept holds");
      TableCounts cache = nlpCache(postsKept);
      if (cache != null) {
        counts.add(cache);
        outputs.put(Tables.NLP_CACHE, warehouse.path(Tables.NLP_CACHE));
      }
    }
    for (String table : Tables.names()) {
      if (!Tables.isPartitioned(table)) {
        continue;
      }
      List<Date> old = warehouse.partitions(table).stream().filter(d -> d.before(cut)).toList();
      if (old.isEmpty()) {
        continue;
      }
      labels.label("retain:" + table, "Drop the partitions of " + table + " before " + firstKept);
      long before = warehouse.read(table).count();
      long removed = warehouse.read(table).filter(col("dt").isin(old.toArray())).count();
      warehouse.dropPartitions(table, old);
      long after = warehouse.read(table).count();
      counts.add(TableCounts.ofRemoval(table, before, after, removed));
      outputs.put(table, warehouse.path(table));
      notes.add(String.format(Locale.ROOT, "%s: %d partitions dropped (%s … %s), %,d rows", table, old.size(),
          old.get(0), old.get(old.size() - 1), removed));
    }
    labels.label(null, null);
    List<LocalDate> deleted = new ArrayList<>();
    Path reports = Path.of(ctx.config().reports());
    for (LocalDate date : ReportCleaner.reportDates(reports)) {
      if (date.isBefore(firstKept)) {
        ReportCleaner.deletePages(reports.resolve(date.toString()));
        deleted.add(date);
      }
    }
    if (!deleted.isEmpty()) {
      notes.add(String.format(Locale.ROOT, "%d reports deleted (%s … %s)", deleted.size(), deleted.get(0),
          deleted.get(deleted.size() - 1)));
    }
    if (counts.isEmpty() && deleted.isEmpty()) {
      notes.add("nothing before " + firstKept + " (retention.days = " + days + "): nothing dropped");
    }
    return new StageResult("retain", counts, outputs, labels.millis(), notes);
  }

  /**
   * Authors as ingest builds them, from the posts kept: first and last seen, post count and the name of
   * their latest post are taken again; an author with no post left goes unless their profile was seen on
   * or after the cut. A row that changed carries this run's id.
   */
  private TableCounts authors(Timestamp cut, Dataset<Row> postsKept, List<String> notes) {
    Dataset<Row> old = warehouse.read(Tables.AUTHORS).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> refreshed = AuthorActivity.refresh(old, postsKept, ctx.runId());
      Column kept = col(AuthorActivity.ACTIVE).or(coalesce(col("profile_observed_at").geq(lit(cut)), lit(false)));
      Dataset<Row> rebuilt = refreshed.filter(kept).drop(AuthorActivity.ACTIVE);
      long before = old.count();
      long removed = refreshed.filter(kept.unary_$bang()).count();
      warehouse.replaceTable(Tables.AUTHORS, rebuilt, ForgetStep.sortColumns(Tables.AUTHORS));
      // Unpersisted first: a cached read of the same folder would stand in for the published table.
      old.unpersist(true);
      long after = warehouse.read(Tables.AUTHORS).count();
      notes.add(String.format(Locale.ROOT, "%s: %,d authors without a post kept or a profile seen since the cut "
          + "removed", Tables.AUTHORS, removed));
      return TableCounts.ofRemoval(Tables.AUTHORS, before, after, removed);
    } finally {
      old.unpersist();
    }
  }

  /** NLP cache entries whose text no post kept holds go; null when the cache is empty. */
  private TableCounts nlpCache(Dataset<Row> postsKept) {
    if (!warehouse.exists(Tables.NLP_CACHE)) {
      return null;
    }
    UserDefinedFunction textHash = udf((UDF2<String, String, String>) (title, text) ->
        TextHash.of(PostAnalyzer.fullText(title, text)), DataTypes.StringType);
    Dataset<Row> held = postsKept.select(textHash.apply(col("title"), col("text")).as("text_hash"))
        .distinct();
    Dataset<Row> cache = warehouse.read(Tables.NLP_CACHE).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long before = cache.count();
      Dataset<Row> kept = cache.join(held, Warehouse.seq("text_hash"), "left_semi");
      long removed = cache.join(held, Warehouse.seq("text_hash"), "left_anti").count();
      if (removed > 0) {
        warehouse.replaceTable(Tables.NLP_CACHE, kept, ForgetStep.sortColumns(Tables.NLP_CACHE));
      }
      cache.unpersist(true);
      long after = warehouse.read(Tables.NLP_CACHE).count();
      return TableCounts.ofRemoval(Tables.NLP_CACHE, before, after, removed);
    } finally {
      cache.unpersist();
    }
  }
}
