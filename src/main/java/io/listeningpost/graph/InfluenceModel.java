package io.listeningpost.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the graph and what the warehouse knows about each author into influence scores, roles with
 * reasons, and community summaries. Plain Java; the graph stage and the edge-list command share it.
 *
 * <p>{@code influence_score} is a weighted mean of percentile ranks (0..1) of its components, so
 * that no component's scale dominates. With what the warehouse knows of each author: posts written
 * 0.6, engagement 0.1, sum of post scores 0.1, HITS authority 0.1, community PageRank 0.1, weights
 * chosen on se-conlang-meta and measured on se-quantumcomputing (docs/influence.md). A bare edge
 * list knows only the graph, and keeps the graph part of the earlier weighting: PageRank 0.25, unique
 * repliers 0.15, weighted in-degree 0.10, HITS authority 0.10, reach 0.05, community PageRank 0.10.
 */
public final class InfluenceModel {
  static final String[] COMPONENTS = {"posts", "engagement", "score_sum", "pagerank", "unique_repliers",
      "weighted_in_degree", "authority", "reach_2hop", "community_pagerank"};
  static final double[] WEIGHTS = {0.6, 0.1, 0.1, 0, 0, 0, 0.1, 0, 0.1};
  static final double[] EDGE_LIST_WEIGHTS = {0, 0, 0, 0.25, 0.15, 0.10, 0.10, 0.05, 0.10};

  /** Settings of one scoring run. */
  public record Settings(double damping, double resolution, long seed, int betweennessSamples, int topMembers) {}

  /**
   * What the warehouse knows about one author besides the graph. Null fields are unknown (a bare
   * edge list knows none of them).
   *
   * @param previousInWeight weighted responses in the previous window; null when there is no past to
   *     compare with (the author, or the whole warehouse, has no activity before this window)
   * @param newcomer whether the author's first activity falls inside this window while others were
   *     active before it; null when unknown
   * @param flagReason why the spam guard flagged the author, or null
   * @param platformAccount why the author is an account of the platform itself, or null
   */
  public record AuthorFacts(Long posts, Long scoreSum, Long repliesReceived, Long uniqueRepliers, Double sentiment,
      Double watchedSentiment, Long watchedPosts, Double sentimentLeadership, Double previousInWeight,
      Boolean newcomer, List<String> declaredCommunities, String flagReason, String platformAccount) {
    public static AuthorFacts none() {
      return new AuthorFacts(null, null, null, null, null, null, null, null, null, null, List.of(), null, null);
    }

    /** Kept out of rankings: flagged by the spam guard, or a platform's own account. */
    boolean unranked() {
      return flagReason != null || platformAccount != null;
    }
  }

  /** One row of the influencers table. */
  public record Influencer(String nodeId, int community, double influenceScore, Integer rank, String role,
      String roleReason, double pagerank, double hub, double authority, double weightedInDegree,
      long uniqueRepliers, double engagement, long reach2, double communityPagerank, double participation,
      int answeringCommunities, double betweenness, Double sentiment, Double watchedSentiment,
      Double sentimentLeadership, Double growth, String flagReason, AuthorFacts facts) {}

  /** One row of the communities table. */
  public record Community(int id, int size, long internalEdges, double density, double internalWeight,
      List<String> topMembers, Map<String, Long> declaredOverlap) {}

  /**
   * The whole result, with the graph's shape and community quality; {@code path} names what computed
   * the measures ({@link GraphMeasures#DRIVER} or {@link PartitionedGraph#PATH}).
   */
  public record Result(List<Influencer> influencers, List<Community> communities, double modularity, int nodes,
      int edges, long selfLoops, String path) {}

  private InfluenceModel() {}

  public static Result score(InteractionGraph g, AuthorFacts[] facts, Settings s) {
    return score(GraphMeasures.of(g, s), facts, s);
  }

  /** Influence, roles and community summaries from measures however they were computed. */
  public static Result score(GraphMeasures m, AuthorFacts[] facts, Settings s) {
    int n = m.nodeCount();
    double[] pr = m.pageRank();
    int[] c = m.communities().membership();
    double[] cpr = m.communityPageRank();
    long[] reach = m.reach();
    double[] between = m.betweenness();
    double[] participation = m.participation();
    int[] answering = m.answeringCommunities();
    double[] inWeight = m.inWeight();

    boolean havePosts = Arrays.stream(facts).anyMatch(f -> f.posts() != null);
    double[][] comp = new double[COMPONENTS.length][n];
    long[] repliers = new long[n];
    double[] engagement = new double[n];
    for (int v = 0; v < n; v++) {
      AuthorFacts f = facts[v];
      repliers[v] = f.uniqueRepliers() != null ? f.uniqueRepliers() : m.inDegree()[v];
      long score = f.scoreSum() == null ? 0 : Math.max(0, f.scoreSum());
      long replies = f.repliesReceived() == null ? 0 : f.repliesReceived();
      engagement[v] = Math.log1p(score) + Math.log1p(replies);
      comp[0][v] = f.posts() == null ? 0 : f.posts();
      comp[1][v] = engagement[v];
      comp[2][v] = f.scoreSum() == null ? 0 : f.scoreSum();
      comp[3][v] = pr[v];
      comp[4][v] = repliers[v];
      comp[5][v] = inWeight[v];
      comp[6][v] = m.authority()[v];
      comp[7][v] = reach[v];
      comp[8][v] = cpr[v];
    }
    double[] influence = combine(comp, havePosts ? WEIGHTS : EDGE_LIST_WEIGHTS);
    double[] betweenRank = percentileRanks(between);
    double[] influenceRank = percentileRanks(influence);

    Integer[] order = new Integer[n];
    for (int v = 0; v < n; v++) {
      order[v] = v;
    }
    Arrays.sort(order, Comparator.<Integer>comparingDouble(v -> -influence[v]).thenComparing(v -> m.ids()[v]));
    Integer[] rank = new Integer[n];
    int next = 1;
    for (int v : order) {
      if (!facts[v].unranked()) {
        rank[v] = next++;
      }
    }
    int rankedCount = next - 1;

    List<Influencer> out = new ArrayList<>(n);
    for (int v = 0; v < n; v++) {
      AuthorFacts f = facts[v];
      Double growth = f.previousInWeight() == null ? null
          : (inWeight[v] + 1) / (f.previousInWeight() + 1);
      String[] role = role(rank[v], rankedCount, influenceRank[v], betweenRank[v], participation[v], answering[v],
          repliers[v], growth, f, inWeight[v]);
      out.add(new Influencer(m.ids()[v], c[v], influence[v], rank[v], role[0], role[1], pr[v], m.hub()[v],
          m.authority()[v], inWeight[v], repliers[v], engagement[v], reach[v], cpr[v], participation[v], answering[v], between[v],
          f.sentiment(), f.watchedSentiment(), f.sentimentLeadership(), growth, f.flagReason(), f));
    }
    List<Community> communities = summarise(m, out, facts, s.topMembers());
    return new Result(out, communities, m.communities().modularity(), n, Math.toIntExact(m.edges()), m.selfLoops(),
        m.path());
  }

  /**
   * The primary role and why, in words an HR strategist reads. Order of precedence: critic (top 10%
   * by influence, two or more posts about watched names, average sentiment on them -0.25 or lower),
   * opinion maker (top 5%, engaged by two or more people), connector (participation 0.5 or more,
   * answered from 3 or more communities, top 5% betweenness), rising voice (weighted responses at
   * least doubled against the previous window, at least 3, top 25% influence), new voice (the same
   * attention and influence, first active in this window, so without a past to grow from), regular.
   * Platform accounts and flagged authors keep their measures but no rank and no role in the top lists.
   */
  static String[] role(Integer rank, int ranked, double influencePct, double betweenPct, double participation,
      int answering, long repliers, Double growth, AuthorFacts f, double inWeight) {
    if (f.platformAccount() != null) {
      return new String[] {"platform account", "Kept out of the rankings: " + f.platformAccount() + "."};
    }
    if (f.flagReason() != null) {
      return new String[] {"flagged", "Kept out of the top lists: " + f.flagReason() + "."};
    }
    // Opinion makers are the top 5% by influence (at least one), and someone must engage with them.
    int topCut = Math.max(1, (int) Math.ceil(ranked * 0.05));
    boolean influential = rank != null && rank <= topCut && repliers >= 2;
    if (influencePct >= 0.90 && f.watchedPosts() != null && f.watchedPosts() >= 2 && f.watchedSentiment() != null
        && f.watchedSentiment() <= -0.25) {
      return new String[] {"critic", String.format(Locale.ROOT,
          "Influential (top %.0f%%) and negative about watched names: average sentiment %.2f over %d posts "
              + "that mention them.", 100 * (1 - influencePct) + 0.5, f.watchedSentiment(), f.watchedPosts())};
    }
    if (influential) {
      return new String[] {"opinion maker", String.format(Locale.ROOT,
          "Influence rank %d of %d: %d people engage with them%s.", rank, ranked, repliers,
          f.scoreSum() != null ? String.format(Locale.ROOT, ", their posts scored %,d in total", f.scoreSum()) : "")};
    }
    if (participation >= 0.5 && answering >= 3 && betweenPct >= 0.95) {
      return new String[] {"connector", String.format(Locale.ROOT,
          "An \"angel\" between communities: people from %d communities respond to them, their ties spread "
              + "across communities (participation %.2f), and they sit on many shortest paths (top %.0f%% "
              + "betweenness).", answering, participation, 100 * (1 - betweenPct) + 0.5)};
    }
    if (growth != null && growth >= 2.0 && inWeight >= 3 && influencePct >= 0.75) {
      return new String[] {"rising voice", String.format(Locale.ROOT,
          "Attention grew %.1f× against the previous window (weighted responses %.1f now).", growth, inWeight)};
    }
    if (growth == null && Boolean.TRUE.equals(f.newcomer()) && inWeight >= 3 && influencePct >= 0.75) {
      return new String[] {"new voice", String.format(Locale.ROOT,
          "First active in this window, so there is no earlier attention to compare with; already in the top "
              + "%.0f%% by influence (weighted responses %.1f).", 100 * (1 - influencePct) + 0.5, inWeight)};
    }
    return new String[] {"regular", "Participates without standing out on influence, reach across communities or growth."};
  }

  private static List<Community> summarise(GraphMeasures m, List<Influencer> infl, AuthorFacts[] facts, int top) {
    int count = m.communities().count();
    int[] c = m.communities().membership();
    int[] size = new int[count];
    for (int u = 0; u < m.nodeCount(); u++) {
      size[c[u]]++;
    }
    long[] internal = m.internalEdges();
    double[] internalWeight = m.internalWeight();
    List<List<Influencer>> members = new ArrayList<>();
    List<Map<String, Long>> overlap = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      members.add(new ArrayList<>());
      overlap.add(new TreeMap<>());
    }
    for (int v = 0; v < infl.size(); v++) {
      Influencer i = infl.get(v);
      members.get(i.community()).add(i);
      for (String d : facts[v].declaredCommunities()) {
        overlap.get(i.community()).merge(d, 1L, Long::sum);
      }
    }
    List<Community> out = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      List<String> topIds = members.get(k).stream().filter(i -> i.rank() != null)
          .sorted(Comparator.comparingInt(Influencer::rank)).limit(top).map(Influencer::nodeId).toList();
      long possible = (long) size[k] * (size[k] - 1);
      Map<String, Long> declared = new LinkedHashMap<>();
      overlap.get(k).entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
          .thenComparing(Map.Entry.comparingByKey())).limit(10).forEach(e -> declared.put(e.getKey(), e.getValue()));
      out.add(new Community(k, size[k], internal[k], possible == 0 ? 0 : (double) internal[k] / possible,
          internalWeight[k], topIds, declared));
    }
    return out;
  }

  /**
   * The weighted mean of the components' percentile ranks over all nodes; weights need not sum to 1,
   * and a component of weight 0 is left out.
   */
  static double[] combine(double[][] components, double[] weights) {
    int n = components.length == 0 ? 0 : components[0].length;
    double weightSum = Arrays.stream(weights).sum();
    double[] out = new double[n];
    for (int k = 0; k < components.length; k++) {
      if (weights[k] == 0) {
        continue;
      }
      double[] ranks = percentileRanks(components[k]);
      for (int v = 0; v < n; v++) {
        out[v] += weights[k] / weightSum * ranks[v];
      }
    }
    return out;
  }

  /** Percentile rank in [0, 1] with ties sharing their average rank; all-equal input gives 0.5. */
  static double[] percentileRanks(double[] x) {
    int n = x.length;
    double[] out = new double[n];
    if (n == 0) {
      return out;
    }
    if (n == 1) {
      out[0] = 0.5;
      return out;
    }
    // A primitive sort and two binary searches per value: boxed index sorts took a minute on 10M authors.
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    for (int v = 0; v < n; v++) {
      int first = bound(sorted, x[v], false);
      int last = bound(sorted, x[v], true) - 1;
      out[v] = (first + last) / 2.0 / (n - 1);
    }
    return out;
  }

  /** The first position holding a value above ({@code after}) or not below {@code value}. */
  private static int bound(double[] sorted, double value, boolean after) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      int c = Double.compare(sorted[mid], value);
      if (c < 0 || (after && c == 0)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
