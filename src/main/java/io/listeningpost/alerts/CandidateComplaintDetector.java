package io.listeningpost.alerts;

import io.listeningpost.core.config.WatchTerm;
import io.listeningpost.enrich.WatchedTerms;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Decides whether one post is a complaint about a candidate's or new hire's experience with a watched
 * brand: an interview, application, offer, recruiter or onboarding that went wrong. Plain Java; the
 * alerts stage maps it over the posts and their sentence sentiment.
 *
 * <p>A post must name a watched brand. The decision is then the learned {@link ComplaintModel}'s: a logistic
 * regression over the post's words and bigrams (brand names replaced by a placeholder), the hand-written
 * cues of {@link ComplaintCues} and its sentence sentiment, alerting at the threshold chosen by
 * cross-validation on the labelled sets (docs/alerts.md). Sentiment alone misses these complaints: they are
 * often told flatly ("It's been a month.") or with polite or ironic words ("Thanks for the lovely experience").
 */
public final class CandidateComplaintDetector implements Serializable {
  private static final long serialVersionUID = 2L;

  /** A sentence's position in the text and its sentiment score in [-1, 1]. */
  public record SentenceTone(int begin, int end, double score) {}

  /**
   * The verdict: whether to alert, the model's complaint probability, the brand it names, the cues found
   * (for the evidence) and the sentence that best shows the complaint.
   */
  public record Verdict(boolean alert, double score, String brand, List<String> cues, String excerpt) {}

  private static final int EXCERPT_CHARS = 280;

  private final WatchedTerms watched;
  private final ComplaintModel model;

  /** A detector for the watch list with the shipped model; it finds the brand in each sentence with it. */
  public CandidateComplaintDetector(List<WatchTerm> watch) {
    this(watch, ComplaintModel.shipped());
  }

  public CandidateComplaintDetector(List<WatchTerm> watch, ComplaintModel model) {
    this.watched = new WatchedTerms(watch);
    this.model = model;
  }

  /** The complaint probability at which a post alerts. */
  public double threshold() {
    return model.threshold();
  }

  /** Judges {@code text} with the watched names the enrich stage found in it. */
  public Verdict judge(String text, List<WatchedTerms.Match> matches, List<SentenceTone> sentences) {
    String brand = brand(matches);
    if (brand == null || text == null || text.isBlank()) {
      return new Verdict(false, 0, brand, List.of(), null);
    }
    ComplaintCues cues = ComplaintCues.of(watched, text, matches, sentences);
    double p = model.probability(ComplaintFeatures.extract(model.featureSet(), watched, text, cues));
    return new Verdict(p >= model.threshold(), p, brand, cues.labels(), excerpt(cues.bestSentence()));
  }

  /** Judges {@code text}, finding the watched names itself. */
  public Verdict judge(String text, List<SentenceTone> sentences) {
    return judge(text, watched.find(text), sentences);
  }

  /**
   * The model's features of {@code text}, or null when it names no watched brand (the gate): what the trainer
   * fits on.
   */
  Map<String, Double> features(String text, List<SentenceTone> sentences, ComplaintFeatures.FeatureSet set) {
    List<WatchedTerms.Match> matches = watched.find(text);
    if (brand(matches) == null || text.isBlank()) {
      return null;
    }
    return ComplaintFeatures.extract(set, watched, text, ComplaintCues.of(watched, text, matches, sentences));
  }

  private static String brand(List<WatchedTerms.Match> matches) {
    for (WatchedTerms.Match m : matches) {
      if (WatchTerm.BRAND.equals(m.kind())) {
        return m.term();
      }
    }
    return null;
  }

  private static String excerpt(String sentence) {
    if (sentence == null) {
      return null;
    }
    String s = sentence.replaceAll("\\s+", " ");
    return s.length() <= EXCERPT_CHARS ? s : s.substring(0, EXCERPT_CHARS - 1) + "…";
  }
}
