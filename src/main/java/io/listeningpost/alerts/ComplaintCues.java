package io.listeningpost.alerts;

import io.listeningpost.alerts.CandidateComplaintDetector.SentenceTone;
import io.listeningpost.core.config.WatchTerm;
import io.listeningpost.enrich.WatchedTerms;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hand-written evidence about a post that names a watched brand: candidate-experience vocabulary,
 * unmet-expectation cues ("still waiting", "rescinded"), judgement words ("unprofessional"), praise, playful
 * irony markers, a contrast that holds the brand up as the good example ("unlike Acme"), another employer
 * named as the place of the complaint, a question, a first-person voice, and the sentence sentiment. The
 * learned model ({@link ComplaintModel}) takes these as features beside the words; {@link #ruleScore()} is
 * the former hand-weighted score, kept as one more feature.
 */
record ComplaintCues(Set<String> strong, Set<String> weak, Set<String> unmet, Set<String> judgement,
    Set<String> positive, Set<String> irony, boolean firstPerson, boolean contrast, boolean elsewhere,
    boolean question, int sentences, double negativeShare, double minTone, double meanTone, double maxTone,
    String bestSentence) {

  private static final double W_UNMET = 1.2;
  private static final double W_JUDGEMENT = 0.8;
  private static final double W_FIRST_PERSON = 0.4;
  private static final double W_NEGATIVE_SENTENCES = 1.4;
  private static final double W_POSITIVE = 0.9;
  private static final double W_IRONY = 1.0;
  private static final double W_CONTRAST = 4.0;
  private static final double W_QUESTION = 1.0;

  /** Words that place a post in hiring or onboarding on their own. */
  private static final Pattern CANDIDATE_STRONG = words(
      "interview(s|ed|ing|er|ers)?", "recruiter(s)?", "recruiting", "recruitment", "hiring (manager|process|team)",
      "candidate(s)?", "applied (to|for|at|in|with|there)", "i (applied|'ve applied)", "applying", "job application(s)?", "offer letter",
      "job offer", "(verbal|written|internship|job) offer", "rescind(ed|ing)?", "phone screen", "onsite",
      "take-home", "assessment cent(re|er)", "new hire(s)?", "onboarding", "background check", "start date",
      "final round", "graduate scheme", "first (day|week|paycheck)", "hiring freeze", "job (ad|posting|advert)",
      "careers (portal|page|site)", "trial day", "internship", "references", "lowball(ed|ing)?", "case study",
      "(final|first|second|third|technical|interview) rounds?", "(two|three|four|five|six|\\d+) rounds");
  /** Words that speak of hiring only together with another such word ("offer", "application", "role"). */
  private static final Pattern CANDIDATE_WEAK = words(
      "offer(s|ed)?", "applied", "application(s)?", "referral", "position", "role", "job", "salary", "resign(ed)?", "gave notice",
      "hired", "rejection", "rejected", "feedback", "call ?back", "panel", "cv", "resume", "assessment",
      "contract", "hr", "notice", "start(ing)?", "apprenticeship", "posting", "process(es)?");

  private static final Pattern UNMET = words(
      "still (waiting|no|nothing|haven'?t|have not|hasn'?t|don'?t|do not|reading|chasing)",
      "never (heard|got|received|replied|responded|hearing|called|showed|answered|happened)",
      "no (reply|replies|response|answer|feedback|word|call|news|follow-?up|explanation|apology|update|rejection"
          + "|result|confirmation|compensation|one told|one showed|one joined|contract|equipment|laptop|desk|badge"
          + "|manager|mentor|training|plan)",
      "not (a|one|even a|even an) (word|single word|reply|call|email|rejection)", "a single word",
      "(haven'?t|have not|hasn'?t|didn'?t|did not|yet to|never) (hear|heard) back", "ghost(ed|ing|s)?",
      "radio silence", "silence", "it'?s been (a|an|two|three|four|five|six|several|\\d+) (day|week|month)s?",
      "(it has|it'?s) (now )?been", "(\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) "
          + "(weeks|months|tomorrows) (later|and counting|ago|since)",
      "rescind(ed|ing)?", "withdr(ew|awn)", "pulled (the|my) offer", "cancel(l)?ed", "put on hold", "on hold",
      "lowball(ed|ing)?", "bait and switch", "less than (the )?(posted|agreed|advertised)", "lower salary",
      "no-show", "(nobody|no one) (showed|joined|came|knew|answers|picks|will|called|told)",
      "(didn'?t|don'?t|did not|never) show(ed)? up", "stopped (replying|answering|responding)", "unanswered",
      "rescheduled", "pushed back", "unpaid", "waste of", "wasting", "promised", "supposed to",
      "deserve(s)? (better|respect)", "left me hanging", "strung along", "for nothing", "nothing\\.",
      "no idea what", "(was|were) late", "minutes late", "template email", "form letter", "automated (email|rejection)",
      "chase", "delayed", "still", "not even", "promising", "(been|keep|kept) waiting", "waiting (since|for)",
      "under review", "no longer exist(s|ed)?", "it is now", "talk(ed)? me down",
      "zero (feedback|response|reply|replies|contact|communication)", "(weeks?|months?|days?) late", "came late",
      "lost my (paperwork|application|documents|cv|resume|file)", "never (processed|arrived|came|materiali[sz]ed)",
      "bounce(d|s)?", "no human", "can'?t see me", "after i signed", "changed the (contract|terms|offer|role)",
      "voicemail", "decided not to", "without (explanation|a reason|reason|any)");

  private static final Pattern JUDGEMENT = words(
      "disrespect(ed|ful)?", "unprofessional", "rude", "terrible", "awful", "worst", "joke", "humiliat(ing|ed)",
      "insulting", "exploitation", "frustrat(ing|ed)", "disappoint(ing|ed)", "disorgani[sz]ed", "chaotic", "mess",
      "lazy", "dishonest", "misled", "misleading", "gutted", "furious", "stunned", "unbelievable", "not okay",
      "beware", "warning", "demoralising", "demoralizing", "confusing", "not impressed", "hostile", "is this how",
      "how hard is it", "get its act together", "done with", "losing my mind", "not how", "irony", "nightmare",
      "really not", "felt like", "used", "stinks", "shameful", "disgrace(ful)?", "ridiculous", "broken", "brutal",
      "interrogation", "hurt", "felt so (small|stupid|humiliated|worthless)", "dodged a bullet", "what a way to",
      "is anyone home");

  private static final Pattern POSITIVE = words(
      "great experience", "nicest", "amazing", "smooth", "fair", "kind", "friendly", "useful", "helpful",
      "respect", "thanks to", "grateful", "proud", "love(d)?", "happy", "excited", "fingers crossed",
      "painless", "well organi[sz]ed", "as promised", "on time", "within (a|\\d+|one|two|three) (day|days|hour|hours)",
      "in under", "got the offer", "signed my offer", "paid for", "good place", "genuinely", "welcome to",
      "best (team|decision)", "supportive", "look forward", "no complaints", "got back to me", "kept me updated",
      "specific", "learned a lot", "called back", "called with an offer", "so nice", "so well", "🎉");

  /** Markers of playful exaggeration: "complaints" that praise ("the horror 😂", "truly suffering"). */
  private static final Pattern IRONY = words(
      "lol", "😂", "😅", "the horror", "truly suffering", "sorcery", "nothing to (rant|complain)", "how dare",
      "i demand", "outrageous\\. love", "spoiled", "ruined .* for me", "too many", "can'?t handle");

  /** The brand held up as the good example against another employer. */
  private static final Pattern CONTRAST = Pattern.compile(
      "(unlike|compared to|by contrast|instead|whereas|better than|left \\p{L}+ for)");

  /** Another organisation named as the place of a job or process ("my new job at Globex", "an offer from Initech"). */
  private static final Pattern OTHER_EMPLOYER = Pattern.compile(
      "\\b(?:at|with|from|for|by|joined|left)\\s+(\\p{Lu}[\\p{L}&]+)");
  private static final Set<String> NOT_EMPLOYERS = Set.of("I", "HR", "CEO", "LinkedIn", "Glassdoor", "Indeed",
      "Reddit", "Twitter", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
      "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
      "Christmas", "Easter", "Zoom", "Teams", "Slack", "Google", "The", "A", "An", "My", "Our", "Their");

  private static final Pattern FIRST_PERSON = words("i", "i'?m", "i'?ve", "i'?d", "me", "my", "we");
  private static final Pattern QUESTION_OPENER = words(
      "anyone", "does anyone", "has anyone", "how (long|should|do)", "what('?s| is| does)", "is (the|it)",
      "which", "does", "should i", "any tips", "thinking of");


  /** Candidate-experience vocabulary: one strong word, or two weak ones. */
  boolean candidateVocabulary() {
    return !strong.isEmpty() || weak.size() >= 2;
  }

  /** The hand-weighted complaint score of the rule detector (2.0 or more alerted there; 0 without vocabulary). */
  double ruleScore() {
    if (!candidateVocabulary()) {
      return 0;
    }
    return W_UNMET * Math.min(unmet.size(), 3) + W_JUDGEMENT * Math.min(judgement.size(), 3)
        + (firstPerson ? W_FIRST_PERSON : 0) + W_NEGATIVE_SENTENCES * negativeShare
        - W_POSITIVE * Math.min(positive.size(), 3) - W_IRONY * Math.min(irony.size(), 2)
        - (contrast || elsewhere ? W_CONTRAST : 0) - (questionWithoutComplaintCue() ? W_QUESTION : 0);
  }

  boolean questionWithoutComplaintCue() {
    return question && unmet.isEmpty() && judgement.isEmpty();
  }

  /** The cues found, as the alert's reason lists them. */
  List<String> labels() {
    List<String> cues = new ArrayList<>();
    unmet.forEach(c -> cues.add("unmet: " + c));
    judgement.forEach(c -> cues.add("judgement: " + c));
    positive.forEach(c -> cues.add("praise: " + c));
    irony.forEach(c -> cues.add("irony: " + c));
    if (contrast) {
      cues.add("contrast: the brand as the good example");
    }
    if (elsewhere) {
      cues.add("elsewhere: the complaint is about another employer");
    }
    return List.copyOf(cues);
  }

  /** The cues of {@code text}, with the watched names the enrich stage found in it and its sentence sentiment. */
  static ComplaintCues of(WatchedTerms watched, String text, List<WatchedTerms.Match> matches,
      List<SentenceTone> sentences) {
    String lower = normalise(text);
    List<SentenceTone> tones = sentences.isEmpty() ? List.of(new SentenceTone(0, text.length(), 0)) : sentences;
    int negative = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    String bestSentence = null;
    int bestCues = -1;
    boolean contrast = false;
    boolean brandSentenceCue = false;
    for (SentenceTone s : tones) {
      int begin = Math.max(0, Math.min(s.begin(), text.length()));
      int end = Math.max(begin, Math.min(s.end(), text.length()));
      String sentence = text.substring(begin, end);
      String sl = normalise(sentence);
      if (s.score() < 0) {
        negative++;
      }
      min = Math.min(min, s.score());
      max = Math.max(max, s.score());
      sum += s.score();
      boolean namesBrand = watched.find(sentence).stream().anyMatch(m -> WatchTerm.BRAND.equals(m.kind()));
      if (namesBrand && CONTRAST.matcher(sl).find()) {
        contrast = true;
      }
      int cues = found(UNMET, sl).size() + found(JUDGEMENT, sl).size();
      brandSentenceCue |= namesBrand && cues > 0;
      if (cues > bestCues) {
        bestCues = cues;
        bestSentence = sentence.strip();
      }
    }
    // A complaint told about another employer, the brand only named beside it ("wish I'd taken the Acme offer").
    boolean elsewhere = !brandSentenceCue && (matches.stream().anyMatch(m -> WatchTerm.COMPETITOR.equals(m.kind()))
        || !otherEmployers(watched, text).isEmpty());
    boolean question = lower.strip().endsWith("?") || QUESTION_OPENER.matcher(firstWords(lower)).lookingAt();
    return new ComplaintCues(found(CANDIDATE_STRONG, lower), found(CANDIDATE_WEAK, lower), found(UNMET, lower),
        found(JUDGEMENT, lower), found(POSITIVE, lower), found(IRONY, lower), FIRST_PERSON.matcher(lower).find(),
        contrast, elsewhere, question, tones.size(), negative / (double) tones.size(), min, sum / tones.size(), max,
        bestSentence);
  }

  /** Names of organisations other than the watched ones given as the place of a job or process. */
  static Set<String> otherEmployers(WatchedTerms watched, String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = OTHER_EMPLOYER.matcher(text);
    while (m.find()) {
      String name = m.group(1);
      if (!NOT_EMPLOYERS.contains(name) && watched.find(name).isEmpty()) {
        out.add(name);
      }
    }
    return out;
  }

  private static String firstWords(String lower) {
    return lower.strip().replaceFirst("^[^\\p{L}]+", "");
  }

  static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'').replaceAll("\\s+", " ");
  }

  private static Set<String> found(Pattern p, String lower) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = p.matcher(lower);
    while (m.find()) {
      out.add(m.group().strip());
    }
    return out;
  }

  private static Pattern words(String... alternatives) {
    return Pattern.compile("(?<![\\p{L}\\p{N}'])(" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])");
  }
}
