package io.listeningpost.graph;

/**
 * The undirected, unweighted view of a graph in compressed sparse rows: the neighbours of node
 * {@code v} are {@code to[start[v] .. start[v+1])}, sorted. Reach and betweenness need nothing
 * more, and at 4 bytes per arc it is the one part of a large graph that the driver gathers.
 */
public record UndirectedAdjacency(int[] start, int[] to) implements java.io.Serializable {
  public int nodeCount() {
    return start.length - 1;
  }

  public long arcs() {
    return to.length;
  }

  public int degree(int v) {
    return start[v + 1] - start[v];
  }
}
