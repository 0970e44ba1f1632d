package io.listeningpost.report;

/** The six questions of an HR social-media strategy, with the stable ids the {@code strategy_answers} table uses. */
public enum StrategyQuestion {
  TARGET_AUDIENCES("target_audiences", "Who are our target audiences?"),
  PRESENCE("presence", "Where are they present?"),
  INTERESTS("interests", "What are their interests?"),
  ENRICH_COMMUNITIES("enrich_communities", "What can enrich their communities?"),
  EARN_TRUST("earn_trust", "How can we earn their trust?"),
  VALUE_ADDED("value_added", "What is our value added?");

  private final String id;
  private final String text;

  StrategyQuestion(String id, String text) {
    this.id = id;
    this.text = text;
  }

  public String id() {
    return id;
  }

  public String text() {
    return text;
  }
}
