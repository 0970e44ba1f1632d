package io.listeningpost.generate;

import java.util.List;

/** Words the synthetic corpus is made of: HR and career topics, sentiment, and names. */
final class Vocabulary {
  private Vocabulary() {}

  static final List<List<String>> TOPICS = List.of(
      List.of("interview", "recruiter", "onsite", "take-home", "offer", "rejection", "ghosted", "hiring manager",
          "phone screen", "panel", "coding test", "references"),
      List.of("salary", "raise", "bonus", "equity", "compensation", "negotiation", "pay band", "cost of living",
          "benefits", "pension", "overtime", "stipend"),
      List.of("remote work", "hybrid", "office", "commute", "return to office", "flexible hours", "four-day week",
          "work-life balance", "burnout", "on-call", "time off", "parental leave"),
      List.of("onboarding", "mentor", "career growth", "promotion", "training", "certification", "manager",
          "feedback", "performance review", "team lead", "internship", "graduate programme"),
      List.of("layoffs", "restructuring", "hiring freeze", "job security", "severance", "reorg", "contract",
          "notice period", "union", "turnover", "exit interview", "culture"),
      List.of("nursing", "shift", "ward", "patients", "staffing", "night shift", "agency", "healthcare",
          "scrubs", "charge nurse", "rota", "clinical"),
      List.of("data science", "python", "spark", "dashboards", "machine learning", "pipelines", "sql",
          "analytics", "models", "notebooks", "cloud", "kubernetes"));

  static final List<String> POSITIVE = List.of("great", "love", "amazing", "helpful", "excited", "fair",
      "supportive", "recommend", "happy", "thanks", "brilliant", "welcoming", "smooth", "respectful");
  static final List<String> NEGATIVE = List.of("terrible", "hate", "awful", "rude", "ghosted", "unfair",
      "toxic", "avoid", "disappointed", "worst", "exhausting", "disrespectful", "chaotic", "underpaid");
  static final List<String> EMPLOYERS = List.of("Acme Corp", "Globex", "Initech", "Umbrella Health",
      "Stark Industries", "Wayne Enterprises", "Hooli", "Vandelay Industries");
  static final List<String> OPENERS = List.of("Honestly,", "Update:", "Quick question:", "PSA:", "So",
      "Just finished", "Has anyone", "My experience with", "Thoughts on", "Finally");
  static final List<String> EMOJI = List.of("🙂", "😡", "🎉", "😩", "👍", "🤔", "💼", "🔥");
  static final List<String> FIRST = List.of("alex", "sam", "jordan", "maria", "li", "fatima", "noah", "emma",
      "yuki", "omar", "priya", "lukas", "chloe", "diego", "amara", "ivan");
  static final List<String> SECOND = List.of("codes", "hr", "nurse", "dev", "writes", "recruits", "data",
      "ops", "pm", "talent", "cares", "learns");
}
