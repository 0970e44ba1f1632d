package io.listeningpost.graph;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Column;

/**
 * Sums of doubles that do not depend on the order Spark adds them in. A double sum rounds at each
 * step, so the same values added over other partitions (other cores, shuffle partitions, adaptive
 * execution) can differ in the last bits, and then so can rankings and communities. Values rounded to
 * multiples of 2^-24 add exactly while the total stays below 2^29, whatever the order: the sum is the
 * same bits every time.
 */
public final class OrderFreeSums {
  private static final double SCALE = 1 << 24;

  private OrderFreeSums() {}

  /** The value rounded to the nearest multiple of 2^-24 (about 6e-8): well below any figure we report. */
  public static Column exact(Column value) {
    return floor(value.multiply(SCALE).plus(0.5)).divide(SCALE);
  }

  /** Pearson's correlation of two columns, from exact sums; null for fewer than two pairs or no spread. */
  public static Column pearson(Column x, Column y) {
    Column ex = exact(x);
    Column ey = exact(y);
    Column n = count(ex).cast("double");
    Column sx = sum(ex);
    Column sy = sum(ey);
    Column cov = n.multiply(sum(exact(ex.multiply(ey)))).minus(sx.multiply(sy));
    Column vx = n.multiply(sum(exact(ex.multiply(ex)))).minus(sx.multiply(sx));
    Column vy = n.multiply(sum(exact(ey.multiply(ey)))).minus(sy.multiply(sy));
    Column spread = vx.multiply(vy);
    return org.apache.spark.sql.functions.when(n.geq(lit(2)).and(spread.gt(lit(0))), cov.divide(sqrt(spread)));
  }
}
