package io.listeningpost.report;

import io.listeningpost.report.ReportFacts.Alert;
import io.listeningpost.report.ReportFacts.Community;
import io.listeningpost.report.ReportFacts.CommunityLink;
import io.listeningpost.report.ReportFacts.DaySentiment;
import io.listeningpost.report.ReportFacts.Opportunity;
import io.listeningpost.report.ReportFacts.Segment;
import io.listeningpost.report.ReportFacts.Share;
import io.listeningpost.report.ReportFacts.Stream;
import io.listeningpost.report.ReportFacts.TargetFit;
import io.listeningpost.report.ReportFacts.Theme;
import io.listeningpost.report.ReportFacts.Topic;
import io.listeningpost.report.ReportFacts.TrustedPost;
import io.listeningpost.report.ReportFacts.Voice;
import io.listeningpost.report.ReportFacts.Volume;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Named report facts for the renderer tests: a plain week, and a hostile one whose every text is an attack. */
final class ReportFixtures {
  static final LocalDate DAY = LocalDate.of(2026, 11, 28);

  /** Payloads that would run script, load a resource or break out of an element if written unescaped. */
  static final List<String> PAYLOADS = List.of(
      "<script>document.body.setAttribute('data-pwned','script')</script>",
      "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">",
      "\"><svg onload=document.body.setAttribute('data-pwned','svg')>",
      "</script><script>document.body.setAttribute('data-pwned','json')</script>",
      "'; document.body.setAttribute('data-pwned','quote'); '",
      "[click](javascript:document.body.setAttribute('data-pwned','md'))",
      "<iframe src=\"https://evil.example/\"></iframe>");
  static final String HOSTILE_URL = "javascript:document.body.setAttribute('data-pwned','href')";

  static ReportFacts plain() {
    return facts(List.of("Dana Whitfield", "Sam Ortiz", "Priya N.", "Lee Chen", "Jordan Blake", "Mika Sato"),
        List.of("cscareerquestions", "devops", "workplace.stackexchange.com", "hachyderm.io"),
        List.of("interview feedback · ghosted · recruiter", "remote work · hybrid · office",
            "on-call · runbooks · incident", "graduate programme · mentoring", "product launch · release · pricing"),
        "https://example.org/r/cscareerquestions/comments/abc?ref=a_b&utm=1");
  }

  static ReportFacts hostile() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      names.add(PAYLOADS.get(i % PAYLOADS.size()));
    }
    return facts(names, List.of(PAYLOADS.get(0), PAYLOADS.get(1), PAYLOADS.get(2), PAYLOADS.get(3)),
        List.of(PAYLOADS.get(3), PAYLOADS.get(4), PAYLOADS.get(5), PAYLOADS.get(6), PAYLOADS.get(1)), HOSTILE_URL);
  }

  private static ReportFacts facts(List<String> people, List<String> places, List<String> topicLabels, String url) {
    List<Community> communities = new ArrayList<>();
    for (int i = 0; i < places.size(); i++) {
      communities.add(new Community(i, places.get(i), 40 - 7 * i, List.of(new Share(places.get(i), 30 - 5 * i, 0.7))));
    }
    String[] roles = {"opinion maker", "opinion maker", "connector", "opinion maker", "critic", "rising voice"};
    List<Voice> voices = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      int c = i % places.size();
      voices.add(new Voice("reddit", "u" + i, people.get(i), c, places.get(c), i + 1, 0.9 - i * 0.1, roles[i],
          "Replied to by " + (20 - i) + " people in " + places.get(c) + "; " + people.get((i + 1) % people.size()),
          300 - 20 * i, 25 - i, i == 4 ? -0.4 : 0.3, List.of(places.get(c), places.get((c + 1) % places.size())),
          false));
    }
    List<Topic> topics = new ArrayList<>();
    for (int i = 0; i < topicLabels.size(); i++) {
      topics.add(new Topic(i, topicLabels.get(i), 60 - 9 * i, (60 - 9 * i) / 200.0, i == 1 ? Double.valueOf(0.8) : i == 3 ? null : Double.valueOf(-0.1),
          i == 0 ? -0.45 : 0.2, List.of(new Share(places.get(i % places.size()), 20, 0.4)), i < 3 ? 6 - i : 0,
          i < 3 ? Double.valueOf(i == 0 ? -0.5 : 0.35) : null, i == 0 ? 1 : 0, List.of("p" + i)));
    }
    List<Segment> segments = List.of(
        new Segment(0, "Engineers talking about " + topicLabels.get(2), 14, 61, 0.25, -0.1,
            List.of(new Share(topicLabels.get(2), 30, 0.5), new Share(topicLabels.get(1), 12, 0.2)),
            List.of(new Share(places.get(1), 40, 0.65)), List.of(people.get(0)), "software engineers", 0.72,
            "keywords on-call, runbooks; community " + places.get(1)),
        new Segment(1, "Job seekers on " + topicLabels.get(0), 22, 80, 0.6, -0.3,
            List.of(new Share(topicLabels.get(0), 44, 0.55)), List.of(new Share(places.get(0), 50, 0.62)),
            List.of(people.get(1)), "job seekers", 0.81, "keywords interview, ghosted"),
        new Segment(2, "HR practitioners", 9, 30, null, 0.2, List.of(new Share(topicLabels.get(1), 10, 0.33)),
            List.of(new Share(places.get(2), 20, 0.66)), List.of(people.get(3)), null, null, null));
    List<Stream> streams = List.of(
        new Stream("marketing", 31, 0.14, 0.3, List.of(new Share(topicLabels.get(4), 12, 0.4))),
        new Stream("other", 150, 0.7, 0.0, List.of(new Share(topicLabels.get(2), 40, 0.27))),
        new Stream("recruitment", 34, 0.16, 0.1, List.of(new Share(topicLabels.get(3), 10, 0.3))));
    List<Theme> themes = List.of(new Theme(1, topicLabels.get(1), 9, 0.26, 7, 0.23));
    List<Opportunity> opportunities = List.of(
        new Opportunity("unanswered questions", places.get(0), topicLabels.get(0), 2.3, List.of("q1", "q2"),
            List.of(url), "2 questions nobody has answered in 5 days: " + people.get(2)),
        new Opportunity("rising topic", places.get(1), topicLabels.get(1), 3.1, List.of("p1"), List.of(),
            "posts rose from 2 to 11 a week"),
        new Opportunity("pain point", places.get(0), topicLabels.get(0), 1.2, List.of("p0"), List.of(),
            "sentences stay negative"));
    List<TargetFit> fits = List.of(
        new TargetFit("software engineers", 1, places.get(1), 0.81, 40, "65% of its posts use the audience's words"),
        new TargetFit("software engineers", 2, places.get(3), 0.55, 22, "listed in the config"),
        new TargetFit("job seekers", 1, places.get(0), 0.77, 50, "most job-seeker posts are here"));
    List<Alert> alerts = List.of(new Alert("a1", "candidate experience", "high", 0.93, "p9", "Acme Corp",
        places.get(0), "reddit", url, "Final round at Acme three weeks ago and nothing since. " + people.get(0),
        people.get(1), "critic", 420L, 7, "Reply publicly within a day and offer a private channel."));
    List<DaySentiment> days = new ArrayList<>();
    for (int d = 27; d >= 0; d--) {
      days.add(new DaySentiment(DAY.minusDays(d), 3 + d % 4, 5, 2 + (d < 7 ? 4 : 0), d < 7 ? -0.25 : 0.1));
    }
    List<TrustedPost> trusted = List.of(new TrustedPost("p3", people.get(3), places.get(2), url,
        "How we run onboarding for remote hires — " + people.get(5), topicLabels.get(1), 6, 0.55, 21));
    return new ReportFacts(DAY, DAY.minusDays(27), new Volume(215, 88,
        List.of(new Share("reddit", 120, 0.56), new Share("twitter", 95, 0.44))), voices,
        java.util.Map.of("opinion maker", 3L, "connector", 1L, "critic", 1L, "rising voice", 1L), communities,
        List.of(new CommunityLink(0, 1, 12), new CommunityLink(1, 2, 4), new CommunityLink(0, 3, 2)), topics,
        segments, streams, themes, opportunities, fits, alerts, days, trusted, Set.of());
  }

  private ReportFixtures() {}
}
