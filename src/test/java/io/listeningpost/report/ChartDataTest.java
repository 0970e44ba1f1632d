package io.listeningpost.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartDataTest {
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
    return (List<Map<String, Object>>) map.get(key);
  }

  @Test
  void communitiesSitOnARingWithTheirVoicesAndAngelsReachEveryCommunityTheyPostIn() {
    Map<String, Object> map = ChartData.communityMap(ReportFixtures.plain());
    List<Map<String, Object>> nodes = list(map, "nodes");
    assertThat(nodes.stream().filter(n -> n.get("category").equals("community"))).hasSize(4);
    assertThat(nodes).allSatisfy(n -> assertThat(n).containsKeys("x", "y"));
    Map<String, Object> top = nodes.get(0);
    assertThat(top.get("x")).isEqualTo(0L);
    assertThat((Long) top.get("y")).isNegative();
    assertThat(list(map, "edges")).filteredOn(e -> e.get("source").equals("vreddit:u2"))
        .extracting(e -> e.get("target")).containsExactlyInAnyOrder("c2", "c3");
    assertThat(ChartData.communityMap(ReportFixtures.plain())).isEqualTo(map);
  }
}
