package io.listeningpost.audiences.topics;

/**
 * A document as a sparse vector: term ids in ascending order and their weights (same length). Arrays
 * keep it compact when Spark ships many of them; callers must not mutate them.
 */
public record SparseDoc(int[] terms, double[] weights) implements java.io.Serializable {
  public SparseDoc {
    if (terms.length != weights.length) {
      throw new IllegalArgumentException("terms and weights differ in length: " + terms.length + " vs "
          + weights.length);
    }
  }

  public static final SparseDoc EMPTY = new SparseDoc(new int[0], new double[0]);

  public boolean isEmpty() {
    return terms.length == 0;
  }
}
