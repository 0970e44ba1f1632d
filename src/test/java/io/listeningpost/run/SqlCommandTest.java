package io.listeningpost.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.storage.TablePublisher;
import io.listeningpost.storage.Tables;
import io.listeningpost.storage.Warehouse;
import io.listeningpost.testing.LocalSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The sql command on a small warehouse of two written tables; every other table is an empty view. */
@Tag("spark")
class SqlCommandTest {
  @RegisterExtension
  static final LocalSpark SPARK = new LocalSpark();

  @TempDir
  static Path dir;

  private static final Date DAY = Date.valueOf("2026-11-20");

  @BeforeAll
  static void smallWarehouse() {
    Warehouse w = new Warehouse(SPARK.spark(), dir.toString(), 1000, "run-1", TablePublisher.StepHook.NONE);
    List<Row> posts = new ArrayList<>();
    posts.add(post("p1", "ana", "hr", "Hello, \"world\""));
    posts.add(post("p2", "ana", "hr", "second"));
    posts.add(post("p3", "bo", "jobs", "third"));
    w.overwritePartitions(Tables.POSTS, SPARK.spark().createDataFrame(posts, Tables.POSTS_SCHEMA),
        new String[] {"post_id"});
    List<Row> influencers = new ArrayList<>();
    Object[] cells = new Object[Tables.INFLUENCERS_SCHEMA.size()];
    StructType s = Tables.INFLUENCERS_SCHEMA;
    cells[s.fieldIndex("platform")] = "forum";
    cells[s.fieldIndex("author_id")] = "ana";
    cells[s.fieldIndex("influence_rank")] = 1;
    cells[s.fieldIndex("influence_score")] = 0.75;
    cells[s.fieldIndex("declared_communities")] = new String[] {"hr", "jobs"};
    cells[s.fieldIndex("run_id")] = "run-1";
    cells[s.fieldIndex("dt")] = DAY;
    influencers.add(RowFactory.create(cells));
    w.overwriteOnePartition(Tables.INFLUENCERS, DAY, SPARK.spark().createDataFrame(influencers, s));
  }

  private static Row post(String id, String author, String community, String text) {
    Object[] cells = new Object[Tables.POSTS_SCHEMA.size()];
    StructType s = Tables.POSTS_SCHEMA;
    cells[s.fieldIndex("platform")] = "forum";
    cells[s.fieldIndex("community")] = community;
    cells[s.fieldIndex("post_id")] = id;
    cells[s.fieldIndex("author_id")] = author;
    cells[s.fieldIndex("created_at")] = Timestamp.valueOf("2026-11-20 10:00:00");
    cells[s.fieldIndex("text")] = text;
    cells[s.fieldIndex("run_id")] = "run-1";
    cells[s.fieldIndex("dt")] = DAY;
    return RowFactory.create(cells);
  }

  private static String[] sql(String query, ResultFormat format, int limit) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = SqlQuery.run(SPARK.spark(), dir.toString(), query, format, limit,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
  }

  @Test
  void everyTableIsAViewAndATableNoRunWroteIsEmpty() {
    String[] r = sql("SELECT (SELECT count(*) FROM posts) AS posts, (SELECT count(*) FROM influencers) AS influencers, "
        + "(SELECT count(*) FROM authors) AS authors, (SELECT count(*) FROM _runs) AS runs", ResultFormat.CSV, 0);
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).isEqualTo("posts,influencers,authors,runs\r\n3,1,0,0\r\n");
    for (String table : Tables.names()) {
      assertThat(sql("SELECT * FROM " + table, ResultFormat.CSV, 0)[0]).as(table).isEqualTo("0");
    }
  }

  @Test
  void csvOfAQueryQuotesTextsAndPrintsTimesInUtc() {
    String[] r = sql("SELECT post_id, text, created_at, dt FROM posts WHERE author_id = 'ana' ORDER BY post_id",
        ResultFormat.CSV, 0);
    assertThat(r[1]).isEqualTo("post_id,text,created_at,dt\r\n"
        + "p1,\"Hello, \"\"world\"\"\",2026-11-20T10:00:00Z,2026-11-20\r\n"
        + "p2,second,2026-11-20T10:00:00Z,2026-11-20\r\n");
  }

  @Test
  void jsonKeepsArraysAndNumbers() {
    String[] r = sql("SELECT author_id, influence_score, declared_communities FROM influencers", ResultFormat.JSON, 0);
    assertThat(r[1].strip()).isEqualTo(
        "{\"author_id\":\"ana\",\"influence_score\":0.75,\"declared_communities\":[\"hr\",\"jobs\"]}");
  }

  @Test
  void aTableIsAlignedAndTheLimitIsSaidOnStandardError() {
    String[] r = sql("SELECT community, count(*) AS posts FROM posts GROUP BY community ORDER BY posts DESC",
        ResultFormat.TABLE, 1);
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1].split("\n")).containsExactly("community  posts", "---------  -----", "hr             2",
        "(1 row)");
    assertThat(r[2]).contains("showing the first 1 rows");
  }

  @Test
  void aBadQueryIsOneLineOnStandardErrorAndExitCode1() {
    for (String bad : List.of("SELECT nope FROM posts", "SELEC 1", "SELECT * FROM no_such_table")) {
      String[] r = sql(bad, ResultFormat.TABLE, 10);
      assertThat(r[0]).as(bad).isEqualTo("1");
      assertThat(r[1]).as(bad).isEmpty();
      assertThat(r[2].strip()).as(bad).startsWith("sql: ").doesNotContain("\n").doesNotContain("\tat ");
    }
  }
}
