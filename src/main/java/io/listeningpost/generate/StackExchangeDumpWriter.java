package io.listeningpost.generate;

import static io.listeningpost.generate.ExportFiles.xml;

import io.listeningpost.generate.RecordFates.Fate;
import io.listeningpost.generate.SyntheticCorpus.Item;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A Stack Exchange data dump per site: Posts.xml (questions are thread roots, answers their direct
 * replies), Comments.xml (deeper replies, attached to the answer or question above them) and Users.xml.
 * A broken record loses its owner and creation date. Nothing is repeated.
 */
final class StackExchangeDumpWriter implements PlatformExport {
  private static final DateTimeFormatter SE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final String XML_HEAD = "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

  private final SyntheticCorpus corpus;
  private final RecordFates fates;

  StackExchangeDumpWriter(SyntheticCorpus corpus, RecordFates fates) {
    this.corpus = corpus;
    this.fates = fates;
  }

  @Override
  public void write(Path dir, List<Item> mine, List<Item> all) throws IOException {
    Map<Integer, List<Item>> bySite = new TreeMap<>();
    for (Item it : mine) {
      bySite.computeIfAbsent(it.community(), k -> new ArrayList<>()).add(it);
    }
    for (Map.Entry<Integer, List<Item>> site : bySite.entrySet()) {
      Path siteDir = dir.resolve(SyntheticCorpus.COMMUNITIES.get(site.getKey()).name());
      Files.createDirectories(siteDir);
      Set<Integer> users = postsAndComments(siteDir, site.getValue(), all);
      users(siteDir, users);
    }
  }

  /** Writes Posts.xml and Comments.xml; returns the authors seen. */
  private Set<Integer> postsAndComments(Path siteDir, List<Item> items, List<Item> all) throws IOException {
    Set<Integer> users = new TreeSet<>();
    try (Writer posts = ExportFiles.open(siteDir.resolve("Posts.xml"));
        Writer comments = ExportFiles.open(siteDir.resolve("Comments.xml"))) {
      posts.write(XML_HEAD + "<posts>\n");
      comments.write(XML_HEAD + "<comments>\n");
      for (Item it : items) {
        users.add(it.author());
        boolean broken = fates.next() == Fate.BROKEN;
        String owner = broken ? "" : " OwnerUserId=\"" + (it.author() + 1) + "\"";
        String created = broken ? "" : " CreationDate=\"" + SE_TIME.format(it.created()) + "\"";
        if (broken) {
          fates.countBroken();
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
              + (broken ? "" : " UserId=\"" + (it.author() + 1) + "\"") + " />\n");
        }
      }
      posts.write("</posts>\n");
      comments.write("</comments>\n");
    }
    return users;
  }

  private void users(Path siteDir, Set<Integer> users) throws IOException {
    try (Writer w = ExportFiles.open(siteDir.resolve("Users.xml"))) {
      w.write(XML_HEAD + "<users>\n");
      for (int u : users) {
        w.write("  <row Id=\"" + (u + 1) + "\" Reputation=\"" + (1 + 200_000 / (u + 10)) + "\" CreationDate=\""
            + SE_TIME.format(Instant.parse("2020-01-01T00:00:00Z").plusSeconds(u * 3600L)) + "\" DisplayName=\""
            + xml(corpus.authorName(u)) + "\" />\n");
      }
      w.write("</users>\n");
    }
  }

  /** How far below its thread root an item is, capped at 3: 0 question, 1 answer, 2+ comment. */
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
}
