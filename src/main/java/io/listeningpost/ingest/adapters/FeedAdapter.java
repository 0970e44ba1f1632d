package io.listeningpost.ingest.adapters;

import io.listeningpost.core.Interaction;
import io.listeningpost.core.InteractionKind;
import io.listeningpost.core.Post;
import io.listeningpost.core.PostKind;
import io.listeningpost.core.config.TimeFormats;
import io.listeningpost.ingest.RecordSink;
import io.listeningpost.ingest.SourceAdapter;
import io.listeningpost.ingest.SourceContext;
import io.listeningpost.ingest.read.SplitReader;
import io.listeningpost.ingest.read.XmlCharFilterReader;
import io.listeningpost.ingest.text.MarkupText;
import java.io.Reader;
import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * RSS 2.0 and Atom feeds, streamed with StAX. A blog is a community (the configured one, else the
 * host of the feed's link); an article is a post and its comments are comments on it:
 * WordPress comment feeds link each comment as {@code <post-url>#comment-N}, Atom threading
 * (RFC 4685) names the parent in {@code thr:in-reply-to}.
 */
final class FeedAdapter implements SourceAdapter, SplitReader.StreamingDocuments {

  @Override
  public Layout layout(String fileName, String head) {
    return Layout.DOCUMENT;
  }

  @Override
  public void parseDocument(Reader in, SourceContext ctx, RecordSink sink) throws Exception {
    XMLStreamReader r = Xml.reader(new XmlCharFilterReader(in));
    try {
      String feedLink = null;
      String feedLang = null;
      int index = 0;
      boolean sawRoot = false;
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
          throw new IllegalArgumentException("entity reference &" + r.getLocalName() + "; is not allowed");
        }
        if (ev != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String name = r.getLocalName();
        if (!sawRoot) {
          sawRoot = true;
          if (!name.equals("rss") && !name.equals("feed") && !name.equals("RDF")) {
            throw new IllegalArgumentException("not an RSS or Atom feed: root element <" + name + ">");
          }
          feedLang = attr(r, "lang");
          continue;
        }
        switch (name) {
          case "link" -> {
            if (feedLink == null) {
              String href = attr(r, "href");
              String rel = attr(r, "rel");
              if (href != null && (rel == null || rel.equals("alternate"))) {
                feedLink = href;
              } else if (href == null) {
                feedLink = text(r).strip();
              }
            }
          }
          case "language" -> feedLang = text(r).strip();
          case "item", "entry" -> {
            int line = r.getLocation().getLineNumber();
            Item item = item(r, name);
            emit(item, "element " + index++ + " (line " + line + ")", feedLink, feedLang, ctx, sink);
          }
          default -> { }
        }
      }
    } finally {
      r.close();
    }
  }

  private static final class Item {
    String id;
    String link;
    String title;
    String author;
    String authorUri;
    String published;
    String updated;
    String html;
    String summary;
    String inReplyTo;
    String commentCount;
    String lang;
    final List<String> categories = new ArrayList<>();
  }

  private static Item item(XMLStreamReader r, String end) throws Exception {
    Item it = new Item();
    it.lang = attr(r, "lang");
    int depth = 1;
    while (r.hasNext() && depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
        continue;
      }
      if (ev != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String name = r.getLocalName();
      switch (name) {
        case "guid", "id" -> it.id = text(r).strip();
        case "title" -> it.title = text(r);
        case "link" -> {
          String href = attr(r, "href");
          String rel = attr(r, "rel");
          if (href == null) {
            it.link = text(r).strip();
          } else if (rel == null || rel.equals("alternate")) {
            it.link = href;
            skip(r);
          } else {
            skip(r);
          }
        }
        case "creator" -> it.author = text(r).strip();
        case "author" -> author(r, it);
        case "pubDate", "published", "date", "issued" -> it.published = text(r).strip();
        case "updated", "modified" -> it.updated = text(r).strip();
        case "encoded", "content" -> it.html = text(r);
        case "description", "summary" -> it.summary = text(r);
        case "category" -> {
          String term = attr(r, "term");
          String value = term != null ? term : text(r);
          if (term != null) {
            skip(r);
          }
          if (!value.isBlank()) {
            it.categories.add(value.strip().toLowerCase(Locale.ROOT));
          }
        }
        case "in-reply-to" -> {
          it.inReplyTo = attr(r, "href") != null ? attr(r, "href") : attr(r, "ref");
          skip(r);
        }
        case "comments", "total" -> {
          String v = text(r).strip();
          if (v.matches("\\d+")) {
            it.commentCount = v;
          }
        }
        default -> depth++;
      }
    }
    return it;
  }

  private static void author(XMLStreamReader r, Item it) throws Exception {
    // RSS <author> is text ("mail@x (Name)"), Atom <author> holds <name> and <uri>.
    StringBuilder plain = new StringBuilder();
    int depth = 1;
    while (r.hasNext() && depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String n = r.getLocalName();
        if (n.equals("name")) {
          it.author = text(r).strip();
        } else if (n.equals("uri")) {
          it.authorUri = text(r).strip();
        } else {
          depth++;
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
        plain.append(r.getText());
      }
    }
    if (it.author == null && !plain.toString().isBlank()) {
      String a = plain.toString().strip();
      int open = a.indexOf('(');
      it.author = open >= 0 && a.endsWith(")") ? a.substring(open + 1, a.length() - 1).strip() : a;
    }
  }

  private void emit(Item it, String position, String feedLink, String feedLang, SourceContext ctx, RecordSink sink) {
    String link = it.link;
    boolean wpComment = link != null && link.contains("#comment-");
    boolean comment = wpComment || it.inReplyTo != null;
    String parent = wpComment ? link.substring(0, link.indexOf('#')) : it.inReplyTo;
    String postId = comment ? (link != null ? link : it.id) : (link != null ? stripFragment(link) : it.id);
    if (postId == null) {
      postId = it.id;
    }
    String community = ctx.spec().community() != null ? ctx.spec().community()
        : host(feedLink != null ? feedLink : link);
    String html = it.html != null && !it.html.isBlank() ? it.html : it.summary;
    MarkupText.Result body = MarkupText.fromHtml(html);
    Instant published = time(it.published);
    Instant updated = time(it.updated);
    Instant created = published != null ? published : updated;
    String title = it.title == null ? null : MarkupText.fromHtml(it.title).text();
    if (comment && title != null && (title.startsWith("Comment on ") || title.startsWith("By: "))) {
      title = null;
    }
    String authorId = it.authorUri != null ? it.authorUri : it.author;
    Post.Builder b = Post.builder()
        .platform(ctx.spec().platform())
        .community(community)
        .postId(postId)
        .parentId(comment ? parent : null)
        .threadId(comment ? parent : postId)
        .kind(comment ? PostKind.COMMENT : PostKind.POST)
        .authorId(authorId)
        .authorName(it.author)
        .createdAt(created, it.published != null && !it.published.isBlank() ? it.published : it.updated)
        .editedAt(updated != null && created != null && updated.isAfter(created) ? updated : null)
        .title(title)
        .text(body.text())
        .url(link)
        .replyCount(it.commentCount == null ? null : Long.parseLong(it.commentCount))
        .hashtags(it.categories)
        .links(body.links().isEmpty() ? null : body.links())
        .lang(it.lang != null ? it.lang : feedLang);
    if (ctx.emitPost(b, position, rawOf(it), sink) && comment && authorId != null && parent != null) {
      sink.interaction(new Interaction(ctx.spec().platform(), authorId, null, parent, InteractionKind.COMMENT,
          postId, community, created));
    }
  }

  private static String rawOf(Item it) {
    return "<item> title=" + it.title + " link=" + it.link + " id=" + it.id + " published=" + it.published
        + " author=" + it.author;
  }

  private static String stripFragment(String link) {
    int hash = link.indexOf('#');
    return hash < 0 ? link : link.substring(0, hash);
  }

  private static String host(String url) {
    if (url == null) {
      return null;
    }
    try {
      String h = URI.create(url.strip()).getHost();
      return h == null ? null : h.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** RFC 822/1123 dates of RSS, ISO-8601 of Atom. */
  static Instant time(String v) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return ZonedDateTime.parse(v.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return TimeFormats.parseIso(v.strip());
      } catch (RuntimeException e2) {
        return null;
      }
    }
  }

  private static String attr(XMLStreamReader r, String local) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (r.getAttributeLocalName(i).equals(local)) {
        return r.getAttributeValue(i);
      }
    }
    return null;
  }

  /** All character data below the current element, which it consumes (XHTML content included). */
  private static String text(XMLStreamReader r) throws Exception {
    StringBuilder sb = new StringBuilder();
    int depth = 1;
    while (r.hasNext() && depth > 0) {
      int ev = r.next();
      switch (ev) {
        case XMLStreamConstants.START_ELEMENT -> {
          depth++;
          sb.append('<').append(r.getLocalName()).append('>');
        }
        case XMLStreamConstants.END_ELEMENT -> {
          depth--;
          if (depth > 0) {
            sb.append("</").append(r.getLocalName()).append('>');
          }
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> sb.append(r.getText());
        case XMLStreamConstants.ENTITY_REFERENCE ->
            throw new IllegalArgumentException("entity reference &" + r.getLocalName() + "; is not allowed");
        default -> { }
      }
    }
    return sb.toString();
  }

  private static void skip(XMLStreamReader r) throws Exception {
    text(r);
  }
}
