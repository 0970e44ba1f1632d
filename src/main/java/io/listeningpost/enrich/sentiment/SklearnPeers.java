package io.listeningpost.enrich.sentiment;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The three linear peers of {@code docs/bench/sentiment_peers.py} (scikit-learn from Debian: logistic
 * regression and a linear SVM on word + character TF-IDF, and logistic regression plus VADER lexicon
 * features), fitted on the same train split as our model, scored on the same tune split.
 */
public final class SklearnPeers {
  public static final String PYTHON = "/usr/bin/python3";
  public static final String SCRIPT = "docs/bench/sentiment_peers.py";
  private static final long TIMEOUT_MINUTES = 60;

  /** A peer's C, its macro-recall on the tune split, and its scores on each evaluated set. */
  public record Peer(String name, double c, double tuneMacroRecall, Map<String, Evaluation> sets) {}

  private SklearnPeers() {}

  /** Null when scikit-learn can run, else why not. */
  public static String unavailable() {
    try {
      Process p = new ProcessBuilder(PYTHON, "-c", "import sklearn, scipy, numpy").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return PYTHON + " -c 'import sklearn' did not finish in 120 s";
      }
      return p.exitValue() == 0 ? null : PYTHON + " cannot import sklearn (apt-get install python3-sklearn)";
    } catch (IOException e) {
      return PYTHON + " cannot be started: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /**
   * Writes the splits for the script, runs it and reads its output. The sets in {@code evaluated} are
   * scored only when it is not empty: the test set is passed once, after every choice is made.
   */
  public static List<Peer> run(Path home, Path datasets, List<LabelledText> train, List<LabelledText> tune,
      Map<String, List<LabelledText>> evaluated, Path workDir) throws IOException, InterruptedException {
    export(train, tune, evaluated, workDir);
    List<String> cmd = new ArrayList<>(List.of(PYTHON, home.resolve(SCRIPT).toString(), workDir.toString(),
        datasets.resolve("vader-lexicon/vader_lexicon.txt").toString()));
    if (!evaluated.isEmpty()) {
      cmd.add("--test");
    }
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<Peer> peers;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      peers = parse(r, evaluated.keySet());
    }
    if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException(SCRIPT + " did not finish in " + TIMEOUT_MINUTES + " minutes");
    }
    if (p.exitValue() != 0) {
      throw new IOException(SCRIPT + " exited with " + p.exitValue());
    }
    return peers;
  }

  /** The script's output from an earlier run on {@link #export exported} splits, for the same sets. */
  public static List<Peer> read(Path output, java.util.Set<String> evaluated) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(output, StandardCharsets.UTF_8)) {
      return parse(r, evaluated);
    }
  }

  /** Writes train.tsv, tune.tsv and eval/SET.tsv into {@code workDir}, as the script reads them. */
  public static void export(List<LabelledText> train, List<LabelledText> tune,
      Map<String, List<LabelledText>> evaluated, Path workDir) throws IOException {
    Files.createDirectories(workDir.resolve("eval"));
    write(workDir.resolve("train.tsv"), train);
    write(workDir.resolve("tune.tsv"), tune);
    for (Map.Entry<String, List<LabelledText>> e : evaluated.entrySet()) {
      write(workDir.resolve("eval").resolve(fileName(e.getKey()) + ".tsv"), e.getValue());
    }
  }

  private static String fileName(String set) {
    return set.replaceAll("[^A-Za-z0-9]+", "-");
  }

  private static List<Peer> parse(BufferedReader r, java.util.Set<String> evaluated) throws IOException {
    Map<String, String> sets = new LinkedHashMap<>();
    evaluated.forEach(set -> sets.put(fileName(set), set));
    Map<String, Peer> peers = new LinkedHashMap<>();
    for (String line; (line = r.readLine()) != null; ) {
      String[] f = line.split("\t");
      if (f[0].equals("chosen")) {
        peers.put(f[1], new Peer(f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), new LinkedHashMap<>()));
      } else if (f[0].equals("confusion") && sets.containsKey(f[2])) {
        String[] counts = f[3].split(" ");
        Evaluation ev = new Evaluation();
        for (int g = 0; g < 3; g++) {
          for (int q = 0; q < 3; q++) {
            ev.add(g, q, Long.parseLong(counts[g * 3 + q]));
          }
        }
        peers.get(f[1]).sets().put(sets.get(f[2]), ev);
      }
    }
    return new ArrayList<>(peers.values());
  }

  private static void write(Path file, List<LabelledText> texts) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (LabelledText t : texts) {
        w.write(t.label() + "\t" + t.text().replaceAll("[\\t\\r\\n]+", " ") + "\n");
      }
    }
  }
}
