package io.listeningpost.run;

import io.listeningpost.enrich.sentiment.Evaluation;
import io.listeningpost.enrich.sentiment.HeldOutSentimentEvaluation;
import io.listeningpost.enrich.sentiment.LabelledText;
import io.listeningpost.enrich.sentiment.SentimentReport;
import io.listeningpost.enrich.sentiment.SentimentSettings;
import io.listeningpost.enrich.sentiment.SentimentSplits;
import io.listeningpost.enrich.sentiment.SentimentTrainingRun;
import io.listeningpost.enrich.sentiment.SklearnPeers;
import io.listeningpost.enrich.sentiment.SocialSentimentModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train-sentiment", mixinStandardHelpOptions = true,
    description = {"Rebuild the shipped social sentiment model from ../shared/datasets and write its evaluation,",
        "next to scikit-learn peers and stock CoreNLP, to docs/sentiment.md. Same data, same model file.",
        "The protocol model (train split, offsets tuned on the tune split) is scored once on the SemEval 2016",
        "test file; the shipped model is then trained on everything with the same settings."})
final class TrainSentimentCommand implements Callable<Integer> {
  static final String PROTOCOL_ROW = "Listening Post, protocol model (train split)";
  static final String SHIPPED_ROW = "Listening Post, shipped model (everything)";

  @Option(names = "--datasets", paramLabel = "DIR", description = "The shared datasets folder (default: ../shared/datasets beside the project).")
  Path datasets;

  @Option(names = "--model", paramLabel = "FILE", description = "Where the model is written (default: the shipped model in src/main/resources).")
  Path model;

  @Option(names = "--report", paramLabel = "FILE", description = "Evaluation report (default: docs/sentiment.md).")
  Path report;

  @Option(names = "--sigma", description = "L2 prior sigma (default: the one chosen on the tuning split, SentimentSettings.CHOSEN).")
  Double sigma;

  @Option(names = "--no-stock", description = "Skip the stock CoreNLP comparison (about 20 minutes on 2 cores for every text).")
  boolean noStock;

  @Option(names = "--no-peers", description = "Skip the scikit-learn peers (a few minutes on 2 cores).")
  boolean noPeers;

  @Option(names = "--stock-max", defaultValue = "0", paramLabel = "N",
      description = "Run stock CoreNLP on at most N texts of each set, chosen by a hash of the id (default: all).")
  int stockMax;

  @Option(names = "--peers-output", paramLabel = "FILE", description = {"Read the peers' figures from FILE, the "
      + "output of " + SklearnPeers.SCRIPT + " --test on the splits --export-splits wrote, instead of running it."})
  Path peersOutput;

  @Option(names = "--export-splits", paramLabel = "DIR", description = "Write the splits as the peers' script reads "
      + "them to DIR, and stop.")
  Path exportSplits;

  @Option(names = "--threads", defaultValue = "0", description = "Threads for stock CoreNLP (default: all cores).")
  int threads;

  @Override
  public Integer call() throws Exception {
    Path home = Path.of(System.getProperty("listeningpost.home", "."));
    Path ds = datasets != null ? datasets : home.resolve("../shared/datasets").normalize();
    Path modelFile = model != null ? model : home.resolve("src/main/resources" + SocialSentimentModel.RESOURCE);
    Path reportFile = report != null ? report : home.resolve("docs/sentiment.md");
    if (!Files.isDirectory(ds.resolve("semeval2017-task4a-train"))) {
      System.err.println("--datasets " + ds + ": no semeval2017-task4a-train folder there (is ../shared beside the project?)");
      return 2;
    }
    Map<String, List<LabelledText>> evaluated = new LinkedHashMap<>();
    String testLong = SentimentSplits.TEST + ", texts of " + HeldOutSentimentEvaluation.LONG_TOKENS + "+ tokens";
    if (exportSplits != null) {
      SentimentSplits splits = SentimentSplits.build(ds);
      evaluated(splits, testLong, evaluated);
      SklearnPeers.export(splits.train(), splits.tune(), evaluated, exportSplits);
      System.out.println("splits written to " + exportSplits + "; the peers: " + SklearnPeers.PYTHON + " "
          + SklearnPeers.SCRIPT + " " + exportSplits + " " + ds.resolve("vader-lexicon/vader_lexicon.txt") + " --test");
      return 0;
    }
    SentimentTrainingRun run = SentimentTrainingRun.train(ds,
        sigma == null ? SentimentSettings.CHOSEN : SentimentSettings.CHOSEN.withSigma(sigma));
    run.writeModel(modelFile);
    SentimentSplits splits = run.splits();
    System.out.printf("protocol model: %,d train, %,d tune texts; shipped model: %,d texts in %.1f s, %,d features, "
        + "written to %s%n", splits.train().size(), splits.tune().size(), splits.everything().size(), run.trainSeconds(),
        run.shipped().featureCount(), modelFile);
    System.out.print(splits.overlaps().markdown());

    List<SklearnPeers.Peer> peers = List.of();
    String peersSkipped = noPeers ? "--no-peers" : peersOutput != null ? null : SklearnPeers.unavailable();
    evaluated(splits, testLong, evaluated);
    if (peersOutput != null) {
      peers = SklearnPeers.read(peersOutput, evaluated.keySet());
    } else if (peersSkipped == null) {
      Path work = Files.createTempDirectory("sentiment-peers");
      try {
        peers = SklearnPeers.run(home, ds, splits.train(), splits.tune(), evaluated, work);
      } finally {
        try (var files = Files.walk(work)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
      }
    }

    int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    SentimentReport.Results results;
    try (HeldOutSentimentEvaluation eval = new HeldOutSentimentEvaluation(!noStock, stockMax, n, System.out)) {
      Map<String, SocialSentimentModel> protocol = Map.of(PROTOCOL_ROW, run.protocol());
      Map<String, SocialSentimentModel> both = new LinkedHashMap<>();
      both.put(SHIPPED_ROW, run.shipped());
      both.put(PROTOCOL_ROW, run.protocol());
      HeldOutSentimentEvaluation.SetResult tune = eval.evaluate(
          "Tuning split (the choices were made here; never trained on by the protocol model)", splits.tune(),
          protocol, true);
      HeldOutSentimentEvaluation.SetResult test = withPeers(eval.evaluate(SentimentSplits.TEST, splits.test(),
          protocol, false), peers);
      List<HeldOutSentimentEvaluation.SetResult> others = new ArrayList<>();
      others.add(withPeers(eval.evaluate(testLong, evaluated.get(testLong), protocol, false), peers));
      for (Map.Entry<String, List<LabelledText>> e : splits.reported().entrySet()) {
        others.add(withPeers(eval.evaluate(e.getKey(), e.getValue(), both, false), peers));
      }
      results = new SentimentReport.Results(tune, test, others, peers, peersSkipped);
    }
    SentimentReport.write(reportFile, run, results);
    System.out.println(SentimentReport.target(results));
    System.out.println("report written to " + reportFile);
    return 0;
  }

  private static void evaluated(SentimentSplits splits, String testLong, Map<String, List<LabelledText>> evaluated) {
    evaluated.put(SentimentSplits.TEST, splits.test());
    evaluated.put(testLong, HeldOutSentimentEvaluation.longTexts(splits.test()));
    evaluated.putAll(splits.reported());
  }

  /** The set's rows with each peer's after ours and before stock CoreNLP's. */
  static HeldOutSentimentEvaluation.SetResult withPeers(HeldOutSentimentEvaluation.SetResult r,
      List<SklearnPeers.Peer> peers) {
    Map<String, Evaluation> rows = new LinkedHashMap<>();
    r.rows().forEach((name, ev) -> {
      if (!name.startsWith(HeldOutSentimentEvaluation.STOCK_ROW)) {
        rows.put(name, ev);
      }
    });
    for (SklearnPeers.Peer p : peers) {
      Evaluation ev = p.sets().get(r.set());
      if (ev != null) {
        rows.put("Peer: " + p.name() + " (scikit-learn)", ev);
      }
    }
    r.rows().forEach((name, ev) -> {
      if (name.startsWith(HeldOutSentimentEvaluation.STOCK_ROW)) {
        rows.put(name, ev);
      }
    });
    return new HeldOutSentimentEvaluation.SetResult(r.set(), rows, r.details());
  }
}
