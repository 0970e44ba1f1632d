package io.listeningpost.graph;

import io.listeningpost.storage.ParquetPartitionWriter;
import io.listeningpost.storage.Tables;
import io.listeningpost.storage.Warehouse;
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

  /** Writes both tables into the warehouse with Spark. */
  public static void write(SparkSession spark, Warehouse warehouse, InfluenceModel.Result result,
      Map<String, String> names, Date windowStart, Date windowEnd, String runId) {
    spark.sparkContext().setJobGroup("graph:write", "Write influencers and communities [run " + runId + "]", false);
    warehouse.overwriteOnePartition(Tables.INFLUENCERS, windowEnd, spark.createDataFrame(
        influencerRows(result, names, windowStart, windowEnd, runId), Tables.INFLUENCERS_SCHEMA));
    warehouse.overwriteOnePartition(Tables.COMMUNITIES, windowEnd, spark.createDataFrame(
        communityRows(result, windowStart, windowEnd, runId), Tables.COMMUNITIES_SCHEMA));
  }

  /** Writes both tables under {@code dir} with parquet-hadoop alone, as Spark would lay them out. */
  public static void writeWithoutSpark(String dir, InfluenceModel.Result result, Date windowEnd, String runId)
      throws java.io.IOException {
    ParquetPartitionWriter.write(dir, Tables.INFLUENCERS, windowEnd,
        influencerRows(result, Map.of(), null, windowEnd, runId), runId);
    ParquetPartitionWriter.write(dir, Tables.COMMUNITIES, windowEnd, communityRows(result, null, windowEnd, runId),
        runId);
  }

  static List<Row> influencerRows(InfluenceModel.Result result, Map<String, String> names, Date windowStart,
      Date windowEnd, String runId) {
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
    // Best first, so that a file opened as it is reads like a ranking; unranked (flagged) authors last.
    influencers.sort(java.util.Comparator.comparing((Row r) -> r.isNullAt(5) ? Integer.MAX_VALUE : r.getInt(5))
        .thenComparing(r -> String.valueOf(r.get(1))));
    return influencers;
  }

  static List<Row> communityRows(InfluenceModel.Result result, Date windowStart, Date windowEnd, String runId) {
    List<Row> communities = new ArrayList<>(result.communities().size());
    for (InfluenceModel.Community c : result.communities()) {
      Row[] overlap = c.declaredOverlap().entrySet().stream().map(e -> RowFactory.create(e.getKey(), e.getValue()))
          .toArray(Row[]::new);
      communities.add(RowFactory.create(c.id(), c.size(), c.internalEdges(), c.density(), c.internalWeight(),
          c.topMembers().toArray(new String[0]), overlap, result.modularity(), result.nodes(), result.edges(),
          windowStart, runId, windowEnd));
    }
    return communities;
  }
}
