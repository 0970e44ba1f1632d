package io.listeningpost.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.listeningpost.generate.RecordFates.Fate;
import io.listeningpost.generate.SyntheticCorpus.Item;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tweets as X/Twitter API v2 search responses, one page of 20 tweets with its {@code includes.users}
 * per line. Fates apply to whole pages: a broken page loses its first tweet's creation time.
 */
final class TwitterSearchWriter implements PlatformExport {
  private static final int PAGE = 20;
  private static final int PAGES_PER_FILE = 100_000 / PAGE;
  private static final long ID_BASE = 1_600_000_000_000_000_000L;
  private static final JsonFactory JSON = new JsonFactory();

  private final SyntheticCorpus corpus;
  private final RecordFates fates;

  TwitterSearchWriter(SyntheticCorpus corpus, RecordFates fates) {
    this.corpus = corpus;
    this.fates = fates;
  }

  @Override
  public void write(Path dir, List<Item> mine, List<Item> all) throws IOException {
    Files.createDirectories(dir);
    int file = 0;
    int lines = 0;
    Writer w = ExportFiles.open(dir.resolve(String.format("search_%04d.jsonl", file)));
    List<String> later = new ArrayList<>();
    for (int i = 0; i < mine.size(); i += PAGE) {
      List<Item> page = mine.subList(i, Math.min(mine.size(), i + PAGE));
      Fate fate = fates.next();
      String line = page(page, all, fate == Fate.BROKEN);
      if (fate == Fate.BROKEN) {
        fates.countBroken();
      } else if (fate == Fate.REPEATED || fate == Fate.REPEATED_EDITED) {
        later.add(line);
        fates.countRepeated(page.size());
      }
      w.write(line);
      w.write('\n');
      if (++lines == PAGES_PER_FILE) {
        w.close();
        w = ExportFiles.open(dir.resolve(String.format("search_%04d.jsonl", ++file)));
        lines = 0;
      }
    }
    for (String l : later) {
      w.write(l);
      w.write('\n');
    }
    w.close();
  }

  private String page(List<Item> page, List<Item> all, boolean broken) throws IOException {
    StringBuilderWriter sw = new StringBuilderWriter();
    try (JsonGenerator g = JSON.createGenerator(sw)) {
      g.writeStartObject();
      g.writeArrayFieldStart("data");
      for (Item it : page) {
        g.writeStartObject();
        g.writeStringField("id", Long.toString(ID_BASE + it.id()));
        g.writeStringField("text", it.title() != null ? it.title() + " " + it.text() : it.text());
        g.writeStringField("author_id", Integer.toString(it.author()));
        if (!broken || it != page.get(0)) {
          g.writeStringField("created_at", it.created().toString());
        }
        g.writeStringField("conversation_id", Long.toString(ID_BASE + it.root()));
        g.writeStringField("lang", "en");
        if (it.parent() >= 0) {
          g.writeArrayFieldStart("referenced_tweets");
          g.writeStartObject();
          g.writeStringField("type", "replied_to");
          g.writeStringField("id", Long.toString(ID_BASE + it.parent()));
          g.writeEndObject();
          g.writeEndArray();
          g.writeStringField("in_reply_to_user_id", Integer.toString(all.get(it.parent()).author()));
        }
        g.writeObjectFieldStart("public_metrics");
        g.writeNumberField("like_count", Math.max(0, it.score()));
        g.writeNumberField("retweet_count", it.score() / 10);
        g.writeNumberField("reply_count", 0);
        g.writeNumberField("quote_count", 0);
        g.writeEndObject();
        g.writeObjectFieldStart("entities");
        g.writeArrayFieldStart("mentions");
        for (int m : it.mentions()) {
          g.writeStartObject();
          g.writeStringField("username", corpus.authorName(m));
          g.writeStringField("id", Integer.toString(m));
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("hashtags");
        for (String h : it.hashtags()) {
          g.writeStartObject();
          g.writeStringField("tag", h);
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("includes");
      g.writeArrayFieldStart("users");
      for (int a : page.stream().map(Item::author).distinct().toList()) {
        g.writeStartObject();
        g.writeStringField("id", Integer.toString(a));
        g.writeStringField("username", corpus.authorName(a));
        g.writeObjectFieldStart("public_metrics");
        g.writeNumberField("followers_count", 1_000_000L / (a + 10));
        g.writeNumberField("following_count", 50 + a % 300);
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
    }
    return sw.toString();
  }
}
