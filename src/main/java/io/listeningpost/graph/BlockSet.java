package io.listeningpost.graph;

import java.io.Serializable;
import java.util.List;

/**
 * The blocks of one graph and a way to run a kernel on each: in the driver for a graph held whole,
 * on Spark executors for a partitioned one. Values every kernel reads (a rank vector, the community
 * of each node) are shared once per step rather than shipped with every task.
 */
public interface BlockSet {
  int nodeCount();

  /** Makes a value readable by kernels through {@link Shared#get()}; close it when the step is done. */
  <T extends Serializable> Shared<T> share(T value);

  /** The kernel's result for each block, in the order of the blocks' first nodes. */
  <R> List<Result<R>> map(Kernel<R> kernel);

  /** A kernel's result for the block whose first node is {@code lo}. */
  record Result<R>(int lo, R value) {}

  /** A computation on one block; serializable, since Spark ships it to executors. */
  @FunctionalInterface
  interface Kernel<R> extends Serializable {
    R apply(GraphBlock block);
  }

  /** A value shared with kernels. */
  interface Shared<T> extends Serializable, AutoCloseable {
    T get();

    @Override
    void close();
  }

  /** One block holding the whole graph, run in the calling thread. */
  static BlockSet of(GraphBlock whole) {
    return new BlockSet() {
      @Override
      public int nodeCount() {
        return whole.hi - whole.lo;
      }

      @Override
      public <T extends Serializable> Shared<T> share(T value) {
        return new Shared<>() {
          @Override
          public T get() {
            return value;
          }

          @Override
          public void close() {}
        };
      }

      @Override
      public <R> List<Result<R>> map(Kernel<R> kernel) {
        return List.of(new Result<>(whole.lo, kernel.apply(whole)));
      }
    };
  }

  /** The per-node slices of all blocks as one array over all nodes. */
  static double[] doubles(BlockSet blocks, Kernel<double[]> kernel) {
    return gather(blocks, kernel, new double[blocks.nodeCount()], a -> a.length);
  }

  /** {@link #doubles} for integer values. */
  static int[] ints(BlockSet blocks, Kernel<int[]> kernel) {
    return gather(blocks, kernel, new int[blocks.nodeCount()], a -> a.length);
  }

  /** Copies each block's slice of a primitive array into {@code all}, or returns the one slice that spans it. */
  private static <A> A gather(BlockSet blocks, Kernel<A> kernel, A all, java.util.function.ToIntFunction<A> length) {
    List<Result<A>> parts = blocks.map(kernel);
    if (parts.size() == 1 && length.applyAsInt(parts.get(0).value()) == blocks.nodeCount()) {
      return parts.get(0).value();
    }
    for (Result<A> p : parts) {
      System.arraycopy(p.value(), 0, all, p.lo(), length.applyAsInt(p.value()));
    }
    return all;
  }
}
