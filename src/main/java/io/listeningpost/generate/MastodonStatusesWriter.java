package io.listeningpost.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.listeningpost.generate.RecordFates.Fate;
import io.listeningpost.generate.SyntheticCorpus.Community;
import io.listeningpost.generate.SyntheticCorpus.Item;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Mastodon statuses as the API returns them: JSON arrays, 20,000 statuses per file. Only edits are
 * repeated (right after the original, as a timeline export would show them); plain repeats are not.
 */
final class MastodonStatusesWriter implements PlatformExport {
  private static final int STATUSES_PER_FILE = 20_000;
  private static final long ID_BASE = 110_000_000_000_000_000L;
  private static final JsonFactory JSON = new JsonFactory();

  private final SyntheticCorpus corpus;
  private final RecordFates fates;

  MastodonStatusesWriter(SyntheticCorpus corpus, RecordFates fates) {
    this.corpus = corpus;
    this.fates = fates;
  }

  @Override
  public void write(Path dir, List<Item> mine, List<Item> all) throws IOException {
    Files.createDirectories(dir);
    for (int f = 0; f * STATUSES_PER_FILE < mine.size(); f++) {
      Path file = dir.resolve(String.format("statuses_%04d.json", f));
      try (JsonGenerator g = JSON.createGenerator(Files.newOutputStream(file), JsonEncoding.UTF8)) {
        g.writeStartArray();
        for (Item it : mine.subList(f * STATUSES_PER_FILE, Math.min(mine.size(), (f + 1) * STATUSES_PER_FILE))) {
          Fate fate = fates.next();
          status(g, it, all, fate == Fate.BROKEN, null);
          if (fate == Fate.BROKEN) {
            fates.countBroken();
          } else if (fate == Fate.REPEATED_EDITED) {
            status(g, it, all, false, it.created().plusSeconds(1800));
            fates.countRepeated(1);
            fates.countEdited();
          }
        }
        g.writeEndArray();
      }
    }
  }

  private void status(JsonGenerator g, Item it, List<Item> all, boolean broken, Instant edited) throws IOException {
    Community com = SyntheticCorpus.COMMUNITIES.get(it.community());
    g.writeStartObject();
    g.writeStringField("id", Long.toString(ID_BASE + it.id()));
    if (!broken) {
      g.writeStringField("created_at", it.created().toString());
    }
    if (edited != null) {
      g.writeStringField("edited_at", edited.toString());
    }
    if (it.parent() >= 0) {
      g.writeStringField("in_reply_to_id", Long.toString(ID_BASE + it.parent()));
      g.writeStringField("in_reply_to_account_id", Integer.toString(all.get(it.parent()).author()));
    } else {
      g.writeNullField("in_reply_to_id");
    }
    g.writeStringField("language", "en");
    g.writeStringField("url", "https://" + com.name() + "/@" + corpus.authorName(it.author()) + "/" + it.id());
    g.writeStringField("content", "<p>" + (edited != null ? "(edited) " : "") + it.text().replace("&", "&amp;")
        .replace("<", "&lt;") + "</p>");
    g.writeNumberField("replies_count", 0);
    g.writeNumberField("reblogs_count", it.score() / 20);
    g.writeNumberField("favourites_count", Math.max(0, it.score()));
    g.writeObjectFieldStart("account");
    g.writeStringField("id", Integer.toString(it.author()));
    g.writeStringField("acct", corpus.authorName(it.author()) + "@" + com.name());
    g.writeNumberField("followers_count", 100_000L / (it.author() + 5));
    g.writeEndObject();
    g.writeArrayFieldStart("mentions");
    for (int m : it.mentions()) {
      g.writeStartObject();
      g.writeStringField("id", Integer.toString(m));
      g.writeStringField("acct", corpus.authorName(m));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("tags");
    for (String h : it.hashtags()) {
      g.writeStartObject();
      g.writeStringField("name", h);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNullField("reblog");
    g.writeEndObject();
  }
}
