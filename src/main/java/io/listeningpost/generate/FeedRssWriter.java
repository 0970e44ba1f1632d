package io.listeningpost.generate;

import static io.listeningpost.generate.ExportFiles.xml;

import io.listeningpost.generate.RecordFates.Fate;
import io.listeningpost.generate.SyntheticCorpus.Item;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A blog per community as RSS 2.0: {@code HOST-posts.xml} for posts and, as WordPress publishes them,
 * {@code HOST-comments.xml} for the comments. A broken item has a pubDate that is not a date. Nothing is
 * repeated.
 */
final class FeedRssWriter implements PlatformExport {
  private final SyntheticCorpus corpus;
  private final RecordFates fates;

  FeedRssWriter(SyntheticCorpus corpus, RecordFates fates) {
    this.corpus = corpus;
    this.fates = fates;
  }

  @Override
  public void write(Path dir, List<Item> mine, List<Item> all) throws IOException {
    Files.createDirectories(dir);
    Map<Integer, List<Item>> byCommunity = new TreeMap<>();
    for (Item it : mine) {
      byCommunity.computeIfAbsent(it.community(), k -> new ArrayList<>()).add(it);
    }
    for (Map.Entry<Integer, List<Item>> e : byCommunity.entrySet()) {
      String host = SyntheticCorpus.COMMUNITIES.get(e.getKey()).name();
      try (Writer posts = ExportFiles.open(dir.resolve(host + "-posts.xml"));
          Writer comments = ExportFiles.open(dir.resolve(host + "-comments.xml"))) {
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
            + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
            + "<channel>\n<link>https://" + host + "/</link>\n<language>en-US</language>\n";
        posts.write(head + "<title>Acme Careers Blog</title>\n");
        comments.write(head + "<title>Comments for Acme Careers Blog</title>\n");
        for (Item it : e.getValue()) {
          boolean broken = fates.next() == Fate.BROKEN;
          String pub = broken ? "not a date" : DateTimeFormatter.RFC_1123_DATE_TIME.format(it.created().atOffset(ZoneOffset.UTC));
          if (broken) {
            fates.countBroken();
          }
          String author = xml(corpus.authorName(it.author()));
          if (it.parent() < 0) {
            posts.write("<item><title>" + xml(it.title()) + "</title><link>https://" + host + "/p/" + it.id()
                + "/</link><dc:creator>" + author + "</dc:creator><pubDate>" + pub + "</pubDate>"
                + "<category>careers</category><content:encoded><![CDATA[<p>" + it.text() + "</p>]]></content:encoded></item>\n");
          } else {
            comments.write("<item><title>Comment on post by " + author + "</title><link>https://" + host
                + "/p/" + it.root() + "/#comment-" + it.id() + "</link><dc:creator>" + author
                + "</dc:creator><pubDate>" + pub + "</pubDate><description>" + xml(it.text()) + "</description></item>\n");
          }
        }
        posts.write("</channel>\n</rss>\n");
        comments.write("</channel>\n</rss>\n");
      }
    }
  }
}
