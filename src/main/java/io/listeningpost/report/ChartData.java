package io.listeningpost.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.listeningpost.report.ReportFacts.Community;
import io.listeningpost.report.ReportFacts.CommunityLink;
import io.listeningpost.report.ReportFacts.DaySentiment;
import io.listeningpost.report.ReportFacts.Theme;
import io.listeningpost.report.ReportFacts.Topic;
import io.listeningpost.report.ReportFacts.Voice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The data behind the report's charts, as JSON that is safe inside an HTML {@code <script>} element: every
 * {@code <}, {@code >}, {@code &}, quote and line separator is written as a \\u escape, so no text from a post
 * or an author name can close the element or start markup.
 */
final class ChartData {
  static final int MAP_VOICES_PER_COMMUNITY = 3;
  static final int MAP_LINKS = 25;
  static final int MAP_ANGELS_PER_COMMUNITY = 2;
  private static final double RING = 300;
  private static final double VOICE_DISTANCE = 95;
  private static final double FAN = 0.22;
  private static final double ANGEL_PULL = 0.45;
  static final int CHART_TOPICS = 15;
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    JSON.getFactory().setCharacterEscapes(new ScriptSafeEscapes());
  }

  static String json(ReportFacts facts) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("map", communityMap(facts));
    data.put("sentiment", sentiment(facts.sentimentByDay()));
    data.put("themes", themes(facts.themes()));
    data.put("topics", topics(facts.topics()));
    try {
      return JSON.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("chart data could not be written as JSON", e);
    }
  }

  /**
   * Communities as large nodes on a ring, largest first from the top, each with its top voices fanned out
   * beyond it, angels pulled towards the middle, and the interactions between communities as chords. The
   * places are computed here, so the picture is the same on every screen and every run.
   */
  static Map<String, Object> communityMap(ReportFacts facts) {
    List<Map<String, Object>> nodes = new ArrayList<>();
    List<Map<String, Object>> edges = new ArrayList<>();
    List<Community> shown = facts.communities();
    Set<Integer> ids = shown.stream().map(Community::id).collect(Collectors.toSet());
    int maxSize = shown.stream().mapToInt(Community::size).max().orElse(1);
    Map<Integer, Double> angles = new LinkedHashMap<>();
    for (int i = 0; i < shown.size(); i++) {
      Community c = shown.get(i);
      double angle = -Math.PI / 2 + 2 * Math.PI * i / shown.size();
      double radius = shown.size() == 1 ? 0 : RING;
      angles.put(c.id(), angle);
      nodes.add(node("c" + c.id(), c.label(), "community", 22 + 38 * Math.sqrt((double) c.size() / maxSize),
          c.size() + " members", radius * Math.cos(angle), radius * Math.sin(angle)));
    }
    Map<Integer, List<Voice>> fans = new LinkedHashMap<>();
    Map<Integer, List<Voice>> angels = new LinkedHashMap<>();
    Set<String> placed = new java.util.HashSet<>();
    for (Voice v : facts.voices().stream().sorted(Comparator.comparingInt(Voice::rank)).toList()) {
      if (!ids.contains(v.communityId()) || !placed.add(v.platform() + ":" + v.authorId())) {
        continue;
      }
      if ("connector".equals(v.role())) {
        if (angels.computeIfAbsent(v.communityId(), k -> new ArrayList<>()).size() < MAP_ANGELS_PER_COMMUNITY) {
          angels.get(v.communityId()).add(v);
        }
      } else if (fans.computeIfAbsent(v.communityId(), k -> new ArrayList<>()).size() < MAP_VOICES_PER_COMMUNITY) {
        fans.get(v.communityId()).add(v);
      }
    }
    for (Map.Entry<Integer, List<Voice>> e : fans.entrySet()) {
      double angle = angles.get(e.getKey());
      List<Voice> voices = e.getValue();
      for (int j = 0; j < voices.size(); j++) {
        Voice v = voices.get(j);
        double a = shown.size() == 1 ? 2 * Math.PI * j / voices.size() : angle + (j - (voices.size() - 1) / 2.0) * FAN;
        double r = shown.size() == 1 ? VOICE_DISTANCE : RING + VOICE_DISTANCE;
        String id = "v" + v.platform() + ":" + v.authorId();
        nodes.add(node(id, v.name(), "opinion maker".equals(v.role()) ? "opinion maker" : "voice", 12, v.role(),
            r * Math.cos(a), r * Math.sin(a)));
        edges.add(edge(id, "c" + e.getKey(), 1));
      }
    }
    for (Map.Entry<Integer, List<Voice>> e : angels.entrySet()) {
      double angle = angles.get(e.getKey());
      List<Voice> voices = e.getValue();
      for (int j = 0; j < voices.size(); j++) {
        Voice v = voices.get(j);
        double a = angle + (j - (voices.size() - 1) / 2.0) * FAN;
        String id = "v" + v.platform() + ":" + v.authorId();
        nodes.add(node(id, v.name(), "angel", 16, v.role(), ANGEL_PULL * RING * Math.cos(a),
            ANGEL_PULL * RING * Math.sin(a)));
        edges.add(edge(id, "c" + e.getKey(), 1));
        for (Community c : shown) {
          boolean present = c.declared().stream().anyMatch(d -> d.share() >= CommunityLabel.MIN_SHARE
              && v.declaredCommunities().contains(d.name()));
          if (c.id() != e.getKey() && present) {
            edges.add(edge(id, "c" + c.id(), 1));
          }
        }
      }
    }
    facts.links().stream().filter(l -> ids.contains(l.from()) && ids.contains(l.to())).limit(MAP_LINKS)
        .forEach((CommunityLink l) -> edges.add(edge("c" + l.from(), "c" + l.to(), l.interactions())));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("nodes", nodes);
    out.put("edges", edges);
    out.put("categories", List.of("community", "opinion maker", "angel", "voice"));
    return out;
  }

  private static Map<String, Object> node(String id, String name, String category, double size, String detail,
      double x, double y) {
    Map<String, Object> n = new LinkedHashMap<>();
    n.put("x", Math.round(x));
    n.put("y", Math.round(y));
    n.put("id", id);
    n.put("name", name);
    n.put("category", category);
    n.put("size", Math.round(size));
    n.put("detail", detail);
    return n;
  }

  private static Map<String, Object> edge(String from, String to, long weight) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("source", from);
    e.put("target", to);
    e.put("weight", weight);
    return e;
  }

  static Map<String, Object> sentiment(List<DaySentiment> days) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("days", days.stream().map(d -> d.day().toString()).toList());
    out.put("positive", days.stream().map(DaySentiment::positive).toList());
    out.put("neutral", days.stream().map(DaySentiment::neutral).toList());
    out.put("negative", days.stream().map(DaySentiment::negative).toList());
    out.put("mean", days.stream().map(d -> d.mean() == null ? null : Math.round(d.mean() * 100) / 100.0).toList());
    return out;
  }

  static Map<String, Object> themes(List<Theme> themes) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("labels", themes.stream().map(Theme::label).toList());
    out.put("recruitment", themes.stream().map(t -> Math.round(t.recruitmentShare() * 1000) / 10.0).toList());
    out.put("marketing", themes.stream().map(t -> Math.round(t.marketingShare() * 1000) / 10.0).toList());
    return out;
  }

  static Map<String, Object> topics(List<Topic> topics) {
    List<Topic> top = topics.stream().limit(CHART_TOPICS).toList();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("labels", top.stream().map(Topic::label).toList());
    out.put("posts", top.stream().map(Topic::posts).toList());
    out.put("tone", top.stream().map(t -> Wording.tone(t.sentiment())).toList());
    return out;
  }

  private static final class ScriptSafeEscapes extends CharacterEscapes {
    private final int[] escapes;

    ScriptSafeEscapes() {
      escapes = standardAsciiEscapesForJSON();
      for (char c : new char[] {'<', '>', '&', '\'', '"'}) {
        escapes[c] = ESCAPE_STANDARD;
      }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch == 0x2028 || ch == 0x2029) {
        return new SerializedString(String.format("\\u%04x", ch));
      }
      return null;
    }
  }
}
