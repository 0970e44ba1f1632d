package io.listeningpost.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kernels on a graph cut into blocks anywhere give the numbers of the graph held whole, without
 * Spark: the email-Eu-core network (SNAP) cut into three uneven node ranges.
 */
class GraphBlockTest {
  /** Blocks run one after the other in the calling thread, as Spark would run them on executors. */
  private record ListedBlocks(List<GraphBlock> blocks, int nodeCount) implements BlockSet {
    @Override
    public <T extends Serializable> Shared<T> share(T value) {
      return BlockSet.of(blocks.get(0)).share(value);
    }

    @Override
    public <R> List<Result<R>> map(Kernel<R> kernel) {
      return blocks.stream().map(b -> new Result<>(b.lo(), kernel.apply(b))).toList();
    }
  }

  /** The node range [lo, hi) of a whole graph as a block built from its edge lists. */
  private static GraphBlock cut(InteractionGraph g, int lo, int hi) {
    List<double[]> in = new ArrayList<>();
    List<double[]> out = new ArrayList<>();
    for (int v = lo; v < hi; v++) {
      for (int j = g.inStart[v]; j < g.inStart[v + 1]; j++) {
        in.add(new double[] {v, g.inFrom[j], g.inW[j]});
      }
      for (int j = g.outStart[v]; j < g.outStart[v + 1]; j++) {
        out.add(new double[] {v, g.outTo[j], g.outW[j]});
      }
    }
    return GraphBlock.of(lo, hi, column(in, 0), column(in, 1), in.stream().mapToDouble(e -> e[2]).toArray(),
        in.size(), column(out, 0), column(out, 1), out.stream().mapToDouble(e -> e[2]).toArray(), out.size());
  }

  private static int[] column(List<double[]> rows, int k) {
    return rows.stream().mapToInt(e -> (int) e[k]).toArray();
  }

  @Test
  void kernelsOnThreeBlocksGiveTheNumbersOfTheWholeGraph() throws Exception {
    InteractionGraph g = GraphAlgorithmsTest.email();
    int n = g.nodeCount();
    BlockSet cut = new ListedBlocks(List.of(cut(g, 0, 7), cut(g, 7, n / 2), cut(g, n / 2, n)), n);
    BlockSet whole = g.blocks();
    double[] outWeight = BlockSet.doubles(whole, GraphBlock::outWeights);
    assertThat(BlockSet.doubles(cut, GraphBlock::outWeights)).containsExactly(outWeight);
    assertThat(BlockSet.doubles(cut, GraphBlock::strengths)).containsExactly(BlockSet.doubles(whole,
        GraphBlock::strengths));
    assertThat(GraphAlgorithms.pageRank(cut, outWeight, 0.85, 1e-10, 200))
        .containsExactly(GraphAlgorithms.pageRank(g, 0.85, 1e-10, 200));
    assertThat(GraphAlgorithms.hits(cut, 1e-10, 200)[1]).containsExactly(GraphAlgorithms.hits(g, 1e-10, 200)[1]);
    int[] c = Communities.leiden(g, 1.0, 42).membership();
    int count = Communities.leiden(g, 1.0, 42).count();
    assertThat(GraphAlgorithms.communityPageRank(cut, c, count, 0.85, 1e-10, 200))
        .containsExactly(GraphAlgorithms.communityPageRank(g, c, count, 0.85, 1e-10, 200));
    assertThat(GraphAlgorithms.participation(cut, c)).containsExactly(GraphAlgorithms.participation(whole, c));
    assertThat(GraphAlgorithms.answeringCommunities(cut, c))
        .containsExactly(GraphAlgorithms.answeringCommunities(whole, c));
  }

  @Test
  void ofTwoLoneNeighboursOnlyTheLargerLabelMovesSoTheyDoNotSwap() {
    // d - a - b = c: b and c are together, a and d alone; a and d gain most by joining each other.
    InteractionGraph g = new InteractionGraph.Builder().edge("a", "b", 1).edge("b", "c", 3).edge("a", "d", 1)
        .build();
    GraphBlock b = cut(g, 0, 4);
    double[] strength = b.strengths();
    int[] community = {0, 1, 1, 3};
    double[] communityStrength = {strength[0], strength[1] + strength[2], 0, strength[3]};
    int[] size = {1, 2, 0, 1};
    double total = strength[0] + strength[1] + strength[2] + strength[3];
    List<Integer> movedA = new ArrayList<>();
    List<Integer> movedD = new ArrayList<>();
    for (int round = 0; round < 16; round++) {
      int[] moves = b.louvainMoves(community, strength, communityStrength, size, 1 / total, 42, round);
      for (int i = 0; i < moves.length; i += 2) {
        (moves[i] == 0 ? movedA : movedD).add(moves[i + 1]);
        assertThat(moves[i]).as("only the lone nodes gain by moving").isIn(0, 3);
      }
    }
    // Moving together in one round would swap their labels; only d, with the larger label, moves.
    assertThat(movedA).isEmpty();
    assertThat(movedD).isNotEmpty().containsOnly(0);
  }
}
