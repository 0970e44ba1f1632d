package io.listeningpost.enrich;

import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Maps {@link PostNlp} and watched-term matches to rows of the nlp_cache and post_nlp schemas. */
final class NlpRows {
  private NlpRows() {}

  static Row cacheRow(PostNlp n, String declaredLang, String version, String runId, Timestamp at) {
    Row[] sentences = n.sentences().stream()
        .map(s -> RowFactory.create(s.begin(), s.end(), s.label(), s.score(), boxed(s.dist5()), s.model()))
        .toArray(Row[]::new);
    Row[] entities = n.entities().stream().map(e -> RowFactory.create(e.text(), e.type())).toArray(Row[]::new);
    return RowFactory.create(n.textHash(), n.lang(), n.langSource(), n.scored(), n.unscoredReason(), n.label(),
        n.scored() ? n.score() : null, n.dist5() == null ? null : boxed(n.dist5()), n.model(), sentences,
        n.lemmas().toArray(new String[0]), n.nounPhrases().toArray(new String[0]), entities, n.question(),
        n.fallbacks().toArray(new String[0]), declaredLang, version, runId, at);
  }

  static Row[] watchedRows(WatchedTerms terms, String text) {
    List<WatchedTerms.Match> found = terms.find(text);
    return found.stream().map(m -> RowFactory.create(m.term(), m.kind(), m.matched())).toArray(Row[]::new);
  }

  private static Double[] boxed(double[] d) {
    Double[] out = new Double[d.length];
    for (int i = 0; i < d.length; i++) {
      out[i] = d[i];
    }
    return out;
  }

}
