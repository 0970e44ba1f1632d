package io.listeningpost.graph;

import io.listeningpost.stage.StageContext;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.stage.StageResult;
import io.listeningpost.storage.Tables;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.ingest.IngestStep;
import io.listeningpost.run.Main;
import io.listeningpost.testing.LocalSpark;
import io.listeningpost.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Runs the enrich stage for the spam guard, so it loads CoreNLP: kept with the model-heavy tests. */
@Tag("spark")
@Tag("nlp")
class GraphStepTest {
  @RegisterExtension
  static final LocalSpark SPARK = new LocalSpark();

  private static ListeningPostConfig config(Path dir, String extra) throws Exception {
    Path conf = dir.resolve("job.conf");
    Files.writeString(conf, "warehouse = \"" + dir.resolve("wh") + "\"\nreports = \"" + dir.resolve("reports")
        + "\"\n" + extra + "\n");
    return ListeningPostConfig.load(conf, ListeningPostConfig.Overrides.none());
  }

  @Test
  void topOpinionMakersOfQuantumComputingAreItsTopReputationUsers(@TempDir Path dir) throws Exception {
    // Reputation is earned over the whole dump (2018-03-12..09-02), so the window covers it without decay.
    ListeningPostConfig c = config(dir, "graph { window-days = 180, half-life-days = 3650 }\nsources = [ { format = "
        + "stackexchange, path = \"" + SharedData.dataset("se-quantumcomputing") + "\" } ]");
    LocalDate end = LocalDate.of(2018, 9, 2);
    new IngestStep(StageContext.of(SPARK.spark(), c, "ingest-1", end)).run();
    StageResult r = new GraphStep(StageContext.of(SPARK.spark(), c, "graph-1", end)).run();
    Dataset<Row> infl = SPARK.spark().read().parquet(dir.resolve("wh/influencers").toString());
    assertThat(infl.columns()).containsExactly(Tables.INFLUENCERS_SCHEMA.fieldNames());
    // Users who posted (SOURCE.md: 404 wrote posts or comments) plus those only reached by edges.
    assertThat(infl.filter(col("posts").gt(0)).count()).isEqualTo(404);
    List<String> topRep = SPARK.spark().read().parquet(dir.resolve("wh/authors").toString())
        .filter(col("reputation").isNotNull()).orderBy(col("reputation").desc()).limit(20)
        .select("author_id").as(Encoders.STRING()).collectAsList();
    List<String> top = infl.filter(col("influence_rank").leq(20)).select("author_id").as(Encoders.STRING())
        .collectAsList();
    assertThat(top).hasSize(20);
    Set<String> hit = new HashSet<>(top);
    hit.retainAll(topRep);
    // The weights were chosen on se-conlang-meta, so this is a held-out figure (docs/influence.md): 0.90
    // on 2026-11-29; the weights before that choice, tuned on this site, found 0.85.
    assertThat(hit.size() / 20.0).as("precision@20 against reputation; top %s", top).isGreaterThanOrEqualTo(0.90);
    assertThat(infl.filter(col("role").equalTo("opinion maker")).count()).isGreaterThanOrEqualTo(10);
    assertThat(infl.filter(col("role_reason").isNull()).count()).isZero();
    Dataset<Row> comm = SPARK.spark().read().parquet(dir.resolve("wh/communities").toString());
    assertThat(comm.agg(org.apache.spark.sql.functions.sum("size")).first().getLong(0)).isEqualTo(infl.count());
    assertThat(r.tables()).allSatisfy(t -> assertThat(t.reconciles()).as(t.mismatch()).isTrue());
  }

  @Test
  void floodersSelfRepliersAndReplyRingsAreFlaggedAndKeptOutOfTheRanking(@TempDir Path dir) throws Exception {
    StringBuilder csv = new StringBuilder("id,user,time,board,reply_to,text\n");
    int id = 1;
    // A normal thread: many people answer alice.
    csv.append(id++).append(",alice,2026-11-10 09:00:00,careers,,How do you prepare for a panel interview?\n");
    for (String u : List.of("bob", "carol", "dan", "erin", "frank")) {
      csv.append(id++).append(',').append(u).append(",2026-11-10 10:00:00,careers,1,Practise with a friend, ")
          .append(u).append(" here.\n");
    }
    // A flooder posts the same text six times.
    for (int i = 0; i < 6; i++) {
      csv.append(id++).append(",spammy,2026-11-11 0").append(i).append(":00:00,careers,,BEST JOBS HERE click now\n");
    }
    // A self-reply loop: twelve replies to its own first post.
    int loopRoot = id;
    csv.append(id++).append(",looper,2026-11-12 08:00:00,careers,,Bumping my own thread\n");
    for (int i = 0; i < 12; i++) {
      csv.append(id++).append(",looper,2026-11-12 09:").append(10 + i).append(":00,careers,").append(loopRoot)
          .append(",bump ").append(i).append('\n');
    }
    // A reply ring: ring1 and ring2 answer each other and nobody else.
    int last = id;
    csv.append(id++).append(",ring1,2026-11-13 08:00:00,careers,,Great company\n");
    for (int i = 0; i < 12; i++) {
      String who = i % 2 == 0 ? "ring2" : "ring1";
      csv.append(id).append(',').append(who).append(",2026-11-13 09:").append(10 + i).append(":00,careers,")
          .append(last).append(",agreed ").append(i).append('\n');
      last = id++;
    }
    Path src = Files.createDirectories(dir.resolve("in"));
    Files.writeString(src.resolve("forum.csv"), csv);
    ListeningPostConfig c = config(dir, "sources = [ { format = csv, path = \"" + src + "\", platform = forum, "
        + "time-format = \"yyyy-MM-dd HH:mm:ss\", mapping { post_id = id, author_id = user, created_at = time, "
        + "community = board, parent_id = reply_to, text = text } } ]");
    LocalDate end = LocalDate.of(2026, 11, 14);
    new IngestStep(StageContext.of(SPARK.spark(), c, "ingest-1", end)).run();
    new io.listeningpost.enrich.EnrichStep(StageContext.of(SPARK.spark(), c, "enrich-1", end)).run();
    new GraphStep(StageContext.of(SPARK.spark(), c, "graph-1", end)).run();
    Dataset<Row> infl = SPARK.spark().read().parquet(dir.resolve("wh/influencers").toString());
    Dataset<Row> flagged = infl.filter(col("flagged"));
    assertThat(flagged.select("author_id").as(Encoders.STRING()).collectAsList())
        .containsExactlyInAnyOrder("spammy", "looper", "ring1", "ring2");
    assertThat(flagged.filter(col("influence_rank").isNotNull()).count()).isZero();
    assertThat(flagged.filter(col("role").notEqual("flagged")).count()).isZero();
    assertThat(reason(infl, "spammy")).contains("posted the same text 6 times");
    assertThat(reason(infl, "looper")).contains("self-reply loop");
    assertThat(reason(infl, "ring1")).contains("reciprocal reply ring with forum|ring2");
    assertThat(infl.filter(col("author_id").equalTo("alice")).select("influence_rank").first().getInt(0)).isEqualTo(1);
  }

  private static String reason(Dataset<Row> infl, String author) {
    return infl.filter(col("author_id").equalTo(author)).select("flag_reason").first().getString(0);
  }

  @Test
  void bringYourOwnEdgeListWritesTheSameTablesAndQuarantinesBadLines(@TempDir Path dir) throws Exception {
    Path edges = dir.resolve("karate.csv");
    StringBuilder sb = new StringBuilder("# Zachary's karate club, comma-separated, with a comment and bad lines\n");
    for (String line : Files.readAllLines(SharedData.dataset("zachary-karate/zachary.txt"))) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 3) {
        sb.append(f[0]).append(',').append(f[1]).append(',').append(f[2]).append("  # weighted\n");
        sb.append(f[1]).append(' ').append(f[0]).append(' ').append(f[2]).append('\n');
      }
    }
    sb.append("lonely\n1 2 heavy\n3 4 -1\n");
    Files.writeString(edges, sb);
    Path out = dir.resolve("out");
    assertThat(Main.run("graph", "--edges", edges.toString(), "--out", out.toString())).isZero();
    Dataset<Row> infl = SPARK.spark().read().parquet(out.resolve("influencers").toString());
    assertThat(infl.count()).isEqualTo(34);
    assertThat(infl.filter(col("influence_rank").leq(2)).select("author_id").as(Encoders.STRING()).collectAsList())
        .containsExactlyInAnyOrder("1", "34");
    assertThat(infl.columns()).containsExactly(Tables.INFLUENCERS_SCHEMA.fieldNames());
    Dataset<Row> q = SPARK.spark().read().parquet(out.resolve("quarantine").toString());
    assertThat(q.select("reason").as(Encoders.STRING()).collectAsList()).containsExactlyInAnyOrder(
        "expected 'src dst [weight]', found 1 field", "weight 'heavy' is not a number",
        "weight -1 is not a positive finite number");
    assertThat(SPARK.spark().read().parquet(out.resolve("communities").toString()).count()).isBetween(2L, 6L);
  }
}
