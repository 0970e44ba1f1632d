package io.listeningpost.audiences;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.listeningpost.testing.SharedData;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real posts from ../shared that the stream model learns from in the stream tests, as the stage would see them. */
final class StreamTrainingTexts {
  private StreamTrainingTexts() {}

  /** r/jobs submissions, financial news tweets and general tweets, as plain texts. */
  static List<String> load() throws Exception {
    List<String> texts = new ArrayList<>();
    CsvMapper csv = new CsvMapper();
    try (Reader in = Files.newBufferedReader(SharedData.dataset("reddit-jobs-posts/rjobs.csv"));
         MappingIterator<Map<String, String>> it = csv.readerFor(Map.class)
             .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
      while (it.hasNext()) {
        Map<String, String> r = it.next();
        texts.add(r.getOrDefault("title", "") + " " + r.getOrDefault("selftext", ""));
      }
    }
    try (Reader in = Files.newBufferedReader(SharedData.dataset("twitter-financial-news-sentiment/sent_train.csv"));
         MappingIterator<Map<String, String>> it = csv.readerFor(Map.class)
             .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
      while (it.hasNext()) {
        texts.add(it.next().get("text"));
      }
    }
    for (String f : List.of("positive.txt", "negative.txt")) {
      List<String> lines = Files.readAllLines(SharedData.dataset("sentiment140-sample-100k/" + f),
          StandardCharsets.ISO_8859_1);
      texts.addAll(lines.subList(0, Math.min(10_000, lines.size())));
    }
    return texts;
  }
}
