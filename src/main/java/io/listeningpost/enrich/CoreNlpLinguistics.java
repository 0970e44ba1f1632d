package io.listeningpost.enrich;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.MorphaAnnotator;
import edu.stanford.nlp.pipeline.NERCombinerAnnotator;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.tagger.maxent.MaxentTagger;
import edu.stanford.nlp.util.CoreMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Sentences, POS tags, lemmas and named entities of one text, from CoreNLP's models: the stock
 * {@code tokenize,ssplit,pos,lemma,ner} pipeline of {@link #stockProperties()} with two changes that
 * make it several times faster.
 *
 * <ul>
 *   <li>POS: the same left3words tagger model, searched with a beam of {@value #POS_BEAM} states
 *       ({@link BeamPosTagger}) instead of every combination of the previous tokens' candidate tags.
 *   <li>NER: the same three-class CRF, run only on sentences that can hold a name (see
 *       {@link #mayNameSomething}); the CRF labels each sentence on its own, so the sentences it runs on
 *       get exactly the labels the stock pipeline gives them.
 * </ul>
 *
 * Tokenizer, sentence splitter and lemmatiser are CoreNLP's, unchanged. Each text is analysed on its
 * own, so its result does not depend on the other texts of a batch or partition. Thread-safe.
 */
public final class CoreNlpLinguistics {
  /** Changes whenever the analysis gives other results; part of the enrich cache key. */
  public static final String VERSION = "pos-beam4+ner-capitalised";
  static final int POS_BEAM = 4;
  static final String TAGGER_MODEL = "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger";
  private static final String NER_MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

  /** A named entity as CoreNLP found it: its text and type. */
  public record Mention(String text, String type) {}

  /** Sentences as token lists (tagged and lemmatised when the analysis has linguistics) and the entity mentions. */
  public record Result(List<List<CoreLabel>> sentences, List<Mention> mentions) {}

  private final StanfordCoreNLP splitter;
  private final BeamPosTagger tagger;
  private final MorphaAnnotator lemmatiser;
  private final NERCombinerAnnotator ner;
  private final boolean everySentence;

  /**
   * @param beam states kept by the POS search ({@link #POS_BEAM} in the enrich stage)
   * @param nerOnEverySentence run NER on every sentence, as the stock pipeline does (for comparisons)
   */
  CoreNlpLinguistics(StanfordCoreNLP splitter, MaxentTagger taggerModel, int beam, boolean nerOnEverySentence) {
    this.splitter = splitter;
    this.tagger = taggerModel == null ? null : new BeamPosTagger(taggerModel, beam);
    this.lemmatiser = taggerModel == null ? null : new MorphaAnnotator(false);
    this.everySentence = nerOnEverySentence;
    try {
      this.ner = taggerModel == null ? null : new NERCombinerAnnotator(stockProperties());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The stock pipeline this class reproduces, as the enrich stage configured it before: the left3words
   * tagger (CoreNLP's default), the three-class CRF alone, and no SUTime, numeric or fine-grained NER,
   * which triple NER's cost and add no organisation, person or location.
   */
  public static Properties stockProperties() {
    Properties props = splitterProperties();
    props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
    props.setProperty("pos.model", TAGGER_MODEL);
    props.setProperty("ner.model", NER_MODEL);
    props.setProperty("ner.useSUTime", "false");
    props.setProperty("ner.applyNumericClassifiers", "false");
    props.setProperty("ner.applyFineGrained", "false");
    props.setProperty("ner.statisticalOnly", "true");
    props.setProperty("ner.buildEntityMentions", "true");
    return props;
  }

  static Properties splitterProperties() {
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit");
    props.setProperty("tokenize.options", "untokenizable=noneDelete,invertible=false");
    props.setProperty("ssplit.newlineIsSentenceBreak", "two");
    return props;
  }

  /** Analyses {@code text} with no time limit. */
  public Result analyse(String text) {
    return analyse(text, Deadline.none());
  }

  /** Analyses {@code text}, checking {@code deadline} between sentences and between tagged tokens. */
  Result analyse(String text, Deadline deadline) {
    Annotation doc = new Annotation(text);
    splitter.annotate(doc);
    List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
    List<List<CoreLabel>> tokens = new ArrayList<>(sentences.size());
    for (CoreMap s : sentences) {
      tokens.add(s.get(CoreAnnotations.TokensAnnotation.class));
    }
    if (tagger == null) {
      return new Result(tokens, List.of());
    }
    deadline.check();
    for (List<CoreLabel> s : tokens) {
      tagger.tag(s, deadline);
    }
    lemmatiser.annotate(doc);
    List<CoreMap> named = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      if (everySentence || mayNameSomething(tokens.get(i))) {
        named.add(sentences.get(i));
      }
    }
    List<Mention> mentions = new ArrayList<>();
    if (!named.isEmpty()) {
      deadline.check();
      // CoreNLP's NER labels the sentences of an annotation one by one; this annotation holds only those
      // that need it, over the whole text's tokens, so offsets and token indexes stay the text's own.
      Annotation some = new Annotation(text);
      some.set(CoreAnnotations.TokensAnnotation.class, doc.get(CoreAnnotations.TokensAnnotation.class));
      some.set(CoreAnnotations.SentencesAnnotation.class, named);
      ner.annotate(some);
      for (CoreEntityMention m : new CoreDocument(some).entityMentions()) {
        if (isNamed(m)) {
          mentions.add(new Mention(m.text(), m.entityType()));
        }
      }
    }
    return new Result(tokens, mentions);
  }

  /**
   * Whether a mention is a name the NER labelled. CoreNLP's entity-mention step also adds the pronouns
   * "he", "she", "him", "her", "his" as PERSON mentions, whose tokens the NER left unlabelled; they name
   * no one and are left out.
   */
  public static boolean isNamed(CoreEntityMention m) {
    for (CoreLabel t : m.tokens()) {
      if (m.entityType() != null && m.entityType().equals(t.ner())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a sentence can hold a name the CRF would find: a token past the first with a capital letter
   * (the pronoun "I" aside), or a first token the tagger calls a proper noun. The three-class CRF rarely
   * labels lower-case words; docs/benchmarks.md gives how often the entities still differ from the stock
   * pipeline's.
   */
  static boolean mayNameSomething(List<CoreLabel> sentence) {
    for (int i = 0; i < sentence.size(); i++) {
      CoreLabel t = sentence.get(i);
      if (i == 0) {
        String tag = t.tag();
        if (tag != null && tag.startsWith("NNP")) {
          return true;
        }
      } else if (hasCapital(t.word()) && !t.word().equals("I")) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasCapital(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isUpperCase(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
