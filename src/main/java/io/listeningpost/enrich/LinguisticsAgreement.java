package io.listeningpost.enrich;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.listeningpost.ingest.text.MarkupText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * How far {@link CoreNlpLinguistics} agrees with the stock CoreNLP pipeline it speeds up
 * ({@link CoreNlpLinguistics#stockProperties()}), post by post, on what a post keeps
 * ({@link LinguisticFeatures}; pronouns CoreNLP adds as PERSON mentions are left out of both,
 * {@link CoreNlpLinguistics#isNamed}):
 *
 * <ul>
 *   <li>lemmas: F1 of the multisets of content lemmas, summed over posts: 2 × the lemmas both give
 *       (counted with repetition) / (ours + stock's);
 *   <li>noun phrases and entities: the same F1 over the sets of phrases and of (text, type) entities;
 *   <li>tags and token lemmas: the share of all tokens (the tokenizer is the same) whose POS tag, or
 *       whose lemma, is the stock pipeline's.
 * </ul>
 */
public final class LinguisticsAgreement {
  private LinguisticsAgreement() {}

  /** Real posts: tweets, and forum posts of at least 200 characters. */
  public record Sample(List<String> tweets, List<String> forumPosts) {}

  /** Agreement of one input kind; F1 values and shares in [0, 1]. */
  public record Agreement(String input, int posts, long tokens, double tagShare, double tokenLemmaShare,
      double lemmaF1, long stockLemmas, double phraseF1, long stockPhrases, double entityF1, long stockEntities) {}

  /**
   * The first {@code tweets} TweetEval validation tweets, and {@code forumPosts} forum posts: half Stack
   * Exchange quantum computing posts (HTML bodies to text as ingest does, title first), half r/jobs
   * submissions (Markdown to text, title first), in file order, each at least 200 characters.
   */
  public static Sample sample(Path datasets, int tweets, int forumPosts) throws IOException {
    List<String> tw = Files.readAllLines(datasets.resolve("tweeteval-sentiment/datasets/sentiment/val_text.txt"),
        StandardCharsets.UTF_8);
    List<String> forum = new ArrayList<>(stackExchange(datasets.resolve("se-quantumcomputing/Posts.xml"),
        forumPosts / 2));
    forum.addAll(redditJobs(datasets.resolve("reddit-jobs-posts/rjobs.csv"), forumPosts - forum.size()));
    if (tw.size() < tweets || forum.size() < forumPosts) {
      throw new IllegalArgumentException("the datasets hold " + tw.size() + " tweets and " + forum.size()
          + " forum posts, fewer than asked");
    }
    return new Sample(tw.subList(0, tweets), forum);
  }

  private static List<String> stackExchange(Path postsXml, int n) throws IOException {
    List<String> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(postsXml)) {
      XMLStreamReader r = XMLInputFactory.newFactory().createXMLStreamReader(in);
      while (r.hasNext() && out.size() < n) {
        if (r.next() == XMLStreamReader.START_ELEMENT && r.getLocalName().equals("row")) {
          String body = MarkupText.fromHtml(r.getAttributeValue(null, "Body")).text();
          String text = PostAnalyzer.fullText(r.getAttributeValue(null, "Title"), body);
          if (text.length() >= 200) {
            out.add(text);
          }
        }
      }
    } catch (XMLStreamException e) {
      throw new IOException("cannot read " + postsXml + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static List<String> redditJobs(Path csv, int n) throws IOException {
    List<String> out = new ArrayList<>();
    CsvMapper mapper = new CsvMapper();
    try (MappingIterator<Map<String, String>> rows = mapper.readerFor(Map.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(csv.toFile())) {
      while (rows.hasNext() && out.size() < n) {
        Map<String, String> row = rows.next();
        String text = PostAnalyzer.fullText(row.get("title"), MarkupText.fromMarkdown(row.get("selftext")).text());
        if (text.length() >= 200) {
          out.add(text);
        }
      }
    }
    return out;
  }

  /** Compares {@code ours} with the stock pipeline {@code stock} on every text. */
  public static Agreement measure(String input, List<String> texts, CoreNlpLinguistics ours, StanfordCoreNLP stock) {
    long tokens = 0;
    long sameTag = 0;
    long sameLemma = 0;
    long[] lemmas = new long[3];
    long[] phrases = new long[3];
    long[] entities = new long[3];
    for (String text : texts) {
      CoreNlpLinguistics.Result a = ours.analyse(text);
      CoreDocument doc = new CoreDocument(text);
      stock.annotate(doc);
      List<List<CoreLabel>> stockSentences = new ArrayList<>();
      for (CoreSentence s : doc.sentences()) {
        stockSentences.add(s.tokens());
      }
      List<CoreNlpLinguistics.Mention> stockMentions = new ArrayList<>();
      for (CoreEntityMention m : doc.entityMentions()) {
        if (CoreNlpLinguistics.isNamed(m)) {
          stockMentions.add(new CoreNlpLinguistics.Mention(m.text(), m.entityType()));
        }
      }
      List<CoreLabel> x = flat(a.sentences());
      List<CoreLabel> y = flat(stockSentences);
      if (x.size() != y.size()) {
        throw new IllegalStateException("the two pipelines tokenized a text differently: " + text);
      }
      for (int i = 0; i < x.size(); i++) {
        tokens++;
        sameTag += x.get(i).tag().equals(y.get(i).tag()) ? 1 : 0;
        sameLemma += x.get(i).lemma().equals(y.get(i).lemma()) ? 1 : 0;
      }
      LinguisticFeatures f = LinguisticFeatures.of(a.sentences(), a.mentions());
      LinguisticFeatures g = LinguisticFeatures.of(stockSentences, stockMentions);
      add(lemmas, f.lemmas(), g.lemmas());
      add(phrases, new ArrayList<>(new HashSet<>(f.nounPhrases())), new ArrayList<>(new HashSet<>(g.nounPhrases())));
      add(entities, new ArrayList<>(new HashSet<>(f.entities())), new ArrayList<>(new HashSet<>(g.entities())));
    }
    return new Agreement(input, texts.size(), tokens, share(sameTag, tokens), share(sameLemma, tokens), f1(lemmas),
        lemmas[2], f1(phrases), phrases[2], f1(entities), entities[2]);
  }

  private static List<CoreLabel> flat(List<List<CoreLabel>> sentences) {
    List<CoreLabel> out = new ArrayList<>();
    sentences.forEach(out::addAll);
    return out;
  }

  /** Adds to {both, ours, stock}: the multiset intersection and the two sizes. */
  private static <T> void add(long[] counts, List<T> ours, List<T> stock) {
    Map<T, Integer> left = new HashMap<>();
    for (T t : stock) {
      left.merge(t, 1, Integer::sum);
    }
    for (T t : ours) {
      Integer k = left.get(t);
      if (k != null && k > 0) {
        counts[0]++;
        left.put(t, k - 1);
      }
    }
    counts[1] += ours.size();
    counts[2] += stock.size();
  }

  private static double f1(long[] c) {
    return c[1] + c[2] == 0 ? 1.0 : 2.0 * c[0] / (c[1] + c[2]);
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 1.0 : (double) part / whole;
  }
}
