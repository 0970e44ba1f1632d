package io.listeningpost.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.to_date;

import io.listeningpost.core.JobLabels;
import io.listeningpost.core.QuarantineRecord;
import io.listeningpost.core.TableCounts;
import io.listeningpost.core.Tables;
import io.listeningpost.core.config.IngestLimits;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.ingest.read.InputOpener;
import io.listeningpost.ingest.read.SourceSplit;
import io.listeningpost.ingest.read.SplitReader;
import java.io.IOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;

/**
 * The ingest stage: reads every configured source with its adapter, in parallel splits, and merges
 * the result into the posts, authors, interactions and quarantine tables.
 *
 * <p>Merging is idempotent and incremental: only the {@code dt} partitions the input touches are
 * rewritten (dynamic partition overwrite), each post is kept once with its latest edit, and on a tie
 * the row already in the table stays, so that running the same input twice changes nothing.
 */
public final class IngestStep {
  /** Input per partition when packing splits into Spark partitions. */
  private static final long BYTES_PER_PARTITION = 32L << 20;

  private final SparkSession spark;
  private final ListeningPostConfig config;
  private final String runId;
  private final LocalDate runDate;
  private final Warehouse warehouse;
  private final JobLabels labels;

  public IngestStep(SparkSession spark, ListeningPostConfig config, String runId, LocalDate runDate) {
    this.spark = spark;
    this.config = config;
    this.runId = runId;
    this.runDate = runDate;
    this.warehouse = new Warehouse(spark, config.warehouse(), config.rowsPerFile());
    this.labels = new JobLabels(spark, runId);
  }

  /** What one ingest run did: counts per table, files, and where the tables are. */
  public record Result(String runId, List<TableCounts> tables, long filesRead, long filesIgnored,
      List<String> ignoredFiles, Map<String, Long> quarantineReasons, Map<String, String> outputs,
      Map<String, Long> stageMillis) {}


  public Result run() throws IOException {
    IngestLimits limits = config.ingestLimits();
    SourceFiles.Discovery discovery = new SourceFiles(spark.sparkContext().hadoopConfiguration(), limits)
        .discover(config.sources());

    label("ingest:parse", "Parse " + discovery.splits().size() + " splits ("
        + discovery.bytes() / (1 << 20) + " MiB) from " + config.sources().size() + " sources");
    Dataset<Row> parsed = parse(discovery.splits(), limits).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return merge(parsed, discovery);
    } finally {
      parsed.unpersist();
    }
  }

  private Dataset<Row> parse(List<SourceSplit> splits, IngestLimits limits) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<List<SourceSplit>> bins = pack(splits, jsc.defaultParallelism());
    InputOpener opener = SourceFiles.opener();
    boolean failFast = limits.failFast();
    // One split's rows at a time are held in memory, not a whole partition's.
    JavaRDD<Row> rows = jsc.parallelize(bins, Math.max(1, bins.size()))
        .flatMap(bin -> bin.iterator())
        .flatMap(split -> {
          CollectingSink sink = new CollectingSink();
          SplitReader.Outcome outcome = new SplitReader(opener, limits).read(split, sink);
          if (failFast && outcome.note() != null && outcome.note().startsWith("unreadable")) {
            throw new SourceFiles.InputFileException(split.path() + ": " + outcome.note() + " (ingest.fail-fast is on)");
          }
          return ParsedRows.of(split, outcome, sink).iterator();
        });
    return spark.createDataFrame(rows, Tables.PARSED);
  }

  /** Packs splits into about as many bins as there is work for, biggest first, each to the lightest bin. */
  static List<List<SourceSplit>> pack(List<SourceSplit> splits, int parallelism) {
    long total = splits.stream().mapToLong(s -> s.end() - s.start()).sum();
    int n = (int) Math.min(splits.size(), Math.max(2L * parallelism, (total + BYTES_PER_PARTITION - 1) / BYTES_PER_PARTITION));
    List<List<SourceSplit>> bins = new ArrayList<>();
    long[] load = new long[Math.max(n, 0)];
    for (int i = 0; i < n; i++) {
      bins.add(new ArrayList<>());
    }
    List<SourceSplit> sorted = new ArrayList<>(splits);
    sorted.sort(Comparator.comparingLong((SourceSplit s) -> s.end() - s.start()).reversed()
        .thenComparing(SourceSplit::path).thenComparingLong(SourceSplit::start));
    for (SourceSplit s : sorted) {
      int best = 0;
      for (int i = 1; i < n; i++) {
        if (load[i] < load[best]) {
          best = i;
        }
      }
      bins.get(best).add(s);
      load[best] += s.end() - s.start() + 4096;
    }
    return bins;
  }

  private Result merge(Dataset<Row> parsed, SourceFiles.Discovery discovery) throws IOException {
    label("ingest:parse", "Parse sources and count records and files");
    Map<String, Long> recCounts = new LinkedHashMap<>();
    Map<String, Long> quarantinedByTable = new LinkedHashMap<>();
    // One pass counts records per kind, and the posts and interactions that need a lookup join.
    Column needsLookup = col("post.post_id").isNotNull().and(col("post.thread_id").isNull())
        .or(col("interaction.dst_author").isNull().and(col("interaction.dst_post_id").isNotNull()));
    Map<String, Long> needLookup = new LinkedHashMap<>();
    for (Row r : parsed.groupBy(col("rec"), col("quarantine.table_name"), needsLookup.as("lookup")).count()
        .collectAsList()) {
      recCounts.merge(r.getString(0), r.getLong(3), Long::sum);
      if ("quarantine".equals(r.getString(0))) {
        quarantinedByTable.merge(r.getString(1), r.getLong(3), Long::sum);
      }
      if (!r.isNullAt(2) && r.getBoolean(2)) {
        needLookup.merge(r.getString(0), r.getLong(3), Long::sum);
      }
    }
    List<Row> files = parsed.filter(col("rec").equalTo("file")).select("file.*").collectAsList();
    List<String> ignored = new ArrayList<>();
    long filesRead = 0;
    for (Row f : files) {
      if (f.getLong(5) != 0) {
        continue;
      }
      if ("ignored".equals(f.getString(3))) {
        ignored.add(f.getString(0) + ": " + f.getString(4));
      } else {
        filesRead++;
      }
    }

    List<TableCounts> counts = new ArrayList<>();
    counts.add(mergePosts(parsed, recCounts.getOrDefault("post", 0L), quarantinedByTable.getOrDefault("posts", 0L),
        needLookup.getOrDefault("post", 0L) > 0));
    counts.add(mergeInteractions(parsed, recCounts.getOrDefault("interaction", 0L),
        needLookup.getOrDefault("interaction", 0L) > 0));
    counts.add(mergeAuthors(parsed, quarantinedByTable.getOrDefault("authors", 0L)));
    Map<String, Long> reasons = mergeQuarantine(parsed, discovery.fileProblems());
    long fileProblems = discovery.fileProblems().size() + quarantinedByTable.getOrDefault("_files", 0L);
    counts.add(new TableCounts("_files", filesRead + ignored.size() + fileProblems, filesRead, ignored.size(),
        fileProblems));

    Map<String, String> outputs = new LinkedHashMap<>();
    for (String t : List.of(Tables.POSTS, Tables.AUTHORS, Tables.INTERACTIONS, Tables.QUARANTINE)) {
      outputs.put(t, warehouse.path(t));
    }
    label(null, null);
    return new Result(runId, counts, filesRead, ignored.size(), ignored, reasons, outputs, labels.millis());
  }

  private TableCounts mergePosts(Dataset<Row> parsed, long read, long quarantined, boolean threadsToFill) {
    label("ingest:posts", "Deduplicate and write posts");
    Dataset<Row> incoming = parsed.filter(col("rec").equalTo("post")).select("post.*")
        .withColumn("ingest_run_id", lit(runId))
        .withColumn("dt", to_date(col("created_at")));
    List<Date> affected = warehouse.affectedPartitions(incoming);
    Dataset<Row> candidates = warehouse.withPartitions(Tables.POSTS, incoming, affected)
        .withColumn("_key", concat_ws("\u0001", col("platform"), col("post_id")));
    Dataset<Row> winners = Dedup.firstPerKey(candidates, "_key",
            coalesce(col("edited_at"), col("created_at")).desc(), col("_new").asc(), col("source").asc(),
            col("source_position").asc())
        .drop("_key");
    if (threadsToFill) {
      winners = winners.persist(StorageLevel.MEMORY_AND_DISK());
    }
    try {
      warehouse.overwritePartitions(Tables.POSTS, (threadsToFill ? withThreads(winners, affected) : winners)
          .drop("_new"), new String[] {"created_at"});
    } finally {
      winners.unpersist();
    }
    long written = warehouse.rowsOfRun(Tables.POSTS, affected, runId);
    return new TableCounts(Tables.POSTS, read + quarantined, written, read - written, quarantined);
  }

  /**
   * Fills the thread of posts whose source names only their parent (Stack Exchange comments, Mastodon
   * replies): the parent's thread, looked up in this run's posts and the rest of the table.
   */
  private Dataset<Row> withThreads(Dataset<Row> winners, List<Date> affected) {
    Dataset<Row> known = winners.filter(col("thread_id").isNotNull());
    Dataset<Row> unknown = winners.filter(col("thread_id").isNull());
    Dataset<Row> parents = warehouse.otherPartitions(Tables.POSTS, winners, affected)
        .select("platform", "post_id", "parent_id", "thread_id")
        .unionByName(winners.select("platform", "post_id", "parent_id", "thread_id"))
        .select(col("platform").as("_p_platform"), col("post_id").as("_p_id"),
            coalesce(col("thread_id"), col("parent_id")).as("_p_thread"));
    Dataset<Row> filled = unknown
        .join(parents, col("platform").equalTo(col("_p_platform")).and(col("parent_id").equalTo(col("_p_id"))), "left")
        .withColumn("thread_id", coalesce(col("_p_thread"), col("parent_id"), col("post_id")))
        .drop("_p_platform", "_p_id", "_p_thread");
    return known.unionByName(filled);
  }

  private TableCounts mergeInteractions(Dataset<Row> parsed, long read, boolean targetsToResolve) {
    label("ingest:interactions", "Resolve reply targets and write interactions");
    Dataset<Row> incoming = parsed.filter(col("rec").equalTo("interaction")).select("interaction.*");
    Dataset<Row> resolvedNew = incoming;
    if (targetsToResolve) {
      Column open = col("dst_author").isNull().and(col("dst_post_id").isNotNull());
      Dataset<Row> posts = warehouse.read(Tables.POSTS).select(col("platform").as("_t_platform"),
          col("post_id").as("_t_post"), col("author_id").as("_t_author"));
      resolvedNew = incoming.filter(open.unary_$bang())
          .unionByName(incoming.filter(open)
              .join(posts, col("platform").equalTo(col("_t_platform")).and(col("dst_post_id").equalTo(col("_t_post"))),
                  "left")
              .withColumn("dst_author", col("_t_author"))
              .drop("_t_platform", "_t_post", "_t_author"));
    }
    resolvedNew = resolvedNew.withColumn("ingest_run_id", lit(runId)).withColumn("dt", to_date(col("created_at")));
    List<Date> affected = warehouse.affectedPartitions(resolvedNew);
    // Cached, so that the target join runs once for the dedup's key count and the write.
    Dataset<Row> candidates = warehouse.withPartitions(Tables.INTERACTIONS, resolvedNew, affected)
        .withColumn("_key", concat_ws("\u0001", col("platform"), col("post_id"), col("kind"),
            coalesce(col("dst_post_id"), col("dst_author"), lit(""))))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> winners = Dedup.firstPerKey(candidates, "_key", col("dst_author").isNull().asc(),
              col("_new").asc(), col("src_author").asc_nulls_last())
          .drop("_key", "_new");
      warehouse.overwritePartitions(Tables.INTERACTIONS, winners, new String[] {"created_at"});
    } finally {
      candidates.unpersist();
    }
    long written = warehouse.rowsOfRun(Tables.INTERACTIONS, affected, runId);
    return new TableCounts(Tables.INTERACTIONS, read, written, read - written, 0);
  }

  /**
   * Authors: activity (first/last seen, post count, latest name) from the whole posts table, so that it
   * stays right when input is read twice, plus the profile metrics the sources gave, latest first.
   */
  private TableCounts mergeAuthors(Dataset<Row> parsed, long quarantined) {
    label("ingest:authors", "Aggregate author activity and profiles");
    Dataset<Row> newProfiles = parsed.filter(col("rec").equalTo("author")).select("author.*")
        .withColumn("_new", lit(true));
    Dataset<Row> newPostAuthors = parsed.filter(col("rec").equalTo("post").and(col("post.author_id").isNotNull()))
        .select(col("post.platform").as("platform"), col("post.author_id").as("author_id"));
    long profilesRead = newProfiles.count();
    long postAuthorsRead = newPostAuthors.count();
    Dataset<Row> touched = newProfiles.select("platform", "author_id").union(newPostAuthors).distinct();
    long written = touched.count();

    Dataset<Row> activity = warehouse.read(Tables.POSTS).filter(col("author_id").isNotNull())
        .groupBy("platform", "author_id")
        .agg(min("created_at").as("first_seen"), max("created_at").as("last_seen"), count(lit(1)).as("post_count"),
            org.apache.spark.sql.functions.max_by(col("author_name"), col("created_at")).as("_post_name"));
    Dataset<Row> oldProfiles = warehouse.exists(Tables.AUTHORS)
        ? warehouse.read(Tables.AUTHORS).filter(col("profile_observed_at").isNotNull().or(col("reputation").isNotNull())
            .or(col("followers").isNotNull()))
            .select(col("platform"), col("author_id"), col("name"), col("account_created_at"),
                col("profile_observed_at").as("observed_at"), col("reputation"), col("followers"), col("following"),
                col("location"), col("profile_source").as("source"))
            .withColumn("_new", lit(false))
        : spark.createDataFrame(List.of(), Tables.AUTHOR_RECORD).withColumn("_new", lit(false));
    Dataset<Row> profiles = oldProfiles.unionByName(newProfiles)
        .withColumn("_rank", row_number().over(Window.partitionBy("platform", "author_id")
            .orderBy(col("observed_at").desc_nulls_last(), col("_new").asc(), col("source").asc())))
        .filter(col("_rank").equalTo(1)).drop("_rank", "_new");
    Dataset<Row> authors = activity.join(profiles, Warehouse.seq("platform", "author_id"), "full_outer")
        .select(col("platform"), col("author_id"), coalesce(col("name"), col("_post_name")).as("name"),
            col("first_seen"), col("last_seen"), coalesce(col("post_count"), lit(0L)).as("post_count"),
            col("account_created_at"), col("reputation"), col("followers"), col("following"), col("location"),
            col("observed_at").as("profile_observed_at"), col("source").as("profile_source"));
    warehouse.replaceTable(Tables.AUTHORS, authors, new String[] {"platform", "author_id"});
    long read = profilesRead + postAuthorsRead + quarantined;
    return new TableCounts(Tables.AUTHORS, read, written, read - written - quarantined, quarantined);
  }

  private Map<String, Long> mergeQuarantine(Dataset<Row> parsed, List<QuarantineRecord> fileProblems) {
    label("ingest:quarantine", "Write quarantine");
    List<Row> driverRows = new ArrayList<>();
    for (QuarantineRecord q : fileProblems) {
      driverRows.add(RowFactory.create(q.source(), q.format(), null, q.table(), q.position(), q.excerpt(), q.reason()));
    }
    Dataset<Row> incoming = parsed.filter(col("rec").equalTo("quarantine")).select("quarantine.*")
        .unionByName(spark.createDataFrame(driverRows, Tables.QUARANTINE_RECORD))
        .withColumn("run_id", lit(runId))
        .withColumn("dt", lit(Date.valueOf(runDate)));
    Dataset<Row> winners = warehouse.withPartitions(Tables.QUARANTINE, incoming, List.of(Date.valueOf(runDate)))
        .withColumn("_rank", row_number().over(Window.partitionBy("source", "position", "reason")
            .orderBy(col("_new").asc(), col("run_id").asc())))
        .filter(col("_rank").equalTo(1)).drop("_rank", "_new");
    Map<String, Long> reasons = new LinkedHashMap<>();
    for (Row r : incoming.groupBy(reasonGroup()).count().orderBy(col("count").desc()).collectAsList()) {
      reasons.put(r.getString(0), r.getLong(1));
    }
    if (!reasons.isEmpty() || warehouse.exists(Tables.QUARANTINE)) {
      warehouse.overwritePartitions(Tables.QUARANTINE, winners, new String[] {"source", "position"});
    }
    return reasons;
  }

  /** The reason as the summary lists it: long parser messages are cut, so alike reasons group. */
  private static Column reasonGroup() {
    return org.apache.spark.sql.functions.substring(col("reason"), 1, 120).as("reason_kind");
  }

  private static Column[] columnsOf(Dataset<Row> ds, String... extra) {
    List<Column> cols = new ArrayList<>();
    for (String c : ds.columns()) {
      cols.add(col(c));
    }
    for (String e : extra) {
      cols.add(col(e));
    }
    return cols.toArray(new Column[0]);
  }

  /** Names the Spark jobs that follow, for the UI and the logs, and times each stage for the summary. */
  private void label(String group, String description) {
    labels.label(group, description);
  }

}
