package io.listeningpost.enrich.sentiment;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.ejml.simple.SimpleMatrix;

/**
 * CoreNLP's own sentiment pipeline ({@code tokenize,ssplit,pos,parse,sentiment}, the RNTN over
 * binarised parse trees), with either parser. It is the baseline every report compares against, and
 * the long-text component of {@link PostSentimentScorer}.
 */
public final class StockCoreNlpSentiment {
  /** Which constituency parser feeds the RNTN. */
  public enum Parser {
    SHIFT_REDUCE("edu/stanford/nlp/models/srparser/englishSR.ser.gz"),
    PCFG("edu/stanford/nlp/models/lexparser/englishPCFG.ser.gz");

    final String model;

    Parser(String model) {
      this.model = model;
    }
  }

  /** One sentence's RNTN output: its 5-class distribution (very negative … very positive). */
  public record Sentence(int begin, int end, double[] distribution5, boolean parsed) {}

  private final StanfordCoreNLP pipeline;
  private final int maxLength;

  /** @param maxLength sentences with more tokens are not parsed (CoreNLP's {@code parse.maxlen}); 0 for no cap. */
  public StockCoreNlpSentiment(Parser parser, int maxLength) {
    Properties p = new Properties();
    p.setProperty("annotators", "tokenize,ssplit,pos,parse,sentiment");
    p.setProperty("parse.model", parser.model);
    p.setProperty("parse.binaryTrees", "true");
    if (maxLength > 0) {
      p.setProperty("parse.maxlen", Integer.toString(maxLength));
    }
    p.setProperty("tokenize.options", "untokenizable=noneDelete,invertible=false");
    this.pipeline = new StanfordCoreNLP(p);
    this.maxLength = maxLength;
  }

  /** The sentences of {@code text} with their distributions; a sentence the parser skipped has none. */
  public List<Sentence> sentences(String text) {
    Annotation doc = new Annotation(text);
    pipeline.annotate(doc);
    List<Sentence> out = new ArrayList<>();
    for (CoreMap s : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
      int begin = s.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
      int end = s.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
      Tree tree = s.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
      SimpleMatrix pred = tree == null ? null : RNNCoreAnnotations.getPredictions(tree);
      // Beyond parse.maxlen CoreNLP puts a flat placeholder tree, whose prediction means nothing.
      int tokens = s.get(CoreAnnotations.TokensAnnotation.class).size();
      boolean parsed = pred != null && (maxLength <= 0 || tokens <= maxLength);
      double[] dist = new double[5];
      if (parsed) {
        for (int i = 0; i < 5; i++) {
          dist[i] = pred.get(i);
        }
      }
      out.add(new Sentence(begin, end, dist, parsed));
    }
    return out;
  }

  /** The mean 5-class distribution of the parsed sentences, or null when none was parsed. */
  public static double[] mean(List<Sentence> sentences) {
    double[] sum = new double[5];
    int parsed = 0;
    for (Sentence s : sentences) {
      if (s.parsed()) {
        for (int i = 0; i < 5; i++) {
          sum[i] += s.distribution5()[i];
        }
        parsed++;
      }
    }
    if (parsed == 0) {
      return null;
    }
    for (int i = 0; i < 5; i++) {
      sum[i] /= parsed;
    }
    return sum;
  }

  /** Folds a 5-class distribution to negative, neutral, positive. */
  public static double[] toThree(double[] d5) {
    return new double[] {d5[0] + d5[1], d5[2], d5[3] + d5[4]};
  }
}
