// Lives in the storage package to reach Warehouse.holdsAtLeast; compiled and run as docs/benchmarks.md says.
package io.listeningpost.storage;

import io.listeningpost.run.SparkSessions;
import org.apache.spark.sql.SparkSession;

/**
 * What ingest's check of the posts table's size against ingest.post-key-index-min-posts costs: the
 * footers of the posts table read on the driver, timed over several rounds. Arguments: a warehouse, the
 * minimum, the number of rounds.
 */
public class PostsFooterCount {
  public static void main(String[] a) {
    SparkSession spark = SparkSessions.create("local[2]", 2, "posts-footer-count");
    Warehouse warehouse = new Warehouse(spark, a[0], 500_000, "footer-count", TablePublisher.StepHook.NONE);
    long min = Long.parseLong(a[1]);
    for (int round = 0; round < Integer.parseInt(a[2]); round++) {
      long t = System.nanoTime();
      boolean holds = warehouse.holdsAtLeast(Tables.POSTS, min);
      System.out.printf("round %d: holds at least %,d posts: %s, %.1f ms%n", round + 1, min, holds,
          (System.nanoTime() - t) / 1e6);
    }
    spark.stop();
  }
}
