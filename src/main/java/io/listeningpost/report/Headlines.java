package io.listeningpost.report;

import io.listeningpost.report.ReportFacts.Alert;
import io.listeningpost.report.ReportFacts.DaySentiment;
import io.listeningpost.report.ReportFacts.Opportunity;
import io.listeningpost.report.ReportFacts.Segment;
import io.listeningpost.report.ReportFacts.Stream;
import io.listeningpost.report.ReportFacts.Voice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

/** The report's opening findings: a handful of plain sentences, most urgent first. */
public final class Headlines {
  private static final int TREND_DAYS = 7;
  private static final double TREND_CHANGE = 0.1;

  public static List<String> of(ReportFacts facts) {
    List<String> out = new ArrayList<>();
    alerts(facts).ifPresent(out::add);
    opinionMaker(facts).ifPresent(out::add);
    angels(facts).ifPresent(out::add);
    audience(facts).ifPresent(out::add);
    rising(facts).ifPresent(out::add);
    streams(facts).ifPresent(out::add);
    trend(facts).ifPresent(out::add);
    if (out.isEmpty()) {
      out.add(String.format(Locale.ROOT, "Nothing stands out in the %s of %s to %s.",
          Wording.count(facts.volume().posts(), "post", "posts"), facts.windowStart(), facts.runDate()));
    }
    return out;
  }

  static Optional<String> alerts(ReportFacts facts) {
    if (facts.alerts().isEmpty()) {
      return Optional.empty();
    }
    Alert top = facts.alerts().get(0);
    String spread = top.spread() > 0 ? String.format(Locale.ROOT, ", already picked up %s",
        Wording.count(top.spread(), "time", "times")) : "";
    return Optional.of(String.format(Locale.ROOT, "%s. The most severe: %s in %s%s.",
        facts.alerts().size() == 1 ? "1 risk alert needs attention" : facts.alerts().size() + " risk alerts need attention",
        describe(top),
        top.community() == null ? "an unknown community" : top.community(), spread));
  }

  private static String describe(Alert a) {
    return switch (a.kind()) {
      case "candidate experience" -> "a candidate's complaint" + (a.term() == null ? "" : " about " + a.term());
      case "spike" -> "a spike of negative posts" + (a.term() == null ? "" : " about " + a.term());
      default -> "a " + a.kind() + " alert" + (a.term() == null ? "" : " about " + a.term());
    };
  }

  static Optional<String> opinionMaker(ReportFacts facts) {
    long ours = facts.voices().stream().filter(v -> "opinion maker".equals(v.role()) && v.ownAccount()).count();
    long makers = facts.roleCounts().getOrDefault("opinion maker", 0L) - ours;
    Optional<Voice> top = facts.voices().stream().filter(v -> "opinion maker".equals(v.role()) && !v.ownAccount())
        .min(Comparator.comparingInt(Voice::rank));
    if (makers <= 0 || top.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT, "%s the conversation%s; the most influential is %s in %s.",
        makers == 1 ? "1 opinion maker leads" : makers + " opinion makers lead",
        ours == 0 ? "" : ours == 1 ? " besides our own account" : " besides " + ours + " of our own accounts",
        top.get().name(), top.get().community()));
  }

  static Optional<String> angels(ReportFacts facts) {
    long count = facts.roleCounts().getOrDefault("connector", 0L);
    Optional<Voice> top = facts.voices().stream().filter(v -> "connector".equals(v.role()) && !v.ownAccount())
        .min(Comparator.comparingInt(Voice::rank));
    if (count == 0 || top.isEmpty()) {
      return Optional.empty();
    }
    String where = top.get().declaredCommunities().isEmpty() ? ""
        : ", active in " + Wording.list(top.get().declaredCommunities().stream().limit(4).toList());
    return Optional.of(String.format(Locale.ROOT, "%s between communities; start with %s%s.",
        count == 1 ? "1 angel carries messages" : count + " angels carry messages", top.get().name(), where));
  }

  /** The target audience with most posts, its segments taken together as in the answer to the first question. */
  static Optional<String> audience(ReportFacts facts) {
    Map<String, long[]> byAudience = new TreeMap<>();
    for (Segment s : facts.segments()) {
      if (s.targetAudience() != null) {
        long[] t = byAudience.computeIfAbsent(s.targetAudience(), k -> new long[3]);
        t[0] += s.members();
        t[1] += s.posts();
        t[2]++;
      }
    }
    return byAudience.entrySet().stream()
        .max(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]))
        .map(e -> String.format(Locale.ROOT, "The largest target audience found is “%s”: %s in %s, %s.",
            e.getKey(), Wording.count(e.getValue()[0], "author", "authors"),
            Wording.count(e.getValue()[2], "segment", "segments"),
            Wording.count(e.getValue()[1], "post", "posts")));
  }

  static Optional<String> rising(ReportFacts facts) {
    return facts.opportunities().stream().filter(o -> "rising topic".equals(o.type()))
        .max(Comparator.comparingDouble(Opportunity::score))
        .map(o -> String.format(Locale.ROOT, "“%s” is rising fastest%s: %s", o.topic(),
            o.community() == null ? "" : " in " + o.community(), o.reason()));
  }

  static Optional<String> streams(ReportFacts facts) {
    Optional<Stream> recruitment = facts.streams().stream().filter(s -> "recruitment".equals(s.name())).findFirst();
    Optional<Stream> marketing = facts.streams().stream().filter(s -> "marketing".equals(s.name())).findFirst();
    if (recruitment.isEmpty() || marketing.isEmpty()) {
      return Optional.empty();
    }
    String themes = facts.themes().isEmpty() ? "they share no theme yet"
        : String.format(Locale.ROOT, "they meet in %s, the largest “%s”",
            Wording.count(facts.themes().size(), "common theme", "common themes"),
            facts.themes().get(0).label());
    return Optional.of(String.format(Locale.ROOT, "Recruitment messages are %s of posts (tone %s), marketing %s "
            + "(tone %s); %s.", Wording.percent(recruitment.get().share()), Wording.tone(recruitment.get().sentiment()),
        Wording.percent(marketing.get().share()), Wording.tone(marketing.get().sentiment()), themes));
  }

  static Optional<String> trend(ReportFacts facts) {
    List<DaySentiment> days = facts.sentimentByDay();
    if (days.size() <= TREND_DAYS) {
      return Optional.empty();
    }
    double recent = weightedMean(days.subList(days.size() - TREND_DAYS, days.size()));
    double before = weightedMean(days.subList(0, days.size() - TREND_DAYS));
    if (Double.isNaN(recent) || Double.isNaN(before) || Math.abs(recent - before) < TREND_CHANGE) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT, "The tone of the last %d days turned %s (%s, against %s before).",
        TREND_DAYS, recent > before ? "more positive" : "more negative", Wording.signed(recent),
        Wording.signed(before)));
  }

  private static double weightedMean(List<DaySentiment> days) {
    double sum = 0;
    long n = 0;
    for (DaySentiment d : days) {
      long k = d.positive() + d.neutral() + d.negative();
      if (d.mean() != null) {
        sum += d.mean() * k;
        n += k;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private Headlines() {}
}
