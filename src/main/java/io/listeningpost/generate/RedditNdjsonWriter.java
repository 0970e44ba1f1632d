package io.listeningpost.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.listeningpost.generate.RecordFates.Fate;
import io.listeningpost.generate.SyntheticCorpus.Community;
import io.listeningpost.generate.SyntheticCorpus.Item;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reddit posts and comments as Pushshift NDJSON, one object per line, in files of 100,000 lines. */
final class RedditNdjsonWriter implements PlatformExport {
  private static final int LINES_PER_FILE = 100_000;
  private static final JsonFactory JSON = new JsonFactory();

  private final SyntheticCorpus corpus;
  private final RecordFates fates;

  RedditNdjsonWriter(SyntheticCorpus corpus, RecordFates fates) {
    this.corpus = corpus;
    this.fates = fates;
  }

  @Override
  public void write(Path dir, List<Item> mine, List<Item> all) throws IOException {
    Files.createDirectories(dir);
    List<String> later = new ArrayList<>();
    int file = 0;
    int lines = 0;
    Writer w = ExportFiles.open(dir.resolve(String.format("RC_%04d.ndjson", file)));
    for (Item it : mine) {
      Fate fate = fates.next();
      String line = json(it, all, null);
      if (fate == Fate.BROKEN) {
        line = line.substring(0, line.length() / 2);
        fates.countBroken();
      } else if (fate == Fate.REPEATED) {
        later.add(line);
        fates.countRepeated(1);
      } else if (fate == Fate.REPEATED_EDITED) {
        later.add(json(it, all, it.created().plusSeconds(3600)));
        fates.countRepeated(1);
        fates.countEdited();
      }
      w.write(line);
      w.write('\n');
      if (++lines == LINES_PER_FILE) {
        w.close();
        w = ExportFiles.open(dir.resolve(String.format("RC_%04d.ndjson", ++file)));
        lines = 0;
      }
    }
    for (String l : later) {
      w.write(l);
      w.write('\n');
    }
    w.close();
  }

  private String json(Item it, List<Item> all, Instant edited) throws IOException {
    Community com = SyntheticCorpus.COMMUNITIES.get(it.community());
    StringBuilderWriter sw = new StringBuilderWriter();
    try (JsonGenerator g = JSON.createGenerator(sw)) {
      g.writeStartObject();
      String id = Integer.toString(it.id(), 36);
      g.writeStringField("id", id);
      g.writeStringField("subreddit", com.name());
      g.writeStringField("author", it.author() % 97 == 0 ? "[deleted]" : corpus.authorName(it.author()));
      g.writeNumberField("created_utc", it.created().getEpochSecond());
      g.writeNumberField("score", it.score());
      if (edited != null) {
        g.writeNumberField("edited", edited.getEpochSecond());
      } else {
        g.writeBooleanField("edited", false);
      }
      String text = edited != null ? it.text() + " EDIT: thanks for all the replies &amp; advice!" : it.text();
      if (it.parent() < 0) {
        g.writeStringField("title", it.title());
        g.writeStringField("selftext", "**" + text.substring(0, Math.min(12, text.length())) + "**"
            + text.substring(Math.min(12, text.length())));
        g.writeNumberField("num_comments", 0);
        g.writeStringField("permalink", "/r/" + com.name() + "/comments/" + id + "/");
      } else {
        Item parent = all.get(it.parent());
        g.writeStringField("body", text);
        g.writeStringField("parent_id", (parent.parent() < 0 ? "t3_" : "t1_") + Integer.toString(parent.id(), 36));
        g.writeStringField("link_id", "t3_" + Integer.toString(it.root(), 36));
        g.writeStringField("permalink", "/r/" + com.name() + "/comments/" + Integer.toString(it.root(), 36) + "/_/" + id + "/");
      }
      g.writeEndObject();
    }
    return sw.toString();
  }
}
