package io.listeningpost.enrich.sentiment;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One rebuild of the social sentiment model from the shared datasets: the protocol model (trained on the
 * train split, offsets tuned on the tune split, scored on the test), and the shipped model, trained on
 * everything with the same settings and offsets.
 */
public record SentimentTrainingRun(SentimentSplits splits, SocialSentimentModel protocol, SocialSentimentModel shipped,
    SentimentSettings settings, Duration trainTime) {

  public static SentimentTrainingRun train(Path datasets, SentimentSettings settings) throws IOException {
    SentimentSplits splits = SentimentSplits.build(datasets);
    SentimentLexicon lexicon = lexicon(datasets, settings, splits);
    SentimentTrainer trainer = new SentimentTrainer(settings, splits.distant());
    SocialSentimentModel protocol = trainer.train(splits.train(), splits.tune(), lexicon);
    Instant t0 = Instant.now();
    SocialSentimentModel shipped = trainer.train(splits.everything(), protocol.offsets(), lexicon)
        .withMeta(Map.of("offsets.tuned.on", "the tuning split of the protocol model (" + splits.tune().size() + " texts)"));
    return new SentimentTrainingRun(splits, protocol, shipped, settings, Duration.between(t0, Instant.now()));
  }

  /** The four public lexicons, and the distant one learnt from the splits' Sentiment140 texts if the settings say so. */
  public static SentimentLexicon lexicon(Path datasets, SentimentSettings settings, SentimentSplits splits)
      throws IOException {
    SentimentLexicon lexicon = SentimentLexicon.load(datasets);
    return settings.distantLexicon() ? lexicon.withDistant(DistantLexicon.learn(splits.distant())) : lexicon;
  }

  public void writeModel(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      shipped.write(out);
    }
  }

  /** Seconds the shipped model took to train. */
  public double trainSeconds() {
    return trainTime.toMillis() / 1000.0;
  }
}
