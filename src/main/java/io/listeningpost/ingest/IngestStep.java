package io.listeningpost.ingest;

import static org.apache.spark.sql.functions.broadcast;
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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
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
  /** Row ids: the parse partition's index above these bits, the row's ordinal below. */
  private static final int RID_BITS = 40;
  /** Thread lookups up to this many rows are broadcast to the tasks that write posts. */
  private static final long MAX_BROADCAST_THREADS = 1_000_000;
  /** Up to this many interactions whose target author is looked up, the lookup is broadcast. */
  private static final long MAX_BROADCAST_TARGETS = 1_000_000;

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
    try (ParsedRecords parsed = new ParsedRecords(spark, parse(discovery.splits(), limits))) {
      return merge(parsed, discovery);
    }
  }

  private JavaRDD<InternalRow> parse(List<SourceSplit> splits, IngestLimits limits) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<List<SourceSplit>> bins = pack(splits, jsc.defaultParallelism());
    InputOpener opener = SourceFiles.opener();
    boolean failFast = limits.failFast();
    // One bin per partition; row ids are the partition index in the high bits, then a running count.
    // One split's rows at a time are held in memory, not a whole partition's.
    return jsc.parallelize(bins, Math.max(1, bins.size()))
        .mapPartitionsWithIndex((index, binIterator) -> {
          long[] nextRid = {(long) index << RID_BITS};
          ParsedRows encoder = new ParsedRows();
          return Stream.iterate(binIterator, Iterator::hasNext, it -> it)
              .flatMap(it -> it.next().stream())
              .flatMap(split -> {
                CollectingSink sink = new CollectingSink();
                SplitReader.Outcome outcome = new SplitReader(opener, limits).read(split, sink);
                if (failFast && outcome.note() != null && outcome.note().startsWith("unreadable")) {
                  throw new SourceFiles.InputFileException(split.path() + ": " + outcome.note()
                      + " (ingest.fail-fast is on)");
                }
                List<InternalRow> out = encoder.of(split, outcome, sink, nextRid[0]);
                nextRid[0] += out.size();
                return out.stream();
              })
              .iterator();
        }, true);
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

  private Result merge(ParsedRecords parsed, SourceFiles.Discovery discovery) throws IOException {
    label("ingest:parse", "Parse sources and count records and files");
    Map<String, Long> tally = parsed.tally();
    List<Row> files = parsed.of("file").collectAsList();
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
    counts.add(mergePosts(parsed, tally.getOrDefault("post", 0L), tally.getOrDefault("quarantine/posts", 0L),
        tally.getOrDefault("lookup/post", 0L) > 0));
    counts.add(mergeInteractions(parsed, tally.getOrDefault("interaction", 0L),
        tally.getOrDefault("lookup/interaction", 0L)));
    counts.add(mergeAuthors(parsed, tally.getOrDefault("author", 0L), tally.getOrDefault("post/author", 0L),
        tally.getOrDefault("quarantine/authors", 0L)));
    Map<String, Long> reasons = mergeQuarantine(parsed, discovery.fileProblems());
    long fileProblems = discovery.fileProblems().size() + tally.getOrDefault("quarantine/_files", 0L);
    counts.add(new TableCounts("_files", filesRead + ignored.size() + fileProblems, filesRead, ignored.size(),
        fileProblems));

    Map<String, String> outputs = new LinkedHashMap<>();
    for (String t : List.of(Tables.POSTS, Tables.AUTHORS, Tables.INTERACTIONS, Tables.QUARANTINE)) {
      outputs.put(t, warehouse.path(t));
    }
    label(null, null);
    return new Result(runId, counts, filesRead, ignored.size(), ignored, reasons, outputs, labels.millis());
  }

  private TableCounts mergePosts(ParsedRecords parsed, long read, long quarantined, boolean threadsToFill) {
    label("ingest:posts", "Deduplicate and write posts");
    Dataset<Row> incoming = parsed.of("post")
        .withColumn("ingest_run_id", lit(runId))
        .withColumn("dt", to_date(col("created_at")));
    List<Date> affected = warehouse.affectedPartitions(incoming);
    Dataset<Row> candidates = warehouse.withPartitions(Tables.POSTS, incoming, affected)
        .withColumn("_key", concat_ws("\u0001", col("platform"), col("post_id")));
    Dataset<Row> winners = Dedup.firstPerKey(candidates, "_key", "_rid",
            coalesce(col("edited_at"), col("created_at")).desc(), col("_new").asc(), col("source").asc(),
            col("source_position").asc())
        .drop("_key");
    Dataset<Row> threads = threadsToFill ? threadLookup(winners, affected) : null;
    warehouse.overwritePartitions(Tables.POSTS, (threads == null ? winners : withThreads(winners, threads))
        .drop("_new", "_rid"), new String[] {"created_at"});
    long written = warehouse.rowsOfRun(Tables.POSTS, affected, runId);
    return new TableCounts(Tables.POSTS, read + quarantined, written, read - written, quarantined);
  }

  /**
   * The threads of posts whose source names only their parent (Stack Exchange comments, Mastodon
   * replies, mapped forum exports): the first post of the reply chain, through this run's posts and
   * the rest of the table.
   */
  private Dataset<Row> threadLookup(Dataset<Row> winners, List<Date> affected) {
    Dataset<Row> known = warehouse.otherPartitions(Tables.POSTS, winners, affected)
        .select("platform", "post_id", "thread_id")
        .unionByName(winners.select("platform", "post_id", "thread_id"))
        .filter(col("thread_id").isNotNull())
        .select(col("platform").as("_platform"), col("post_id").as("_id"), col("thread_id").as("_thread"));
    Dataset<Row> open = winners.filter(col("thread_id").isNull().and(col("parent_id").isNotNull()))
        .select(col("platform").as("_platform"), col("post_id").as("_id"), col("parent_id").as("_up"));
    return ThreadRoots.resolve(open, known);
  }

  /** Winners with every thread filled: looked up, else the parent, else the post itself. */
  private static Dataset<Row> withThreads(Dataset<Row> winners, Dataset<Row> threads) {
    // The wide rows stay where they are unless the lookup is too big to send to every task.
    Dataset<Row> found = threads.select(col("_platform").as("_f_platform"), col("_id").as("_f_id"),
        col("_thread").as("_f_thread"));
    Dataset<Row> lookup = threads.count() <= MAX_BROADCAST_THREADS ? broadcast(found) : found;
    return winners
        .join(lookup, col("platform").equalTo(col("_f_platform")).and(col("post_id").equalTo(col("_f_id"))), "left")
        .withColumn("thread_id", coalesce(col("thread_id"), col("_f_thread"), col("parent_id"), col("post_id")))
        .drop("_f_platform", "_f_id", "_f_thread");
  }

  /**
   * @param targetsToResolve interactions that name only the target post, whose author is looked up in
   *     the posts table
   */
  private TableCounts mergeInteractions(ParsedRecords parsed, long read, long targetsToResolve) {
    label("ingest:interactions", "Resolve reply targets and write interactions");
    Dataset<Row> incoming = parsed.of("interaction");
    Dataset<Row> resolvedNew = incoming;
    if (targetsToResolve > 0) {
      Column open = col("dst_author").isNull().and(col("dst_post_id").isNotNull());
      Dataset<Row> wanted = incoming.filter(open).select(col("platform").as("_t_platform"),
          col("dst_post_id").as("_t_post"));
      Dataset<Row> targets = warehouse.read(Tables.POSTS).select(col("platform").as("_t_platform"),
          col("post_id").as("_t_post"), col("author_id").as("_t_author"));
      if (targetsToResolve <= MAX_BROADCAST_TARGETS) {
        // The posts table streams past the wanted ids, and only the posts found are sent on: neither
        // side is shuffled.
        targets = targets.join(broadcast(wanted), Warehouse.seq("_t_platform", "_t_post"), "left_semi");
        targets = broadcast(targets);
      }
      resolvedNew = incoming.filter(open.unary_$bang())
          .unionByName(incoming.filter(open)
              .join(targets, col("platform").equalTo(col("_t_platform")).and(col("dst_post_id").equalTo(col("_t_post"))),
                  "left")
              .withColumn("dst_author", col("_t_author"))
              .drop("_t_platform", "_t_post", "_t_author"));
    }
    resolvedNew = resolvedNew.withColumn("ingest_run_id", lit(runId)).withColumn("dt", to_date(col("created_at")));
    // Cached, so that the target join runs once for the partitions, the dedup and the write.
    if (targetsToResolve > 0) {
      resolvedNew = resolvedNew.persist(StorageLevel.MEMORY_AND_DISK());
    }
    try {
      List<Date> affected = warehouse.affectedPartitions(resolvedNew);
      Dataset<Row> candidates = warehouse.withPartitions(Tables.INTERACTIONS, resolvedNew, affected)
          .withColumn("_key", concat_ws("\u0001", col("platform"), col("post_id"), col("kind"),
              coalesce(col("dst_post_id"), col("dst_author"), lit(""))));
      Dataset<Row> winners = Dedup.firstPerKey(candidates, "_key", "_rid", col("dst_author").isNull().asc(),
              col("_new").asc(), col("src_author").asc_nulls_last())
          .drop("_key", "_new", "_rid");
      warehouse.overwritePartitions(Tables.INTERACTIONS, winners, new String[] {"created_at"});
      long written = warehouse.rowsOfRun(Tables.INTERACTIONS, affected, runId);
      return new TableCounts(Tables.INTERACTIONS, read, written, read - written, 0);
    } finally {
      resolvedNew.unpersist();
    }
  }
  /**
   * Authors: activity (first/last seen, post count, latest name) from the whole posts table, so that it
   * stays right when input is read twice, plus the profile metrics the sources gave, latest first.
   */
  /**
   * @param profilesRead profile records parsed
   * @param postAuthorsRead posts parsed that name their author
   */
  private TableCounts mergeAuthors(ParsedRecords parsed, long profilesRead, long postAuthorsRead, long quarantined) {
    label("ingest:authors", "Aggregate author activity and profiles");
    Dataset<Row> newProfiles = parsed.of("author").drop("_rid").withColumn("_new", lit(true));
    Dataset<Row> newPostAuthors = parsed.of("post").filter(col("author_id").isNotNull())
        .select("platform", "author_id");
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

  private Map<String, Long> mergeQuarantine(ParsedRecords parsed, List<QuarantineRecord> fileProblems) {
    label("ingest:quarantine", "Write quarantine");
    List<Row> driverRows = new ArrayList<>();
    for (QuarantineRecord q : fileProblems) {
      driverRows.add(RowFactory.create(q.source(), q.format(), null, q.table(), q.position(), q.excerpt(), q.reason()));
    }
    Dataset<Row> incoming = parsed.of("quarantine").drop("_rid")
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

  /** Names the Spark jobs that follow, for the UI and the logs, and times each stage for the summary. */
  private void label(String group, String description) {
    labels.label(group, description);
  }

}
