package io.listeningpost.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultFormatTest {
  private static final List<String> COLUMNS = List.of("author_id", "posts", "communities");

  private static String print(ResultFormat format, List<List<Object>> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    format.print(COLUMNS, rows.iterator(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static List<Object> row(Object... cells) {
    return Arrays.asList(cells);
  }

  @Test
  void aTableAlignsColumnsRightAlignsNumbersAndCountsRows() {
    String out = print(ResultFormat.TABLE, List.of(row("ana", 12L, List.of("hr", "jobs")), row("bo", 3L, null)));
    assertThat(out.split("\n")).containsExactly(
        "author_id  posts  communities",
        "---------  -----  -----------",
        "ana           12  [hr, jobs]",
        "bo             3  NULL",
        "(2 rows)");
  }

  @Test
  void aTableKeepsEachRowOnOneLine() {
    String out = print(ResultFormat.TABLE, List.of(row("a\nb", 1, List.of())));
    assertThat(out.split("\n")).hasSize(4);
    assertThat(out).contains("a\\nb");
  }

  @Test
  void csvQuotesWhatRfc4180AsksAndEndsLinesWithCrlf() {
    String out = print(ResultFormat.CSV, List.of(
        row("plain", 1, null),
        row("with, comma", 2, List.of("x")),
        row("say \"hi\"", 3, List.of()),
        row("two\nlines", null, List.of("a", "b"))));
    assertThat(out).isEqualTo("author_id,posts,communities\r\n"
        + "plain,1,\r\n"
        + "\"with, comma\",2,\"[\"\"x\"\"]\"\r\n"
        + "\"say \"\"hi\"\"\",3,[]\r\n"
        + "\"two\nlines\",,\"[\"\"a\"\",\"\"b\"\"]\"\r\n");
  }

  @Test
  void jsonLinesKeepTypesNestingAndNulls() {
    Map<String, Object> overlap = new LinkedHashMap<>();
    overlap.put("name", "hr");
    overlap.put("members", 4L);
    String out = print(ResultFormat.JSON, List.of(
        row("ana \"A\"", 0.5, List.of(overlap)),
        row(null, Double.NaN, List.of("x"))));
    assertThat(out.split("\n")).containsExactly(
        "{\"author_id\":\"ana \\\"A\\\"\",\"posts\":0.5,\"communities\":[{\"name\":\"hr\",\"members\":4}]}",
        "{\"author_id\":null,\"posts\":\"NaN\",\"communities\":[\"x\"]}");
  }

  @Test
  void formatsAreNamedInAnyCase() {
    assertThat(ResultFormat.parse("CSV")).isEqualTo(ResultFormat.CSV);
    assertThat(ResultFormat.parse("json")).isEqualTo(ResultFormat.JSON);
  }
}
