package io.listeningpost.enrich;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.tagger.common.Tagger;
import edu.stanford.nlp.tagger.maxent.MaxentTagger;
import edu.stanford.nlp.tagger.maxent.TestSentence;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * CoreNLP's maxent POS tagger (its model, features, dictionary and scores) with a pruned Viterbi
 * search: at each token only the {@code beam} best states (the previous tags the model looks at) are
 * extended. CoreNLP's own search scores every combination of the candidate tags of the previous tokens,
 * and a word the tagger has not seen (a handle, hashtag, URL, misspelling) has 25 candidates, so a
 * tweet costs hundreds of model evaluations per token; here it costs {@code beam}. With an unbounded
 * beam the tags are CoreNLP's exactly; with 4 they agree on 99.98% of tweet tokens (docs/benchmarks.md).
 *
 * <p>The search reuses CoreNLP's {@link TestSentence} for scoring. Two of the steps it needs are private
 * there (setting up the sentence's scoring context and clearing it) and the model's word normalisation
 * is package-private, so they are reached by reflection, checked once when the class loads; the CoreNLP
 * release is pinned in the pom and is part of the enrich cache key.
 */
final class BeamPosTagger {
  private static final Method INITIALIZE_SCORER;
  private static final Method CLEAN_UP_SCORER;
  private static final Field WORD_FUNCTION;

  static {
    try {
      INITIALIZE_SCORER = TestSentence.class.getDeclaredMethod("initializeScorer");
      INITIALIZE_SCORER.setAccessible(true);
      CLEAN_UP_SCORER = TestSentence.class.getDeclaredMethod("cleanUpScorer");
      CLEAN_UP_SCORER.setAccessible(true);
      WORD_FUNCTION = MaxentTagger.class.getDeclaredField("wordFunction");
      WORD_FUNCTION.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this CoreNLP release's tagger internals differ from 4.5.10's", e);
    }
  }

  private final MaxentTagger model;
  private final Function<String, String> wordFunction;
  private final int beam;

  @SuppressWarnings("unchecked")
  BeamPosTagger(MaxentTagger model, int beam) {
    if (beam < 1) {
      throw new IllegalArgumentException("beam must be at least 1: " + beam);
    }
    this.model = model;
    this.beam = beam;
    try {
      this.wordFunction = (Function<String, String>) WORD_FUNCTION.get(model);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    if (new Search(model).rightWindow() != 0) {
      throw new IllegalArgumentException("only left-context tagger models are supported");
    }
  }

  /** Sets the POS tag of every token of one sentence. */
  void tag(List<CoreLabel> sentence, Deadline deadline) {
    List<String> words = new ArrayList<>(sentence.size() + 1);
    for (CoreLabel t : sentence) {
      words.add(wordFunction == null ? t.word() : wordFunction.apply(t.word()));
    }
    String[] tags = new Search(model).tags(words, beam, deadline);
    for (int i = 0; i < sentence.size(); i++) {
      sentence.get(i).setTag(tags[i]);
    }
  }

  /** One sentence's search; CoreNLP's scorer keeps per-sentence caches, so it is not shared. */
  private static final class Search extends TestSentence {
    private final MaxentTagger tagger;

    Search(MaxentTagger tagger) {
      super(tagger);
      this.tagger = tagger;
    }

    String[] tags(List<String> words, int beam, Deadline deadline) {
      sent = new ArrayList<>(words);
      sent.add(Tagger.EOS_WORD);
      size = sent.size();
      init();
      invoke(INITIALIZE_SCORER);
      try {
        return search(beam, deadline);
      } finally {
        invoke(CLEAN_UP_SCORER);
      }
    }

    /**
     * Viterbi over states of the last {@code left} tags, keeping the {@code beam} best states at each
     * position. Ties go to the earlier candidate, so the result is the same on every run.
     */
    private String[] search(int beam, Deadline deadline) {
      int left = leftWindow();
      int n = length();
      int padded = n + left;
      int[][] options = new int[padded][];
      for (int p = 0; p < padded; p++) {
        options[p] = getPossibleValues(p);
      }
      int[] window = new int[padded];
      int[][] states = new int[1][left];
      for (int i = 0; i < left; i++) {
        states[0][i] = options[i][0];
      }
      double[] scores = {0};
      int[][] backPointer = new int[n][];
      int[][] chosenTag = new int[n][];
      for (int pos = left; pos < padded; pos++) {
        deadline.check();
        int[] here = options[pos];
        int candidates = states.length * here.length;
        double[] candScore = new double[candidates];
        int[] candFrom = new int[candidates];
        int[] candTag = new int[candidates];
        int c = 0;
        for (int s = 0; s < states.length; s++) {
          System.arraycopy(states[s], 0, window, pos - left, left);
          window[pos] = here[0];
          double[] local = scoresOf(window, pos);
          for (int k = 0; k < here.length; k++) {
            candScore[c] = scores[s] + local[k];
            candFrom[c] = s;
            candTag[c] = here[k];
            c++;
          }
        }
        Integer[] order = new Integer[candidates];
        for (int i = 0; i < candidates; i++) {
          order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
          int byScore = Double.compare(candScore[b], candScore[a]);
          return byScore != 0 ? byScore : Integer.compare(a, b);
        });
        // Two candidates with the same last tags are the same state: the better one (first in order) stays.
        int room = Math.min(beam, candidates);
        List<int[]> kept = new ArrayList<>(room);
        int[] keptFrom = new int[room];
        int[] keptTag = new int[room];
        double[] keptScore = new double[room];
        for (int i = 0; i < candidates && kept.size() < room; i++) {
          int cand = order[i];
          int[] state = new int[left];
          if (left > 0) {
            System.arraycopy(states[candFrom[cand]], 1, state, 0, left - 1);
            state[left - 1] = candTag[cand];
          }
          boolean seen = false;
          for (int[] k : kept) {
            if (Arrays.equals(k, state)) {
              seen = true;
              break;
            }
          }
          if (!seen) {
            keptFrom[kept.size()] = candFrom[cand];
            keptTag[kept.size()] = candTag[cand];
            keptScore[kept.size()] = candScore[cand];
            kept.add(state);
          }
        }
        int m = kept.size();
        states = kept.toArray(new int[m][]);
        scores = Arrays.copyOf(keptScore, m);
        backPointer[pos - left] = Arrays.copyOf(keptFrom, m);
        chosenTag[pos - left] = Arrays.copyOf(keptTag, m);
      }
      int[] best = new int[n];
      int s = 0;
      for (int i = n - 1; i >= 0; i--) {
        best[i] = chosenTag[i][s];
        s = backPointer[i][s];
      }
      // The last position is CoreNLP's end-of-sentence marker.
      String[] out = new String[n - 1];
      for (int i = 0; i < n - 1; i++) {
        out[i] = tagger.getTag(best[i]);
      }
      return out;
    }

    private void invoke(Method m) {
      try {
        m.invoke(this);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      }
    }
  }
}
