package io.listeningpost.privacy;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.listeningpost.alerts.AlertsStep;
import io.listeningpost.core.ErasedIdentities;
import io.listeningpost.core.ErasureKey;
import io.listeningpost.core.Pseudonyms;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Erases one author from the warehouse and the reports (the {@code forget} command): their posts, profile
 * and interactions, every row derived from them, their names and handles wherever a table or report
 * shows them, and adds them to the erasure register so that no later ingest brings them back. What each
 * table loses is {@link ErasureRules}; docs/privacy.md says it in words.
 *
 * <p>Every table is rewritten through the warehouse's publish (staged, then committed by renames), one
 * commit per table, so a forget cut short is completed, table by table, by the next command or by
 * {@code repair}; running forget again finishes the rest, finding the author in the register (and their
 * names in the reports, by fingerprint) once no table holds them. The register is written first, so that a forget
 * cut short still keeps the author out of the next ingest. Nothing this step writes or prints holds the author's id, names or post ids: the run's counts
 * say how many rows went, not whose.
 */
public final class ForgetStep {
  /** The author to erase, as the operator names them. */
  public record Request(List<String> authorIds, List<String> names, String platform) {
    public Request {
      authorIds = List.copyOf(authorIds);
      names = List.copyOf(names);
    }
  }

  /** Every table: forget reads each and rewrites those that held the author. */
  public static final StageTables TABLES = new StageTables(Tables.names(), Tables.names(), false);

  /** The tables whose {@code dt} is the run date of the run that wrote them (the report's inputs). */
  static final List<String> RUN_DATE_TABLES = List.of(Tables.INFLUENCERS, Tables.COMMUNITIES, Tables.TOPICS,
      Tables.POST_TOPICS, Tables.SEGMENTS, Tables.SEGMENT_MEMBERS, Tables.AUDIENCE_PRESENCE, Tables.POST_STREAMS,
      Tables.STREAMS, Tables.STREAM_THEMES, Tables.OPPORTUNITIES, Tables.TARGET_COMMUNITIES, Tables.KEY_TOPICS,
      Tables.ALERTS, Tables.STRATEGY_ANSWERS);
  private static final String FATE = "_fate";

  private final StageContext ctx;
  private final Warehouse warehouse;
  private final Request request;
  private final JobLabels labels;

  public ForgetStep(StageContext ctx, Request request) {
    this.ctx = ctx;
    this.warehouse = ctx.warehouse();
    this.request = request;
    this.labels = ctx.labels();
  }

  /** The rows of one table that went, and the partitions the change touched. */
  private record Pass(TableCounts counts, long changed, List<Date> partitions) {}

  public StageResult run() {
    Pseudonyms pseudonyms = Pseudonyms.of(ctx.config().privacy(), System.getenv());
    ErasureRegister register = new ErasureRegister(warehouse, pseudonyms);
    // Read first: a register keyed otherwise than this run can key it stops the run before anything changes.
    ErasureKey key = register.key();
    List<String> notes = new ArrayList<>();

    labels.label("forget:find", "Find the author's accounts, names and posts");
    Set<String> ids = new LinkedHashSet<>();
    for (String id : request.authorIds()) {
      ids.add(id);
      if (pseudonyms != null) {
        ids.add(pseudonyms.of(id));
      }
    }
    List<String[]> accounts = accounts(ids);
    // What earlier forgets erased. A forget cut short before it cleaned the reports left the author there, and,
    // once it had cleaned the tables, in the register alone.
    ErasedIdentities erased = register.load();
    Set<String> platforms = platforms();
    boolean onlyInTheRegister = false;
    if (accounts.isEmpty()) {
      for (String p : platforms) {
        ids.stream().filter(id -> erased.author(p, id)).forEach(id -> accounts.add(new String[] {p, id}));
      }
      onlyInTheRegister = !accounts.isEmpty();
    }
    ErasedTraces traces = erased.isEmpty() ? new ErasedTraces(Set.of(), Set.of())
        : ErasedTraces.find(Path.of(ctx.config().reports()), erased, platforms);
    Set<LocalDate> showing = new TreeSet<>(traces.reportDates());
    if (onlyInTheRegister) {
      // What the cut-short forget would have rendered again is not known: every date with tables is.
      showing.addAll(ReportCleaner.reportDates(Path.of(ctx.config().reports())));
      notes.add(String.format(Locale.ROOT, "the author is in no table but in %s, from an earlier forget: this one "
          + "finishes it, rendering every report again (%d dates show a name or link the register holds)",
          Tables.ERASED, traces.reportDates().size()));
    }
    if (accounts.isEmpty() && request.platform() == null) {
      throw new IllegalArgumentException("No author with the given id is in the warehouse, so nothing was erased. To "
          + "keep them out of later ingests anyway, run forget again with --platform.");
    }
    if (accounts.isEmpty()) {
      ids.forEach(id -> accounts.add(new String[] {request.platform(), id}));
      notes.add("the author is not in the warehouse: nothing to remove; recorded in " + Tables.ERASED
          + " so that no ingest stores them");
    }
    Set<String> authorKeys = new LinkedHashSet<>();
    accounts.forEach(a -> authorKeys.add(ErasureSubject.key(a[0], a[1])));
    Set<String> handles = handles(accounts, pseudonyms);
    handles.addAll(traces.handles());

    UserDefinedFunction textHash = udf((UDF2<String, String, String>) (title, text) ->
        TextHash.of(PostAnalyzer.fullText(title, text)), DataTypes.StringType);
    UserDefinedFunction excerpt = udf((UDF2<String, String, String>) (title, text) ->
        AlertsStep.excerpt(PostAnalyzer.fullText(title, text)), DataTypes.StringType);
    Dataset<Row> posts = warehouse.read(Tables.POSTS);
    Column own = accountMatch(accounts, "author_id");
    // Shares carry nothing of the sharer but the act: a share of the author (their account, or one of their
    // posts, for a share whose target author was never resolved) goes with the author.
    Dataset<Row> ownKeys = posts.filter(own).select(col("platform").as("_o_platform"), col("post_id").as("_o_post"));
    Dataset<Row> shares = warehouse.read(Tables.INTERACTIONS).filter(col("kind").equalTo("share"));
    Dataset<Row> sharedByInteraction = shares.filter(accountMatch(accounts, "dst_author").or(handleMatch(handles)))
        .select(col("platform").as("_s_platform"), col("post_id").as("_s_post"))
        .unionByName(shares.join(ownKeys, col("platform").equalTo(col("_o_platform"))
                .and(col("dst_post_id").equalTo(col("_o_post"))), "left_semi")
            .select(col("platform").as("_s_platform"), col("post_id").as("_s_post")));
    Dataset<Row> going = posts.filter(own)
        .unionByName(posts.join(sharedByInteraction, col("platform").equalTo(col("_s_platform"))
            .and(col("post_id").equalTo(col("_s_post"))), "left_semi"))
        .select(col("platform"), col("post_id"), col("url"), excerpt.apply(col("title"), col("text")).as("excerpt"))
        .distinct().persist(StorageLevel.MEMORY_AND_DISK());
    Set<String> postKeys = new HashSet<>();
    Set<String> links = new HashSet<>();
    Set<String> excerpts = new HashSet<>();
    for (Row r : going.collectAsList()) {
      postKeys.add(ErasureSubject.key(r.getString(0), r.getString(1)));
      if (!r.isNullAt(2)) {
        links.add(r.getString(2));
      }
      if (!r.isNullAt(3)) {
        excerpts.add(r.getString(3));
      }
    }
    going.unpersist();
    ErasureSubject subject = new ErasureSubject(authorKeys, handles, postKeys, links, excerpts, Set.of());
    notes.add(String.format(Locale.ROOT, "erased %d account(s) with %,d posts of theirs and shares of them",
        accounts.size(), postKeys.size()));

    // The register first: a forget cut short still keeps the author out of the next ingest.
    labels.label("forget:register", "Record the erasure in " + Tables.ERASED);
    List<String> kinds = new ArrayList<>();
    List<String> fingerprints = new ArrayList<>();
    for (String[] a : accounts) {
      kinds.add(ErasedIdentities.AUTHOR);
      fingerprints.add(key.of(ErasedIdentities.AUTHOR, a[0], a[1]));
    }
    for (String h : handles) {
      int sep = h.indexOf('\u0001');
      kinds.add(ErasedIdentities.HANDLE);
      fingerprints.add(key.of(ErasedIdentities.HANDLE, h.substring(0, sep), h.substring(sep + 1)));
    }
    for (String p : postKeys) {
      int sep = p.indexOf('\u0001');
      kinds.add(ErasedIdentities.POST);
      fingerprints.add(key.of(ErasedIdentities.POST, p.substring(0, sep), p.substring(sep + 1)));
    }
    for (String l : links) {
      kinds.add(ErasedIdentities.LINK);
      fingerprints.add(key.of(ErasedIdentities.LINK, null, l));
    }
    long added = register.add(ctx, key, kinds, fingerprints);
    notes.add(String.format(Locale.ROOT, "%s: %,d fingerprints added (keyed with the %s), so later ingests "
        + "quarantine the author's records without their content", Tables.ERASED, added, key.keyedBy()));

    labels.label("forget:texts", "Find the texts that no post holds once the author's posts go");
    ErasureSubject withTexts = subject.withGoneTexts(goneTexts(subject, textHash));
    List<TableCounts> counts = new ArrayList<>();
    Map<String, List<Date>> touched = new LinkedHashMap<>();
    for (String table : cleaningOrder()) {
      if (table.equals(Tables.ERASED) || !warehouse.exists(table)) {
        continue;
      }
      labels.label("forget:" + table, "Remove the author from " + table);
      record(table, clean(table, withTexts), counts, touched, notes);
    }

    labels.label("forget:reports", "Render again the reports that showed the author");
    notes.addAll(new ReportCleaner(ctx, withTexts).clean(touched, showing));
    if (ctx.config().audiences().targets().stream().anyMatch(t -> t.authors().stream().anyMatch(ids::contains))) {
      notes.add("the job file names the author in audiences.targets: remove them there too");
    }
    labels.label(null, null);
    Map<String, String> outputs = new LinkedHashMap<>();
    for (TableCounts c : counts) {
      outputs.put(c.table(), warehouse.path(c.table()));
    }
    outputs.put(Tables.ERASED, warehouse.path(Tables.ERASED));
    return new StageResult("forget", counts, outputs, labels.millis(), notes);
  }

  /**
   * Every table, the ones the author is found by last (authors very last, once posts are clean, so that it
   * takes its activity from them): a forget cut short and run again still finds the author's accounts, names
   * and posts in them.
   */
  static List<String> cleaningOrder() {
    List<String> last = List.of(Tables.INTERACTIONS, Tables.INFLUENCERS, Tables.SEGMENT_MEMBERS, Tables.POSTS,
        Tables.AUTHORS);
    List<String> order = new ArrayList<>(Tables.names().stream().filter(t -> !last.contains(t)).toList());
    order.addAll(last);
    return order;
  }

  private void record(String table, Pass pass, List<TableCounts> counts, Map<String, List<Date>> touched,
      List<String> notes) {
    counts.add(pass.counts());
    if (!pass.partitions().isEmpty()) {
      touched.put(table, pass.partitions());
    }
    if (pass.changed() > 0) {
      notes.add(String.format(Locale.ROOT, table.equals(Tables.AUTHORS)
          ? "%s: %,d other authors' activity taken again from the posts left (their shares of the author's posts went)"
          : "%s: %,d other rows rewritten without what pointed at the author (a name, handle, link or list entry)",
          table, pass.changed()));
    }
  }

  /** The platform the operator named, else every platform the warehouse holds authors of. */
  private Set<String> platforms() {
    Set<String> platforms = new TreeSet<>();
    if (request.platform() != null) {
      platforms.add(request.platform());
      return platforms;
    }
    warehouse.read(Tables.AUTHORS).select(col("platform"))
        .unionByName(warehouse.read(Tables.POSTS).select(col("platform")))
        .unionByName(warehouse.read(Tables.INTERACTIONS).select(col("platform")))
        .distinct().collectAsList().forEach(r -> platforms.add(r.getString(0)));
    return platforms;
  }

  /** Every account of the author: (platform, author_id) as stored, in the tables that hold authors. */
  private List<String[]> accounts(Set<String> ids) {
    Dataset<Row> found = warehouse.read(Tables.AUTHORS).select(col("platform"), col("author_id"))
        .unionByName(warehouse.read(Tables.POSTS).select(col("platform"), col("author_id")))
        .unionByName(warehouse.read(Tables.INTERACTIONS).select(col("platform"), col("src_author").as("author_id")))
        .filter(col("author_id").isin(ids.toArray()));
    if (request.platform() != null) {
      found = found.filter(col("platform").equalTo(request.platform()));
    }
    List<String[]> out = new ArrayList<>();
    for (Row r : found.distinct().orderBy("platform", "author_id").collectAsList()) {
      out.add(new String[] {r.getString(0), r.getString(1)});
    }
    return out;
  }

  /**
   * The author's names and handles per platform, lower case: every name the tables give their accounts, the
   * user part of a {@code user@host} name (a text writes a handle of the same instance without its host), the
   * ids themselves (mentions name accounts by id on some platforms), and the names the operator gave.
   */
  private Set<String> handles(List<String[]> accounts, Pseudonyms pseudonyms) {
    Set<String> names = new TreeSet<>();
    Column match = accountMatch(accounts, "author_id");
    Dataset<Row> named = warehouse.read(Tables.AUTHORS).filter(match).select(col("platform"), col("name"))
        .unionByName(warehouse.read(Tables.POSTS).filter(match).select(col("platform"), col("author_name").as("name")))
        .unionByName(warehouse.read(Tables.INFLUENCERS).filter(match)
            .select(col("platform"), col("author_name").as("name")))
        .unionByName(warehouse.read(Tables.SEGMENT_MEMBERS).filter(match)
            .select(col("platform"), col("author_name").as("name")))
        .filter(col("name").isNotNull()).distinct();
    Set<String> platforms = new TreeSet<>();
    accounts.forEach(a -> {
      platforms.add(a[0]);
      names.add(ErasureSubject.key(a[0], a[1].toLowerCase(Locale.ROOT)));
    });
    for (Row r : named.collectAsList()) {
      addHandle(names, r.getString(0), r.getString(1));
    }
    for (String n : request.names()) {
      for (String p : platforms) {
        addHandle(names, p, n);
        if (pseudonyms != null) {
          addHandle(names, p, pseudonyms.of(n));
          addHandle(names, p, pseudonyms.of(n.toLowerCase(Locale.ROOT)));
        }
      }
    }
    return names;
  }

  private static void addHandle(Set<String> handles, String platform, String name) {
    String h = name.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
    if (h.isEmpty()) {
      return;
    }
    handles.add(ErasureSubject.key(platform, h));
    int at = h.indexOf('@');
    if (at > 0) {
      handles.add(ErasureSubject.key(platform, h.substring(0, at)));
    }
  }

  /** Rows whose {@code column} is one of the accounts' ids, on the account's platform. */
  private static Column accountMatch(List<String[]> accounts, String column) {
    Column any = lit(false);
    for (String[] a : accounts) {
      any = any.or(col("platform").equalTo(a[0]).and(col(column).equalTo(a[1])));
    }
    return any;
  }

  /** Interactions whose target is one of the author's handles (mentions found in texts name a handle). */
  private static Column handleMatch(Set<String> handles) {
    Column any = lit(false);
    for (String h : handles) {
      int sep = h.indexOf('\u0001');
      any = any.or(col("platform").equalTo(h.substring(0, sep)).and(lower(col("dst_author")).equalTo(h.substring(sep + 1))));
    }
    return any;
  }

  /**
   * The text hashes that no post holds once the posts that go are gone and the handles are out of the
   * others: their NLP cache entries go. A text another author's post still holds keeps its entry.
   */
  private Set<String> goneTexts(ErasureSubject subject, UserDefinedFunction textHash) {
    Dataset<Row> posts = warehouse.read(Tables.POSTS);
    Dataset<Row> before = posts.select(textHash.apply(col("title"), col("text")).as("h")).distinct();
    Dataset<Row> after = judge(Tables.POSTS, subject).filter(col(FATE).notEqual(ErasureRules.Fate.REMOVED.ordinal()))
        .select(textHash.apply(col("title"), col("text")).as("h")).distinct();
    return strings(before.except(after));
  }

  /** The table's rows, each with its fate under the rules (removed rows as they were). */
  private Dataset<Row> judge(String table, ErasureSubject subject) {
    StructType schema = Tables.schemaOf(table);
    // In _runs, run_id is the run the row records, not the one that wrote it last.
    String writer = table.equals(Tables.RUNS) ? null : ctx.runId();
    return warehouse.read(table).mapPartitions(fates(ErasureRules.RULES.get(table), schema, subject, writer),
        Encoders.row(schema.add(FATE, DataTypes.IntegerType, false)));
  }

  /**
   * The per-partition function; static, so that it captures the rules and the subject only, never the step.
   *
   * @param runId written to the run_id of the rows changed; null to leave it
   */
  private static MapPartitionsFunction<Row, Row> fates(List<ErasureRules.Rule> rules, StructType schema,
      ErasureSubject subject, String runId) {
    int runIdAt = runId != null && schema.getFieldIndex(Tables.RUN_ID).isDefined() ? schema.fieldIndex(Tables.RUN_ID)
        : -1;
    return rows -> new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row row = rows.next();
        ErasureRules.Outcome o = ErasureRules.apply(rules, schema, subject, row);
        Row out = o.fate() == ErasureRules.Fate.REMOVED ? row : o.row();
        Object[] values = new Object[out.length() + 1];
        for (int i = 0; i < out.length(); i++) {
          values[i] = out.get(i);
        }
        // A changed row is a new version, written by this run.
        if (o.fate() == ErasureRules.Fate.CHANGED && runIdAt >= 0) {
          values[runIdAt] = runId;
        }
        values[out.length()] = o.fate().ordinal();
        return RowFactory.create(values);
      }
    };
  }

  /**
   * Applies the table's rules and publishes the result: the partitions with a removed or changed row are
   * rewritten (a partition left empty is dropped), an unpartitioned table is replaced whole, and a table
   * with nothing to change is left as it is. Counted apart: the rows before and the rows removed from the
   * judged rows, the rows after from the published table.
   */
  private Pass clean(String table, ErasureSubject subject) {
    Dataset<Row> judged = judge(table, subject).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Row fates = judged.agg(count(lit(1)),
          sum(when(col(FATE).equalTo(ErasureRules.Fate.REMOVED.ordinal()), 1L).otherwise(0L)),
          sum(when(col(FATE).equalTo(ErasureRules.Fate.CHANGED.ordinal()), 1L).otherwise(0L))).first();
      long before = fates.getLong(0);
      long removed = fates.isNullAt(1) ? 0 : fates.getLong(1);
      long changed = fates.isNullAt(2) ? 0 : fates.getLong(2);
      List<Date> partitions = new ArrayList<>();
      if (table.equals(Tables.AUTHORS)) {
        // The authors whose shares of the author's posts went post less: activity is taken again from posts.
        Dataset<Row> kept = AuthorActivity.refresh(judged.filter(col(FATE).notEqual(ErasureRules.Fate.REMOVED.ordinal()))
            .drop(FATE), warehouse.read(Tables.POSTS), ctx.runId()).drop(AuthorActivity.ACTIVE)
            .persist(StorageLevel.MEMORY_AND_DISK());
        try {
          changed = kept.filter(col(Tables.RUN_ID).equalTo(ctx.runId())).count();
          if (removed + changed > 0) {
            warehouse.replaceTable(table, kept, sortColumns(table));
          }
        } finally {
          kept.unpersist();
        }
      } else if (removed + changed > 0) {
        Dataset<Row> kept = judged.filter(col(FATE).notEqual(ErasureRules.Fate.REMOVED.ordinal()));
        if (Tables.isPartitioned(table)) {
          for (Row r : judged.filter(col(FATE).notEqual(ErasureRules.Fate.KEPT.ordinal())).select("dt").distinct()
              .orderBy("dt").collectAsList()) {
            partitions.add(r.getDate(0));
          }
          warehouse.rewritePartitions(table, kept.drop(FATE), sortColumns(table), partitions);
        } else {
          warehouse.replaceTable(table, kept.drop(FATE), sortColumns(table));
        }
      }
      long after = warehouse.read(table).count();
      return new Pass(TableCounts.ofRemoval(table, before, after, removed), changed, partitions);
    } finally {
      judged.unpersist();
    }
  }

  /** The order rows are written in: by time where rows have one, else by their first column. */
  static String[] sortColumns(String table) {
    List<String> names = List.of(Tables.schemaOf(table).fieldNames());
    return switch (table) {
      case Tables.AUTHORS -> new String[] {"platform", "author_id"};
      case Tables.NLP_CACHE -> new String[] {"text_hash"};
      case Tables.RUNS -> new String[] {"started_at"};
      case Tables.ERASED -> new String[] {"kind", "fingerprint"};
      default -> names.contains("created_at") ? new String[] {"created_at"} : new String[] {names.get(0)};
    };
  }

  private static Set<String> strings(Dataset<Row> oneColumn) {
    Set<String> out = new HashSet<>();
    for (Row r : oneColumn.collectAsList()) {
      if (!r.isNullAt(0)) {
        out.add(r.getString(0));
      }
    }
    return out;
  }
}
