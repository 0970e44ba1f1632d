package io.listeningpost.graph;

import io.listeningpost.core.Tables;
import io.listeningpost.ingest.Warehouse;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Writes an {@link InfluenceModel.Result} as the influencers and communities tables, one {@code dt}
 * partition per window end, so that every night's ranking is kept and can be compared.
 */
public final class GraphOutput {
  /** Separates platform and author id in node ids of the warehouse graph. */
  public static final char NODE_SEPARATOR = '|';

  private GraphOutput() {}

  public static String nodeId(String platform, String author) {
    return platform + NODE_SEPARATOR + author;
  }

  public static void write(SparkSession spark, Warehouse warehouse, InfluenceModel.Result result,
      Map<String, String> names, Date windowStart, Date windowEnd, String runId) {
    List<Row> influencers = new ArrayList<>(result.influencers().size());
    for (InfluenceModel.Influencer i : result.influencers()) {
      String node = i.nodeId();
      int cut = node.indexOf(NODE_SEPARATOR);
      String platform = cut < 0 ? null : node.substring(0, cut);
      String author = cut < 0 ? node : node.substring(cut + 1);
      InfluenceModel.AuthorFacts f = i.facts();
      influencers.add(RowFactory.create(platform, author, names.get(node), i.community(), i.influenceScore(), i.rank(),
          i.role(), i.roleReason(), i.pagerank(), i.hub(), i.authority(), i.weightedInDegree(), i.uniqueRepliers(),
          f.posts(), f.scoreSum(), f.repliesReceived(), i.engagement(), i.reach2(), i.communityPagerank(),
          i.participation(), i.answeringCommunities(), i.betweenness(), i.sentiment(), i.watchedSentiment(),
          f.watchedPosts(), i.sentimentLeadership(), i.growth(), i.flagReason() != null, i.flagReason(),
          f.declaredCommunities().toArray(new String[0]), windowStart, runId, windowEnd));
    }
    List<Row> communities = new ArrayList<>(result.communities().size());
    for (InfluenceModel.Community c : result.communities()) {
      Row[] overlap = c.declaredOverlap().entrySet().stream().map(e -> RowFactory.create(e.getKey(), e.getValue()))
          .toArray(Row[]::new);
      communities.add(RowFactory.create(c.id(), c.size(), c.internalEdges(), c.density(), c.internalWeight(),
          c.topMembers().toArray(new String[0]), overlap, result.modularity(), result.nodes(), result.edges(),
          windowStart, runId, windowEnd));
    }
    spark.sparkContext().setJobGroup("graph:write", "Write influencers and communities [run " + runId + "]", false);
    warehouse.overwritePartitions(Tables.INFLUENCERS,
        spark.createDataFrame(influencers, Tables.INFLUENCERS_SCHEMA), new String[] {"influence_rank"});
    warehouse.overwritePartitions(Tables.COMMUNITIES,
        spark.createDataFrame(communities, Tables.COMMUNITIES_SCHEMA), new String[] {"community_id"});
  }
}
