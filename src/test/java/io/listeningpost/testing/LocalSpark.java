package io.listeningpost.testing;

import com.holdenkarau.spark.testing.DataFrameSuiteBase$;
import io.listeningpost.run.SparkSessions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One local SparkSession per test class, with the settings of the command line's ({@link SparkSessions}):
 * local[2], two shuffle partitions. spark-testing-base has no JUnit 5 extension, so this wraps its row
 * comparison helper.
 */
public final class LocalSpark implements BeforeAllCallback, AfterAllCallback {
  private SparkSession spark;

  @Override
  public void beforeAll(ExtensionContext context) {
    spark = SparkSessions.create("local[2]", 2, context.getDisplayName());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    // Null when an extension registered before this one failed, and this one never started.
    if (spark != null) {
      spark.stop();
    }
  }

  public SparkSession spark() {
    return spark;
  }

  /** Asserts two datasets hold the same rows, in any order (spark-testing-base's row equality). */
  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
    List<Row> e = sorted(expected.collectAsList());
    List<Row> a = sorted(actual.collectAsList());
    if (e.size() != a.size()) {
      throw new AssertionError("expected " + e.size() + " rows but got " + a.size());
    }
    for (int i = 0; i < e.size(); i++) {
      if (!DataFrameSuiteBase$.MODULE$.approxEquals(e.get(i), a.get(i), 0.0)) {
        throw new AssertionError("row " + i + " differs:\n expected " + e.get(i) + "\n actual   " + a.get(i));
      }
    }
  }

  private static List<Row> sorted(List<Row> rows) {
    List<Row> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(Row::toString));
    return copy;
  }
}
