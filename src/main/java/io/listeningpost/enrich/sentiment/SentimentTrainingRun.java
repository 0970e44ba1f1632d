package io.listeningpost.enrich.sentiment;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * One rebuild of the social sentiment model from the shared datasets: what it was trained and tuned on,
 * the model, and how long training took, which the report quotes.
 */
public record SentimentTrainingRun(SocialSentimentModel model, SentimentTrainer.Splits splits, double sigma,
    Duration trainTime) {

  public static SentimentTrainingRun train(Path datasets, double sigma) throws IOException {
    Instant t0 = Instant.now();
    SentimentLexicon lexicon = SentimentLexicon.load(datasets);
    SentimentTrainer trainer = new SentimentTrainer(datasets, sigma);
    SentimentTrainer.Splits splits = trainer.splits();
    SocialSentimentModel model = trainer.train(splits, lexicon);
    return new SentimentTrainingRun(model, splits, sigma, Duration.between(t0, Instant.now()));
  }

  public void writeModel(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      model.write(out);
    }
  }

  public double trainSeconds() {
    return trainTime.toMillis() / 1000.0;
  }
}
