package io.listeningpost.report;

import io.listeningpost.report.ReportFacts.Alert;
import io.listeningpost.report.ReportFacts.Community;
import io.listeningpost.report.ReportFacts.Opportunity;
import io.listeningpost.report.ReportFacts.Segment;
import io.listeningpost.report.ReportFacts.Share;
import io.listeningpost.report.ReportFacts.Topic;
import io.listeningpost.report.ReportFacts.Voice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the templates show, already in words: the report reads as sentences and small tables, and the
 * templates only lay them out. Links are {@link SafeLink}s or null; every text is escaped by the template engine.
 */
record ReportView(String title, String runDate, String windowStart, String summaryLine, List<String> headlines,
    List<AnswerGroup> answers, List<CommunityVoices> communities, List<VoiceLine> angels, List<TopicLine> topics,
    List<CommunityTopics> topicsByCommunity, List<SegmentLine> segments, List<StreamLine> streams,
    List<ThemeLine> themes, List<AlertLine> alerts, List<OpportunityLine> opportunities, List<String> missing,
    String codeVersion, String runId) {

  record AnswerGroup(String id, String question, List<AnswerLine> rows) {}

  record AnswerLine(int rank, String answer, String evidence, String confidence, int confidencePercent) {}

  record CommunityVoices(String label, int size, List<VoiceLine> voices) {}

  record VoiceLine(int rank, String rankWords, String name, String role, String reason, String community, long reach,
      boolean own) {}

  record TopicLine(String label, long posts, String share, String growth, String tone, String toneClass,
      String communities) {}

  record CommunityTopics(String community, long posts, List<String> topics) {}

  record SegmentLine(String description, long members, String growth, String tone, String topics,
      String communities, String target, String targetReason, String voices) {}

  record StreamLine(String name, long posts, String share, String tone, String topics) {}

  record ThemeLine(String label, long recruitmentPosts, String recruitmentShare, long marketingPosts,
      String marketingShare) {}

  record AlertLine(String severity, String kind, String community, String author, String role, String reach,
      String excerpt, String link, String linkText, long spread, String nextStep) {}

  record OpportunityLine(String sentence, String link, String linkText) {}

  private static final int VOICES_PER_COMMUNITY = 5;
  private static final int REGULARS_PER_COMMUNITY = 2;
  private static final int TOPICS_PER_COMMUNITY = 4;
  private static final int COMMUNITIES_FOR_TOPICS = 10;
  private static final int OPPORTUNITIES = 15;

  static ReportView of(ReportFacts facts, List<StrategyAnswer> answers, List<String> headlines, String codeVersion,
      String runId) {
    return new ReportView("Listening Post — community report", facts.runDate().toString(),
        facts.windowStart().toString(), summaryLine(facts), headlines, answerGroups(answers), communities(facts),
        facts.voices().stream().filter(v -> "connector".equals(v.role())).map(ReportView::voice).toList(),
        facts.topics().stream().map(ReportView::topic).toList(), topicsByCommunity(facts.topics()),
        facts.segments().stream().map(ReportView::segment).toList(),
        facts.streams().stream().map(s -> new StreamLine(s.name(), s.posts(), Wording.percent(s.share()),
            Wording.tone(s.sentiment()), shares(s.topics(), 3))).toList(),
        facts.themes().stream().map(t -> new ThemeLine(t.label(), t.recruitmentPosts(),
            Wording.percent(t.recruitmentShare()), t.marketingPosts(), Wording.percent(t.marketingShare()))).toList(),
        facts.alerts().stream().map(ReportView::alert).toList(),
        StrategyAnswers.byStrength(facts.opportunities()).stream().limit(OPPORTUNITIES).map(ReportView::opportunity)
            .toList(),
        facts.missing().stream().sorted().toList(), codeVersion, runId);
  }

  private static String summaryLine(ReportFacts f) {
    return String.format(Locale.ROOT, "%s by %s between %s and %s, on %s.",
        Wording.count(f.volume().posts(), "post", "posts"), Wording.count(f.volume().authors(), "author", "authors"),
        f.windowStart(), f.runDate(), Wording.list(f.volume().platforms().stream()
            .map(p -> p.name() + " (" + p.posts() + ")").toList()));
  }

  private static List<AnswerGroup> answerGroups(List<StrategyAnswer> answers) {
    Map<StrategyQuestion, List<AnswerLine>> byQuestion = new LinkedHashMap<>();
    for (StrategyQuestion q : StrategyQuestion.values()) {
      byQuestion.put(q, new ArrayList<>());
    }
    for (StrategyAnswer a : answers) {
      byQuestion.get(a.question()).add(new AnswerLine(a.rank(), a.answer(), a.evidence(),
          confidenceWord(a.confidence()), (int) Math.round(a.confidence() * 100)));
    }
    return byQuestion.entrySet().stream()
        .map(e -> new AnswerGroup(e.getKey().id(), e.getKey().text(), e.getValue())).toList();
  }

  static String confidenceWord(double c) {
    return c >= 0.6 ? "high" : c >= 0.3 ? "medium" : c > 0 ? "low" : "none";
  }

  private static List<CommunityVoices> communities(ReportFacts facts) {
    List<CommunityVoices> out = new ArrayList<>();
    for (Community c : facts.communities()) {
      List<Voice> ranked = facts.voices().stream().filter(v -> v.communityId() == c.id())
          .sorted(Comparator.comparingInt(Voice::rank)).toList();
      List<VoiceLine> voices = new ArrayList<>();
      int regulars = 0;
      for (Voice v : ranked) {
        boolean regular = "regular".equals(v.role());
        if (voices.size() < VOICES_PER_COMMUNITY && (!regular || regulars < REGULARS_PER_COMMUNITY)) {
          voices.add(voice(v));
          if (regular) {
            regulars++;
          }
        }
      }
      if (!voices.isEmpty()) {
        out.add(new CommunityVoices(c.label(), c.size(), voices));
      }
    }
    return out;
  }

  private static VoiceLine voice(Voice v) {
    return new VoiceLine(v.rank(), Wording.ordinal(v.rank()) + " overall", v.name(), Wording.role(v.role()),
        v.roleReason(), v.community(), v.reach(), v.ownAccount());
  }

  private static TopicLine topic(Topic t) {
    String tone = Wording.tone(t.sentiment());
    return new TopicLine(t.label(), t.posts(), Wording.percent(t.share()), Wording.growth(t.growth()), tone,
        toneClass(tone), shares(t.communities(), 3));
  }

  static String toneClass(String tone) {
    return tone.endsWith("positive") ? "pos" : tone.endsWith("negative") ? "neg" : "neu";
  }

  /** Each declared community's main topics, from the topics' per-community shares. */
  private static List<CommunityTopics> topicsByCommunity(List<Topic> topics) {
    Map<String, List<Map.Entry<String, Long>>> byCommunity = new LinkedHashMap<>();
    for (Topic t : topics) {
      for (Share s : t.communities()) {
        byCommunity.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(Map.entry(t.label(), s.posts()));
      }
    }
    return byCommunity.entrySet().stream()
        .map(e -> new CommunityTopics(e.getKey(), e.getValue().stream().mapToLong(Map.Entry::getValue).sum(),
            e.getValue().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOPICS_PER_COMMUNITY).map(x -> x.getKey() + " (" + x.getValue() + ")").toList()))
        .sorted(Comparator.comparingLong(CommunityTopics::posts).reversed().thenComparing(CommunityTopics::community))
        .limit(COMMUNITIES_FOR_TOPICS).collect(Collectors.toList());
  }

  private static SegmentLine segment(Segment s) {
    return new SegmentLine(s.description(), s.members(), Wording.growth(s.growth()), Wording.tone(s.sentiment()),
        shares(s.topics(), 3), shares(s.communities(), 3),
        s.targetAudience() == null ? "none close" : s.targetAudience() + " (" + Wording.match(s.targetScore()) + ")",
        s.targetReason() == null ? "" : s.targetReason(), String.join(", ", s.topVoices().stream().limit(4).toList()));
  }

  private static AlertLine alert(Alert a) {
    String link = SafeLink.of(a.link());
    return new AlertLine(a.severity(), a.kind(), a.community() == null ? "" : a.community(),
        a.author() == null ? "" : a.author(), a.authorRole() == null ? "" : a.authorRole(),
        a.authorReach() == null ? "unknown" : String.valueOf(a.authorReach()), a.excerpt() == null ? "" : a.excerpt(),
        link, a.link() == null ? "" : a.link(), a.spread(), a.nextStep() == null ? "" : a.nextStep());
  }

  private static OpportunityLine opportunity(Opportunity o) {
    String raw = o.links().isEmpty() ? null : o.links().get(0);
    return new OpportunityLine(StrategyAnswers.opportunitySentence(o), SafeLink.of(raw),
        raw == null ? "" : raw);
  }

  private static String shares(List<Share> shares, int max) {
    return String.join(", ", shares.stream().limit(max)
        .map(s -> s.name() + " " + Wording.percent(s.share())).toList());
  }
}
