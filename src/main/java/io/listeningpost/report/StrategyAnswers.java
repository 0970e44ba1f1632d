package io.listeningpost.report;

import io.listeningpost.report.ReportFacts.Opportunity;
import io.listeningpost.report.ReportFacts.Segment;
import io.listeningpost.report.ReportFacts.Share;
import io.listeningpost.report.ReportFacts.TargetFit;
import io.listeningpost.report.ReportFacts.Topic;
import io.listeningpost.report.ReportFacts.TrustedPost;
import io.listeningpost.report.ReportFacts.Voice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The answers to the six strategy questions, built from the run's facts. Every question gets at least one
 * row: where the facts hold nothing, the row says what is missing, with confidence 0, so that a reader sees
 * the gap instead of a silent omission.
 */
public final class StrategyAnswers {
  static final int MAX_PER_QUESTION = 8;
  private static final int FITS_PER_AUDIENCE = 3;
  private static final int TOPICS_PER_AUDIENCE = 3;
  private static final double WELCOME = 0.1;
  private static final Set<String> TRUSTED_ROLES = Set.of("opinion maker", "connector", "rising voice");

  public static List<StrategyAnswer> of(ReportFacts facts) {
    List<StrategyAnswer> out = new ArrayList<>();
    out.addAll(targetAudiences(facts));
    out.addAll(presence(facts));
    out.addAll(interests(facts));
    out.addAll(enrichCommunities(facts));
    out.addAll(earnTrust(facts));
    out.addAll(valueAdded(facts));
    return out;
  }

  /** One answer per target audience: its segments taken together, the audience with most posts first. */
  static List<StrategyAnswer> targetAudiences(ReportFacts facts) {
    Map<String, List<Segment>> byAudience = new LinkedHashMap<>();
    facts.segments().stream().filter(s -> s.targetAudience() != null)
        .sorted(Comparator.comparingInt(Segment::id))
        .forEach(s -> byAudience.computeIfAbsent(s.targetAudience(), k -> new ArrayList<>()).add(s));
    List<Draft> drafts = new ArrayList<>();
    List<Map.Entry<String, List<Segment>>> audiences = byAudience.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, List<Segment>> e) -> -posts(e.getValue()))
            .thenComparing(Map.Entry::getKey)).toList();
    for (Map.Entry<String, List<Segment>> e : audiences) {
      List<Segment> segs = e.getValue();
      long members = segs.stream().mapToLong(Segment::members).sum();
      long posts = posts(segs);
      Segment closest = segs.stream().max(Comparator.comparingDouble((Segment s) -> nz(s.targetScore()))
          .thenComparing(Segment::id, Comparator.reverseOrder())).orElseThrow();
      double score = segs.stream().mapToDouble(s -> nz(s.targetScore()) * s.members()).sum() / Math.max(1, members);
      drafts.add(new Draft(String.format(Locale.ROOT, "“%s”: %s in %s (%s, %s) who talk about %s, mostly in %s. "
              + "Closest match: %s",
          e.getKey(), Wording.count(members, "author", "authors"), Wording.count(segs.size(), "segment", "segments"),
          Wording.count(posts, "post", "posts"), Wording.growth(combinedGrowth(segs)),
          names(merged(segs, Segment::topics), 3, "no one topic"),
          names(merged(segs, Segment::communities), 3, "no one community"), sentence(closest.targetReason())),
          String.format(Locale.ROOT, "segments=%s; members=%d; posts=%d; mean_target_score=%s; best_target_score=%s",
              String.join(",", segs.stream().map(s -> String.valueOf(s.id())).toList()), members, posts,
              Wording.decimal(score), Wording.decimal(nz(closest.targetScore()))),
          List.of(), Confidence.of(score, members)));
    }
    return ranked(StrategyQuestion.TARGET_AUDIENCES, drafts, facts.segments().isEmpty()
        ? "No audience segments for this date: the audiences stage has not run or the window has too few authors."
        : "No segment comes close to a configured target audience (audiences.targets).");
  }

  private static long posts(List<Segment> segments) {
    return segments.stream().mapToLong(Segment::posts).sum();
  }

  /** Growth of segments together: their posts against the posts their growth implies for the window before. */
  private static Double combinedGrowth(List<Segment> segments) {
    double now = 0;
    double before = 0;
    for (Segment s : segments) {
      if (s.growth() == null || s.growth() <= -1) {
        return null;
      }
      now += s.posts();
      before += s.posts() / (1 + s.growth());
    }
    return before == 0 ? null : now / before - 1;
  }

  /** Shares of several segments added up by name, largest first. */
  private static List<Share> merged(List<Segment> segments, Function<Segment, List<Share>> of) {
    Map<String, Long> posts = new LinkedHashMap<>();
    segments.forEach(s -> of.apply(s).forEach(sh -> posts.merge(sh.name(), sh.posts(), Long::sum)));
    return posts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(x -> new Share(x.getKey(), x.getValue(), 0)).toList();
  }

  static List<StrategyAnswer> presence(ReportFacts facts) {
    List<Draft> drafts = new ArrayList<>();
    Map<String, List<TargetFit>> byAudience = new LinkedHashMap<>();
    facts.targetFits().forEach(f -> byAudience.computeIfAbsent(f.targetAudience(), k -> new ArrayList<>()).add(f));
    for (Map.Entry<String, List<TargetFit>> e : byAudience.entrySet()) {
      List<TargetFit> fits = e.getValue().stream().sorted(Comparator.comparingInt(TargetFit::rank))
          .limit(FITS_PER_AUDIENCE).toList();
      TargetFit best = fits.get(0);
      drafts.add(new Draft(String.format(Locale.ROOT, "“%s” are present in %s. Join %s first: %s",
          e.getKey(), Wording.list(fits.stream().map(f -> f.community() + " (fit " + Wording.decimal(f.fit()) + ")")
              .toList()), best.community(), sentence(best.reason())),
          String.join("; ", fits.stream().map(f -> String.format(Locale.ROOT, "%s: fit=%s posts=%d", f.community(),
              Wording.decimal(f.fit()), f.posts())).toList()),
          List.of(), Confidence.of(best.fit(), best.posts())));
    }
    return ranked(StrategyQuestion.PRESENCE, drafts,
        "No community fits a configured target audience for this date (table target_communities is empty).");
  }

  static List<StrategyAnswer> interests(ReportFacts facts) {
    Map<Integer, Topic> topics = byId(facts.topics());
    Map<String, List<Segment>> byAudience = new LinkedHashMap<>();
    facts.segments().stream().filter(s -> s.targetAudience() != null)
        .forEach(s -> byAudience.computeIfAbsent(s.targetAudience(), k -> new ArrayList<>()).add(s));
    List<Draft> drafts = new ArrayList<>();
    for (Map.Entry<String, List<Segment>> e : byAudience.entrySet()) {
      Map<String, Long> topicPosts = new LinkedHashMap<>();
      long posts = 0;
      for (Segment s : e.getValue()) {
        posts += s.posts();
        for (Share t : s.topics()) {
          topicPosts.merge(t.name(), t.posts(), Long::sum);
        }
      }
      long total = posts;
      List<Map.Entry<String, Long>> top = topicPosts.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(TOPICS_PER_AUDIENCE).toList();
      if (top.isEmpty()) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      List<String> evidence = new ArrayList<>();
      for (Map.Entry<String, Long> t : top) {
        Topic topic = topicByLabel(topics, t.getKey());
        double share = total == 0 ? 0 : (double) t.getValue() / total;
        parts.add(String.format(Locale.ROOT, "“%s” (%s of their posts, tone %s)", t.getKey(), Wording.percent(share),
            Wording.tone(topic == null ? null : topic.sentiment())));
        evidence.add(String.format(Locale.ROOT, "%s: posts=%d share=%s sentiment=%s", t.getKey(), t.getValue(),
            Wording.decimal(share), Wording.signed(topic == null ? null : topic.sentiment())));
      }
      double topShare = total == 0 ? 0 : (double) top.get(0).getValue() / total;
      drafts.add(new Draft(String.format(Locale.ROOT, "“%s” talk most about %s.", e.getKey(), Wording.list(parts)),
          String.join("; ", evidence), examples(topics, top.get(0).getKey()),
          Confidence.of(Math.min(1, topShare * 2), total)));
    }
    if (drafts.isEmpty()) {
      facts.topics().stream().sorted(Comparator.comparingLong((Topic t) -> -t.posts()).thenComparingInt(Topic::id))
          .limit(TOPICS_PER_AUDIENCE).forEach(t -> drafts.add(new Draft(String.format(Locale.ROOT,
              "Across all authors (no segment matches a target audience): “%s”, %s of posts, tone %s, %s.",
              t.label(), Wording.percent(t.share()), Wording.tone(t.sentiment()), Wording.growth(t.growth())),
              String.format(Locale.ROOT, "topic_id=%d; posts=%d; share=%s; sentiment=%s", t.id(), t.posts(),
                  Wording.decimal(t.share()), Wording.signed(t.sentiment())),
              t.examplePosts(), Confidence.of(Math.min(1, t.share() * 2), t.posts()) / 2)));
    }
    return ranked(StrategyQuestion.INTERESTS, drafts, "No topics for this date: the audiences stage has not run or "
        + "the window has no English posts.");
  }

  /**
   * Opportunities of every type, each scored against the strongest of its own type (question scores,
   * rising-topic z-scores and pain-point scores have different scales), strongest first.
   */
  static List<StrategyAnswer> enrichCommunities(ReportFacts facts) {
    List<Draft> drafts = new ArrayList<>();
    for (Opportunity o : byStrength(facts.opportunities())) {
      // Each evidence post stands for about three posts of its group (questions, a topic's posts).
      drafts.add(new Draft(opportunitySentence(o),
          String.format(Locale.ROOT, "type=%s; community=%s; topic=%s; score=%s", o.type(), o.community(),
              o.topic(), Wording.decimal(o.score())),
          o.postIds(), Confidence.of(relativeStrength(o, facts.opportunities()), o.postIds().size() * 3L)));
    }
    return ranked(StrategyQuestion.ENRICH_COMMUNITIES, drafts,
        "No open questions, rising topics or pain points were found for this date.");
  }

  /** Opportunities ordered by score relative to their type's strongest, with a full tie-break. */
  static List<Opportunity> byStrength(List<Opportunity> opportunities) {
    return opportunities.stream()
        .sorted(Comparator.comparingDouble((Opportunity o) -> -relativeStrength(o, opportunities))
            .thenComparing(Opportunity::type).thenComparing(o -> String.valueOf(o.community()))
            .thenComparing(o -> String.valueOf(o.topic()))
            .thenComparing(o -> o.postIds().isEmpty() ? "" : o.postIds().get(0)))
        .toList();
  }

  private static double relativeStrength(Opportunity o, List<Opportunity> all) {
    double max = all.stream().filter(x -> x.type().equals(o.type())).mapToDouble(Opportunity::score).max().orElse(0);
    return max <= 0 ? 0 : o.score() / max;
  }

  static String opportunitySentence(Opportunity o) {
    String where = o.community() == null || o.community().isBlank() ? "" : " in " + o.community();
    String topic = o.topic() == null ? "" : " about “" + o.topic() + "”";
    String action = switch (o.type()) {
      case "unanswered questions" -> "Answer the open questions" + topic + where;
      case "poorly answered questions" -> "Give a better answer to the questions" + topic + where;
      case "rising topic" -> "Bring useful content to the rising topic “" + o.topic() + "”" + where;
      case "pain point" -> "Address the recurring pain point “" + o.topic() + "”" + where;
      default -> "Act on the " + o.type() + topic + where;
    };
    return action + ": " + sentence(o.reason());
  }

  static List<StrategyAnswer> earnTrust(ReportFacts facts) {
    List<Draft> drafts = new ArrayList<>();
    List<Voice> trusted = facts.voices().stream()
        .filter(v -> TRUSTED_ROLES.contains(v.role()) && v.sentiment() >= 0 && !v.ownAccount())
        .sorted(Comparator.comparingInt(Voice::rank)).limit(MAX_PER_QUESTION / 2).toList();
    for (Voice v : trusted) {
      drafts.add(new Draft(String.format(Locale.ROOT, "Engage %s, a trusted %s in %s: %s", v.name(),
          Wording.role(v.role()),
          v.community(), sentence(v.roleReason())),
          String.format(Locale.ROOT, "author=%s; rank=%d; influence=%s; reach=%d; sentiment=%s", v.authorId(),
              v.rank(), Wording.decimal(v.score()), v.reach(), Wording.signed(v.sentiment())),
          List.of(), Confidence.of(v.score(), v.posts())));
    }
    for (TrustedPost p : facts.trustedPosts()) {
      drafts.add(new Draft(String.format(Locale.ROOT,
          "Content like %s's post%s%s earns positive replies (%s, tone %s): “%s”", p.author(),
          p.community() == null ? "" : " in " + p.community(),
          p.topic() == null ? "" : " on “" + p.topic() + "”", Wording.count(p.replies(), "reply", "replies"),
          Wording.tone(p.replySentiment()), p.excerpt()),
          String.format(Locale.ROOT, "post=%s; replies=%d; reply_sentiment=%s; engagement=%d", p.postId(), p.replies(),
              Wording.signed(p.replySentiment()), p.engagement()),
          List.of(p.postId()), Confidence.of(p.replySentiment(), p.replies())));
    }
    return ranked(StrategyQuestion.EARN_TRUST, drafts,
        "No trusted voice and no post with positive replies in this window.");
  }

  static List<StrategyAnswer> valueAdded(ReportFacts facts) {
    List<Draft> welcome = new ArrayList<>();
    List<Draft> gaps = new ArrayList<>();
    List<Draft> unwelcome = new ArrayList<>();
    List<Topic> byDemand = facts.topics().stream()
        .sorted(Comparator.comparingDouble((Topic t) -> -demand(t)).thenComparingInt(Topic::id)).toList();
    for (Topic t : byDemand) {
      String metrics = String.format(Locale.ROOT, "topic_id=%d; share=%s; growth=%s; brand_posts=%d; brand_sentiment=%s",
          t.id(), Wording.decimal(t.share()), Wording.signed(t.growth()), t.brandPosts(),
          Wording.signed(t.brandSentiment()));
      String demandWords = String.format(Locale.ROOT, "%s of posts, %s", Wording.percent(t.share()),
          Wording.growth(t.growth()));
      double strength = Math.min(1, demand(t) * 4);
      if (t.alertPosts() > 0) {
        unwelcome.add(new Draft(String.format(Locale.ROOT,
            "“%s” (%s): %s about our brand raised a candidate-experience alert here. Answer them before "
                + "promoting here.", t.label(), demandWords, Wording.count(t.alertPosts(), "complaint", "complaints")),
            metrics + "; alert_posts=" + t.alertPosts(), t.examplePosts(), Confidence.of(strength, t.brandPosts())));
      } else if (t.brandPosts() > 0 && t.brandSentiment() != null && t.brandSentiment() >= WELCOME) {
        welcome.add(new Draft(String.format(Locale.ROOT,
            "“%s” (%s): our brand is present (%s) and welcome (tone %s). Lead with it.", t.label(), demandWords,
            Wording.count(t.brandPosts(), "post", "posts"), Wording.tone(t.brandSentiment())),
            metrics, t.examplePosts(), Confidence.of(strength, t.brandPosts())));
      } else if (t.brandPosts() == 0 && (t.growth() == null || t.growth() > 0)) {
        // Absence is weaker evidence than presence: the same demand counts half.
        gaps.add(new Draft(String.format(Locale.ROOT,
            "“%s” (%s): in demand, and our brand is absent. Room to add value.", t.label(), demandWords),
            metrics, t.examplePosts(), Confidence.of(strength, t.posts()) / 2));
      } else if (t.brandPosts() > 0 && t.brandSentiment() != null && t.brandSentiment() <= -WELCOME) {
        unwelcome.add(new Draft(String.format(Locale.ROOT,
            "“%s” (%s): our brand is present but not welcome (%s, tone %s). Fix what people complain about "
                + "before promoting here.", t.label(), demandWords, Wording.count(t.brandPosts(), "post", "posts"),
            Wording.tone(t.brandSentiment())),
            metrics, t.examplePosts(), Confidence.of(strength, t.brandPosts())));
      }
    }
    List<Draft> drafts = new ArrayList<>(welcome);
    drafts.addAll(gaps);
    drafts.addAll(unwelcome);
    return ranked(StrategyQuestion.VALUE_ADDED, drafts, facts.topics().isEmpty()
        ? "No topics for this date, so demand cannot be measured."
        : "No topic shows demand together with a clear presence or absence of our watched brand.");
  }

  /** A topic's demand: its share of posts, raised by growth (new topics count as doubled). */
  static double demand(Topic t) {
    double growth = t.growth() == null ? 1 : Math.max(-1, Math.min(t.growth(), 3));
    return t.share() * (1 + Math.max(0, growth));
  }

  private static List<StrategyAnswer> ranked(StrategyQuestion q, List<Draft> drafts, String whenNone) {
    List<StrategyAnswer> out = new ArrayList<>();
    if (drafts.isEmpty()) {
      out.add(new StrategyAnswer(q, 1, whenNone, "", List.of(), 0));
      return out;
    }
    int rank = 1;
    for (Draft d : drafts.subList(0, Math.min(MAX_PER_QUESTION, drafts.size()))) {
      out.add(new StrategyAnswer(q, rank++, d.answer(), d.evidence(), d.posts(), d.confidence()));
    }
    return out;
  }

  private static Map<Integer, Topic> byId(List<Topic> topics) {
    Map<Integer, Topic> out = new LinkedHashMap<>();
    topics.forEach(t -> out.put(t.id(), t));
    return out;
  }

  private static Topic topicByLabel(Map<Integer, Topic> topics, String label) {
    return topics.values().stream().filter(t -> t.label().equals(label)).findFirst().orElse(null);
  }

  private static List<String> examples(Map<Integer, Topic> topics, String label) {
    Topic t = topicByLabel(topics, label);
    return t == null ? List.of() : t.examplePosts();
  }

  private static String names(List<Share> shares, int max, String none) {
    Set<String> names = new LinkedHashSet<>();
    shares.stream().limit(max).forEach(s -> names.add(s.name()));
    return names.isEmpty() ? none : Wording.list(List.copyOf(names));
  }

  private static String sentence(String s) {
    if (s == null || s.isBlank()) {
      return "";
    }
    String t = s.strip();
    return t.endsWith(".") ? t : t + ".";
  }

  private static double nz(Double d) {
    return d == null || d.isNaN() ? 0 : d;
  }

  private record Draft(String answer, String evidence, List<String> posts, double confidence) {}

  private StrategyAnswers() {}
}
