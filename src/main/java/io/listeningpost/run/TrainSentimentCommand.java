package io.listeningpost.run;

import io.listeningpost.enrich.sentiment.HeldOutSentimentEvaluation;
import io.listeningpost.enrich.sentiment.SentimentReport;
import io.listeningpost.enrich.sentiment.SentimentTrainingRun;
import io.listeningpost.enrich.sentiment.SocialSentimentModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train-sentiment", mixinStandardHelpOptions = true,
    description = {"Rebuild the shipped social sentiment model from ../shared/datasets and write its evaluation,",
        "side by side with stock CoreNLP, to docs/sentiment.md. Same data, same model file."})
final class TrainSentimentCommand implements Callable<Integer> {
  @Option(names = "--datasets", paramLabel = "DIR", description = "The shared datasets folder (default: ../shared/datasets beside the project).")
  Path datasets;

  @Option(names = "--model", paramLabel = "FILE", description = "Where the model is written (default: the shipped model in src/main/resources).")
  Path model;

  @Option(names = "--report", paramLabel = "FILE", description = "Evaluation report (default: docs/sentiment.md).")
  Path report;

  @Option(names = "--sigma", defaultValue = "0.25", description = "L2 prior sigma (default: ${DEFAULT-VALUE}, chosen on the tuning split).")
  double sigma;

  @Option(names = "--no-stock", description = "Skip the stock CoreNLP comparison (about 4 minutes on 2 cores).")
  boolean noStock;

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
    SentimentTrainingRun run = SentimentTrainingRun.train(ds, sigma);
    run.writeModel(modelFile);
    System.out.printf("trained on %,d texts in %.1f s; %,d features; model written to %s%n", run.splits().train().size(),
        run.trainSeconds(), run.model().featureCount(), modelFile);

    int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    List<HeldOutSentimentEvaluation.SetResult> results = new HeldOutSentimentEvaluation(run.model(), !noStock, n, System.out)
        .evaluate(HeldOutSentimentEvaluation.sets(ds, run.splits().tune()));
    SentimentReport.write(reportFile, run, results);
    System.out.println("report written to " + reportFile);
    return 0;
  }
}
