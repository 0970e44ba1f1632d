package io.listeningpost.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.listeningpost.generate.SyntheticCorpus.Community;
import io.listeningpost.generate.SyntheticCorpus.Item;
import io.listeningpost.generate.SyntheticCorpus.Platform;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Writes a {@link SyntheticCorpus} in every supported export format, and {@code generated.conf}, a job
 * configuration that reads it. About 1 in 200 posts is written again in a later file (half of those
 * edited), and about 1 in 1,000 records is broken on purpose; the summary says how many of each.
 */
public final class SyntheticWriter {
  private static final int LINES_PER_FILE = 100_000;
  private static final JsonFactory JSON = new JsonFactory();
  private static final DateTimeFormatter SE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private final SyntheticCorpus corpus;
  private final int posts;
  private final SplittableRandom random;

  public SyntheticWriter(long seed, int posts, Instant start, int days) {
    this.corpus = new SyntheticCorpus(seed, posts, start, days);
    this.posts = posts;
    this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
  }

  /** What was written: posts per platform, repeats, edits and broken records. */
  public record Summary(Path out, Map<Platform, Integer> perPlatform, int repeated, int edited, int broken) {
    public String describe() {
      return "Wrote " + perPlatform.values().stream().mapToInt(Integer::intValue).sum() + " posts to " + out
          + " " + perPlatform + "; " + repeated + " written twice (" + edited + " of them edited), " + broken
          + " broken records.\nIngest them with: jobs/listening-post ingest --config " + out.resolve("generated.conf");
    }
  }

  public Summary write(Path out) throws IOException {
    if (Files.exists(out)) {
      try (Stream<Path> walk = Files.walk(out)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(out);
    List<Item> items = corpus.generate(posts);
    Map<Platform, List<Item>> byPlatform = new EnumMap<>(Platform.class);
    for (Item it : items) {
      Platform p = SyntheticCorpus.COMMUNITIES.get(it.community()).platform();
      byPlatform.computeIfAbsent(p, k -> new ArrayList<>()).add(it);
    }
    Counters c = new Counters();
    for (Map.Entry<Platform, List<Item>> e : byPlatform.entrySet()) {
      switch (e.getKey()) {
        case REDDIT -> reddit(out.resolve("reddit"), e.getValue(), items, c);
        case TWITTER -> twitter(out.resolve("twitter"), e.getValue(), items, c);
        case MASTODON -> mastodon(out.resolve("mastodon"), e.getValue(), items, c);
        case STACKEXCHANGE -> stackexchange(out.resolve("stackexchange"), e.getValue(), items, c);
        case FEED -> feed(out.resolve("feed"), e.getValue(), items, c);
        case CSV -> csv(out.resolve("csv"), e.getValue(), items, c);
        default -> throw new IllegalStateException();
      }
    }
    Files.writeString(out.resolve("generated.conf"), """
        # Reads the synthetic corpus written by `listening-post generate`.
        sources = [
          { format = reddit, path = "reddit" }
          { format = twitter, path = "twitter", community = "twitter-hr" }
          { format = mastodon, path = "mastodon" }
          { format = stackexchange, path = "stackexchange" }
          { format = feed, path = "feed" }
          { format = csv, path = "csv", platform = forum, time-format = epoch-seconds
            mapping { post_id = id, parent_id = reply_to, author_id = user, text = message, created_at = ts,
                      community = board, score = likes, edited_at = edited } }
        ]
        """);
    Map<Platform, Integer> counts = new EnumMap<>(Platform.class);
    byPlatform.forEach((k, v) -> counts.put(k, v.size()));
    return new Summary(out, counts, c.repeated, c.edited, c.broken);
  }

  private static final class Counters {
    int repeated;
    int edited;
    int broken;
  }

  /** Decides per record: 0 plain, 1 repeated later, 2 repeated later with an edit, 3 broken. */
  private int fate() {
    int r = random.nextInt(1000);
    return r == 0 ? 3 : r < 3 ? 1 : r < 5 ? 2 : 0;
  }

  private String name(int author) {
    return corpus.authorName(author);
  }

  // ---------------------------------------------------------------- Reddit: Pushshift NDJSON

  private void reddit(Path dir, List<Item> mine, List<Item> all, Counters c) throws IOException {
    Files.createDirectories(dir);
    List<String> later = new ArrayList<>();
    int file = 0;
    int lines = 0;
    Writer w = open(dir.resolve(String.format("RC_%04d.ndjson", file)));
    for (Item it : mine) {
      int fate = fate();
      String line = redditJson(it, all, null);
      if (fate == 3) {
        line = line.substring(0, line.length() / 2);
        c.broken++;
      } else if (fate == 1) {
        later.add(line);
        c.repeated++;
      } else if (fate == 2) {
        later.add(redditJson(it, all, it.created().plusSeconds(3600)));
        c.repeated++;
        c.edited++;
      }
      w.write(line);
      w.write('\n');
      if (++lines == LINES_PER_FILE) {
        w.close();
        w = open(dir.resolve(String.format("RC_%04d.ndjson", ++file)));
        lines = 0;
      }
    }
    for (String l : later) {
      w.write(l);
      w.write('\n');
    }
    w.close();
  }

  private String redditJson(Item it, List<Item> all, Instant edited) throws IOException {
    Community com = SyntheticCorpus.COMMUNITIES.get(it.community());
    StringBuilderWriter sw = new StringBuilderWriter();
    try (JsonGenerator g = JSON.createGenerator(sw)) {
      g.writeStartObject();
      String id = Integer.toString(it.id(), 36);
      g.writeStringField("id", id);
      g.writeStringField("subreddit", com.name());
      g.writeStringField("author", it.author() % 97 == 0 ? "[deleted]" : name(it.author()));
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

  // ---------------------------------------------------------------- X/Twitter API v2, one response per line

  private void twitter(Path dir, List<Item> mine, List<Item> all, Counters c) throws IOException {
    Files.createDirectories(dir);
    int file = 0;
    int lines = 0;
    Writer w = open(dir.resolve(String.format("search_%04d.jsonl", file)));
    List<String> later = new ArrayList<>();
    for (int i = 0; i < mine.size(); i += 20) {
      List<Item> page = mine.subList(i, Math.min(mine.size(), i + 20));
      int fate = fate();
      String line = twitterPage(page, all, fate == 3);
      if (fate == 3) {
        c.broken++;
      } else if (fate == 1 || fate == 2) {
        later.add(line);
        c.repeated += page.size();
      }
      w.write(line);
      w.write('\n');
      if (++lines == LINES_PER_FILE / 20) {
        w.close();
        w = open(dir.resolve(String.format("search_%04d.jsonl", ++file)));
        lines = 0;
      }
    }
    for (String l : later) {
      w.write(l);
      w.write('\n');
    }
    w.close();
  }

  private String twitterPage(List<Item> page, List<Item> all, boolean broken) throws IOException {
    StringBuilderWriter sw = new StringBuilderWriter();
    try (JsonGenerator g = JSON.createGenerator(sw)) {
      g.writeStartObject();
      g.writeArrayFieldStart("data");
      for (Item it : page) {
        g.writeStartObject();
        String id = Long.toString(1_600_000_000_000_000_000L + it.id());
        g.writeStringField("id", id);
        g.writeStringField("text", it.title() != null ? it.title() + " " + it.text() : it.text());
        g.writeStringField("author_id", Integer.toString(it.author()));
        if (!broken || it != page.get(0)) {
          g.writeStringField("created_at", it.created().toString());
        }
        g.writeStringField("conversation_id", Long.toString(1_600_000_000_000_000_000L + it.root()));
        g.writeStringField("lang", "en");
        if (it.parent() >= 0) {
          g.writeArrayFieldStart("referenced_tweets");
          g.writeStartObject();
          g.writeStringField("type", "replied_to");
          g.writeStringField("id", Long.toString(1_600_000_000_000_000_000L + it.parent()));
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
          g.writeStringField("username", name(m));
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
        g.writeStringField("username", name(a));
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

  // ---------------------------------------------------------------- Mastodon: JSON arrays of statuses

  private void mastodon(Path dir, List<Item> mine, List<Item> all, Counters c) throws IOException {
    Files.createDirectories(dir);
    int perFile = 20_000;
    for (int f = 0; f * perFile < mine.size(); f++) {
      try (JsonGenerator g = JSON.createGenerator(Files.newOutputStream(dir.resolve(String.format("statuses_%04d.json", f))),
          JsonEncoding.UTF8)) {
        g.writeStartArray();
        for (Item it : mine.subList(f * perFile, Math.min(mine.size(), (f + 1) * perFile))) {
          int fate = fate();
          mastodonStatus(g, it, all, fate == 3, null);
          if (fate == 3) {
            c.broken++;
          } else if (fate == 2) {
            mastodonStatus(g, it, all, false, it.created().plusSeconds(1800));
            c.repeated++;
            c.edited++;
          }
        }
        g.writeEndArray();
      }
    }
  }

  private void mastodonStatus(JsonGenerator g, Item it, List<Item> all, boolean broken, Instant edited)
      throws IOException {
    Community com = SyntheticCorpus.COMMUNITIES.get(it.community());
    g.writeStartObject();
    g.writeStringField("id", Long.toString(110_000_000_000_000_000L + it.id()));
    if (!broken) {
      g.writeStringField("created_at", it.created().toString());
    }
    if (edited != null) {
      g.writeStringField("edited_at", edited.toString());
    }
    if (it.parent() >= 0) {
      g.writeStringField("in_reply_to_id", Long.toString(110_000_000_000_000_000L + it.parent()));
      g.writeStringField("in_reply_to_account_id", Integer.toString(all.get(it.parent()).author()));
    } else {
      g.writeNullField("in_reply_to_id");
    }
    g.writeStringField("language", "en");
    g.writeStringField("url", "https://" + com.name() + "/@" + name(it.author()) + "/" + it.id());
    g.writeStringField("content", "<p>" + (edited != null ? "(edited) " : "") + it.text().replace("&", "&amp;")
        .replace("<", "&lt;") + "</p>");
    g.writeNumberField("replies_count", 0);
    g.writeNumberField("reblogs_count", it.score() / 20);
    g.writeNumberField("favourites_count", Math.max(0, it.score()));
    g.writeObjectFieldStart("account");
    g.writeStringField("id", Integer.toString(it.author()));
    g.writeStringField("acct", name(it.author()) + "@" + com.name());
    g.writeNumberField("followers_count", 100_000L / (it.author() + 5));
    g.writeEndObject();
    g.writeArrayFieldStart("mentions");
    for (int m : it.mentions()) {
      g.writeStartObject();
      g.writeStringField("id", Integer.toString(m));
      g.writeStringField("acct", name(m));
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

  // ---------------------------------------------------------------- Stack Exchange dump per site

  private void stackexchange(Path dir, List<Item> mine, List<Item> all, Counters c) throws IOException {
    Map<Integer, List<Item>> bySite = new java.util.TreeMap<>();
    for (Item it : mine) {
      bySite.computeIfAbsent(it.community(), k -> new ArrayList<>()).add(it);
    }
    for (Map.Entry<Integer, List<Item>> site : bySite.entrySet()) {
      Path siteDir = dir.resolve(SyntheticCorpus.COMMUNITIES.get(site.getKey()).name());
      Files.createDirectories(siteDir);
      java.util.Set<Integer> users = new java.util.TreeSet<>();
      try (Writer posts = open(siteDir.resolve("Posts.xml")); Writer comments = open(siteDir.resolve("Comments.xml"))) {
        posts.write("\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<posts>\n");
        comments.write("\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<comments>\n");
        for (Item it : site.getValue()) {
          users.add(it.author());
          int fate = fate();
          String owner = fate == 3 ? "" : " OwnerUserId=\"" + (it.author() + 1) + "\"";
          String created = fate == 3 ? "" : " CreationDate=\"" + SE_TIME.format(it.created()) + "\"";
          if (fate == 3) {
            c.broken++;
          }
          int depth = depth(it, all);
          if (depth == 0) {
            posts.write("  <row Id=\"" + (it.id() + 1) + "\" PostTypeId=\"1\"" + created + " Score=\"" + it.score()
                + "\" Body=\"" + xml("<p>" + it.text() + "</p>") + "\"" + owner + " Title=\"" + xml(it.title())
                + "\" Tags=\"" + xml(tags(it)) + "\" AnswerCount=\"0\" CommentCount=\"0\" />\n");
          } else if (depth == 1) {
            posts.write("  <row Id=\"" + (it.id() + 1) + "\" PostTypeId=\"2\" ParentId=\"" + (it.parent() + 1) + "\""
                + created + " Score=\"" + it.score() + "\" Body=\"" + xml("<p>" + it.text() + "</p>") + "\"" + owner
                + " CommentCount=\"0\" />\n");
          } else {
            int target = depth == 2 ? it.parent() : all.get(it.parent()).parent();
            while (depth(all.get(target), all) > 1) {
              target = all.get(target).parent();
            }
            comments.write("  <row Id=\"" + (it.id() + 1) + "\" PostId=\"" + (target + 1) + "\" Score=\""
                + Math.max(0, it.score()) + "\" Text=\"" + xml(it.text()) + "\"" + created
                + (fate == 3 ? "" : " UserId=\"" + (it.author() + 1) + "\"") + " />\n");
          }
        }
        posts.write("</posts>\n");
        comments.write("</comments>\n");
      }
      try (Writer w = open(siteDir.resolve("Users.xml"))) {
        w.write("\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<users>\n");
        for (int u : users) {
          w.write("  <row Id=\"" + (u + 1) + "\" Reputation=\"" + (1 + 200_000 / (u + 10)) + "\" CreationDate=\""
              + SE_TIME.format(Instant.parse("2020-01-01T00:00:00Z").plusSeconds(u * 3600L)) + "\" DisplayName=\""
              + xml(name(u)) + "\" />\n");
        }
        w.write("</users>\n");
      }
    }
  }

  private static int depth(Item it, List<Item> all) {
    int d = 0;
    for (Item p = it; p.parent() >= 0 && d < 3; p = all.get(p.parent())) {
      d++;
    }
    return d;
  }

  private static String tags(Item it) {
    StringBuilder sb = new StringBuilder();
    for (String h : it.hashtags()) {
      sb.append('<').append(h).append('>');
    }
    return sb.length() == 0 ? "<discussion>" : sb.toString();
  }

  // ---------------------------------------------------------------- Blogs: RSS posts and WordPress comment feeds

  private void feed(Path dir, List<Item> mine, List<Item> all, Counters c) throws IOException {
    Files.createDirectories(dir);
    Map<Integer, List<Item>> byCommunity = new java.util.TreeMap<>();
    for (Item it : mine) {
      byCommunity.computeIfAbsent(it.community(), k -> new ArrayList<>()).add(it);
    }
    for (Map.Entry<Integer, List<Item>> e : byCommunity.entrySet()) {
      String host = SyntheticCorpus.COMMUNITIES.get(e.getKey()).name();
      try (Writer posts = open(dir.resolve(host + "-posts.xml")); Writer comments = open(dir.resolve(host + "-comments.xml"))) {
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
            + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
            + "<channel>\n<link>https://" + host + "/</link>\n<language>en-US</language>\n";
        posts.write(head + "<title>Acme Careers Blog</title>\n");
        comments.write(head + "<title>Comments for Acme Careers Blog</title>\n");
        for (Item it : e.getValue()) {
          int fate = fate();
          String pub = fate == 3 ? "not a date" : DateTimeFormatter.RFC_1123_DATE_TIME.format(it.created().atOffset(ZoneOffset.UTC));
          if (fate == 3) {
            c.broken++;
          }
          if (it.parent() < 0) {
            posts.write("<item><title>" + xml(it.title()) + "</title><link>https://" + host + "/p/" + it.id()
                + "/</link><dc:creator>" + xml(name(it.author())) + "</dc:creator><pubDate>" + pub + "</pubDate>"
                + "<category>careers</category><content:encoded><![CDATA[<p>" + it.text() + "</p>]]></content:encoded></item>\n");
          } else {
            comments.write("<item><title>Comment on post by " + xml(name(it.author())) + "</title><link>https://" + host
                + "/p/" + it.root() + "/#comment-" + it.id() + "</link><dc:creator>" + xml(name(it.author()))
                + "</dc:creator><pubDate>" + pub + "</pubDate><description>" + xml(it.text()) + "</description></item>\n");
          }
        }
        posts.write("</channel>\n</rss>\n");
        comments.write("</channel>\n</rss>\n");
      }
    }
  }

  // ---------------------------------------------------------------- A forum's CSV export

  private void csv(Path dir, List<Item> mine, List<Item> all, Counters c) throws IOException {
    Files.createDirectories(dir);
    try (Writer w = open(dir.resolve("forum_export.csv"))) {
      w.write("id,reply_to,user,board,ts,likes,edited,message\n");
      List<String> later = new ArrayList<>();
      for (Item it : mine) {
        int fate = fate();
        String row = csvRow(it, null);
        if (fate == 3) {
          row = "n" + it.id() + ",,broken row without enough fields";
          c.broken++;
        } else if (fate == 1) {
          later.add(row);
          c.repeated++;
        } else if (fate == 2) {
          later.add(csvRow(it, it.created().plusSeconds(600)));
          c.repeated++;
          c.edited++;
        }
        w.write(row);
        w.write('\n');
      }
      for (String l : later) {
        w.write(l);
        w.write('\n');
      }
    }
  }

  private String csvRow(Item it, Instant edited) {
    String text = (edited != null ? "[edited] " : "") + it.text();
    return "n" + it.id() + "," + (it.parent() < 0 ? "" : "n" + it.parent()) + "," + name(it.author()) + ","
        + SyntheticCorpus.COMMUNITIES.get(it.community()).name() + "," + it.created().getEpochSecond() + ","
        + Math.max(0, it.score()) + "," + (edited == null ? "" : edited.getEpochSecond()) + ",\""
        + text.replace("\"", "\"\"") + "\"";
  }

  private static String xml(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static Writer open(Path p) throws IOException {
    OutputStream out = Files.newOutputStream(p);
    return new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }

  /** A Writer over a StringBuilder that, unlike StringWriter, is not synchronized. */
  private static final class StringBuilderWriter extends Writer {
    private final StringBuilder sb = new StringBuilder(512);

    @Override
    public void write(char[] cbuf, int off, int len) {
      sb.append(cbuf, off, len);
    }

    @Override
    public void flush() { }

    @Override
    public void close() { }

    @Override
    public String toString() {
      return sb.toString();
    }
  }
}
