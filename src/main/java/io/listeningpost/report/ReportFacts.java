package io.listeningpost.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the report and the strategy answers say, read from the warehouse for one run date: small,
 * ranked and already cut to what a reader can take in. Spark-free, so that the answers, the headlines and
 * the rendering are plain functions of it.
 *
 * @param roleCounts how many ranked authors hold each role (all of them; {@code voices} are the ones named)
 * @param missing the tables that were absent or empty for the run date; their sections say so
 */
public record ReportFacts(LocalDate runDate, LocalDate windowStart, Volume volume, List<Voice> voices,
    Map<String, Long> roleCounts,
    List<Community> communities, List<CommunityLink> links, List<Topic> topics, List<Segment> segments,
    List<Stream> streams, List<Theme> themes, List<Opportunity> opportunities, List<TargetFit> targetFits,
    List<Alert> alerts, List<DaySentiment> sentimentByDay, List<TrustedPost> trustedPosts, Set<String> missing) {

  public ReportFacts {
    voices = List.copyOf(voices);
    roleCounts = Map.copyOf(roleCounts);
    communities = List.copyOf(communities);
    links = List.copyOf(links);
    topics = List.copyOf(topics);
    segments = List.copyOf(segments);
    streams = List.copyOf(streams);
    themes = List.copyOf(themes);
    opportunities = List.copyOf(opportunities);
    targetFits = List.copyOf(targetFits);
    alerts = List.copyOf(alerts);
    sentimentByDay = List.copyOf(sentimentByDay);
    trustedPosts = List.copyOf(trustedPosts);
    missing = Set.copyOf(missing);
  }

  /** What the window holds: posts, distinct authors, and posts per platform. */
  public record Volume(long posts, long authors, List<Share> platforms) {
    public Volume {
      platforms = List.copyOf(platforms);
    }
  }

  /** A name with a count and its share of a whole. */
  public record Share(String name, long posts, double share) {}

  /**
   * One ranked author of the {@code influencers} table, with the community label their graph community has.
   * {@code ownAccount}: the account is one of our watched brands' own (its name is a brand's name or alias).
   */
  public record Voice(String platform, String authorId, String name, int communityId, String community, int rank,
      double score, String role, String roleReason, long reach, long posts, double sentiment,
      List<String> declaredCommunities, boolean ownAccount) {
    public Voice {
      declaredCommunities = List.copyOf(declaredCommunities);
    }
  }

  /** A detected community, labelled by the declared communities (subreddits, sites, instances) its members use. */
  public record Community(int id, String label, int size, List<Share> declared) {
    public Community {
      declared = List.copyOf(declared);
    }
  }

  /** Interaction weight between two detected communities in the graph window. */
  public record CommunityLink(int from, int to, long interactions) {}

  /**
   * A topic of the window. {@code brandPosts} and {@code brandSentiment} are the posts about it that name a
   * watched brand and their mean sentiment (null without any); {@code alertPosts} its posts that raised a
   * candidate-experience alert on the run date.
   */
  public record Topic(int id, String label, long posts, double share, Double growth, Double sentiment,
      List<Share> communities, long brandPosts, Double brandSentiment, long alertPosts, List<String> examplePosts) {
    public Topic {
      communities = List.copyOf(communities);
      examplePosts = List.copyOf(examplePosts);
    }
  }

  /** An audience segment with its target audience match. */
  public record Segment(int id, String description, long members, long posts, Double growth, Double sentiment,
      List<Share> topics, List<Share> communities, List<String> topVoices, String targetAudience,
      Double targetScore, String targetReason) {
    public Segment {
      topics = List.copyOf(topics);
      communities = List.copyOf(communities);
      topVoices = List.copyOf(topVoices);
    }
  }

  /** One of the recruitment, marketing and other streams. */
  public record Stream(String name, long posts, double share, Double sentiment, List<Share> topics) {
    public Stream {
      topics = List.copyOf(topics);
    }
  }

  /** A topic both streams talk about, with its share in each. */
  public record Theme(int topicId, String label, long recruitmentPosts, double recruitmentShare, long marketingPosts,
      double marketingShare) {}

  /** An opportunity row: unanswered or poorly answered question, rising topic or pain point. */
  public record Opportunity(String type, String community, String topic, double score, List<String> postIds,
      List<String> links, String reason) {
    public Opportunity {
      postIds = List.copyOf(postIds);
      links = List.copyOf(links);
    }
  }

  /** A community ranked for one target audience. */
  public record TargetFit(String targetAudience, int rank, String community, double fit, long posts, String reason) {}

  /** A risk alert of the run date. */
  public record Alert(String id, String kind, String severity, double score, String postId, String term,
      String community, String platform, String link, String excerpt, String author, String authorRole,
      Long authorReach, long spread, String nextStep) {}

  /** Posts per sentiment label on one day of the window, with the mean score. */
  public record DaySentiment(LocalDate day, long positive, long neutral, long negative, Double mean) {}

  /** A post whose replies are positive: content that earns trust, with what it is about. */
  public record TrustedPost(String postId, String author, String community, String link, String excerpt,
      String topic, long replies, double replySentiment, long engagement) {}
}
