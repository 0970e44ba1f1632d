package io.listeningpost.core.config;

import java.io.Serializable;
import java.util.Map;

/** The graph stage's settings; see the graph.* keys in docs/config.md. */
public record GraphSettings(boolean enabled, int windowDays, double halfLifeDays, Map<String, Double> kindWeights,
    double resolution, long seed, int betweennessSamples, int topMembers, double damping, int localMaxEdges) implements Serializable {
  public GraphSettings {
    kindWeights = Map.copyOf(kindWeights);
  }
}
