package io.listeningpost.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order of a run's stages, from what they declare: a stage depends on every other stage of the run
 * that writes a table it reads, and runs after them. Stages no dependency orders keep the order they were
 * given in, so that the plan is the same every run.
 */
final class StagePlan {
  private final List<PlannedStage> order;
  private final Map<String, Set<String>> dependsOn;

  private StagePlan(List<PlannedStage> order, Map<String, Set<String>> dependsOn) {
    this.order = order;
    this.dependsOn = dependsOn;
  }

  static StagePlan of(List<? extends PlannedStage> stages) {
    Map<String, Set<String>> deps = new LinkedHashMap<>();
    for (PlannedStage s : stages) {
      Set<String> d = new LinkedHashSet<>();
      for (PlannedStage other : stages) {
        if (other != s && other.tables().writes().stream().anyMatch(s.tables().inputs()::contains)) {
          d.add(other.id());
        }
      }
      deps.put(s.id(), d);
    }
    List<PlannedStage> order = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    while (order.size() < stages.size()) {
      PlannedStage next = stages.stream().filter(s -> !placed.contains(s.id()))
          .filter(s -> placed.containsAll(deps.get(s.id()))).findFirst().orElse(null);
      if (next == null) {
        List<String> left = stages.stream().map(PlannedStage::id).filter(n -> !placed.contains(n)).toList();
        throw new IllegalStateException("the stages " + left + " read each other's tables: no order runs them");
      }
      order.add(next);
      placed.add(next.id());
    }
    return new StagePlan(List.copyOf(order), deps);
  }

  List<PlannedStage> order() {
    return order;
  }

  /** The stages of the run that {@code stage} reads from. */
  Set<String> dependencies(String stage) {
    return Set.copyOf(dependsOn.get(stage));
  }
}
