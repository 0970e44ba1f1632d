package io.listeningpost.ingest.adapters;

import io.listeningpost.core.AuthorProfile;
import io.listeningpost.core.Interaction;
import io.listeningpost.core.InteractionKind;
import io.listeningpost.core.Post;
import io.listeningpost.core.PostKind;
import io.listeningpost.core.TextLimits;
import io.listeningpost.ingest.RecordSink;
import io.listeningpost.ingest.SourceAdapter;
import io.listeningpost.ingest.SourceContext;
import io.listeningpost.ingest.read.XmlCharFilterReader;
import io.listeningpost.ingest.text.MarkupText;
import io.listeningpost.ingest.text.TextEntities;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Stack Exchange data dumps: Posts.xml, Comments.xml and Users.xml, one {@code <row/>} per line as
 * every dump since 2009 writes them. Each line is parsed on its own, so a bad row costs one
 * quarantine row, and big dumps split across cores.
 *
 * <p>Ids are qualified by the site (the community), because every site numbers its posts and users
 * from 1: {@code quantumcomputing.stackexchange.com:42}. Comments get a {@code c} before their id.
 */
final class StackExchangeAdapter implements SourceAdapter {
  private static final Pattern STRUCTURAL = Pattern.compile("<\\?xml.*\\?>|</?[A-Za-z]+>");
  private static final Pattern OLD_TAGS = Pattern.compile("<([^<>]+)>");

  private enum Table { POSTS, COMMENTS, USERS }

  @Override
  public Layout layout(String fileName, String head) {
    return switch (fileName.toLowerCase(Locale.ROOT)) {
      case "posts.xml", "comments.xml", "users.xml" -> Layout.LINES;
      case "votes.xml", "badges.xml", "posthistory.xml", "postlinks.xml", "tags.xml" ->
          Layout.ignored("not used: listening needs Posts, Comments and Users");
      default -> Layout.ignored("not a Stack Exchange dump table");
    };
  }

  @Override
  public void parseLine(String line, String position, SourceContext ctx, RecordSink sink) throws Exception {
    String trimmed = line.strip();
    if (trimmed.startsWith("\uFEFF")) {
      trimmed = trimmed.substring(1);
    }
    if (STRUCTURAL.matcher(trimmed).matches()) {
      return;
    }
    if (trimmed.startsWith("<!DOCTYPE") || trimmed.startsWith("<!ENTITY")) {
      throw new IllegalArgumentException("DTD declarations are not allowed in a dump");
    }
    if (!trimmed.startsWith("<row")) {
      throw new IllegalArgumentException("not a <row/> element");
    }
    Map<String, String> row = attributes(trimmed);
    String site = community(ctx);
    switch (table(ctx)) {
      case POSTS -> post(row, site, position, line, ctx, sink);
      case COMMENTS -> comment(row, site, position, line, ctx, sink);
      case USERS -> user(row, site, position, line, ctx, sink);
      default -> throw new IllegalStateException();
    }
  }

  private static Table table(SourceContext ctx) {
    return switch (ctx.fileName().toLowerCase(Locale.ROOT)) {
      case "posts.xml" -> Table.POSTS;
      case "comments.xml" -> Table.COMMENTS;
      default -> Table.USERS;
    };
  }

  /** The site: configured, or the folder that holds the dump's files. */
  static String community(SourceContext ctx) {
    if (ctx.spec().community() != null) {
      return ctx.spec().community();
    }
    String folder = ctx.folderName();
    return folder == null ? "stackexchange" : folder;
  }

  private static Map<String, String> attributes(String xml) throws XMLStreamException {
    XMLStreamReader r = Xml.reader(new StringReader(XmlCharFilterReader.filter(xml)));
    try {
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT) {
          Map<String, String> out = new HashMap<>();
          for (int i = 0; i < r.getAttributeCount(); i++) {
            out.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
          }
          return out;
        }
      }
      throw new IllegalArgumentException("no element");
    } finally {
      r.close();
    }
  }

  private void post(Map<String, String> row, String site, String position, String raw, SourceContext ctx,
      RecordSink sink) {
    String id = row.get("Id");
    String type = row.getOrDefault("PostTypeId", "");
    PostKind kind = switch (type) {
      case "1" -> PostKind.QUESTION;
      case "2" -> PostKind.ANSWER;
      default -> PostKind.POST;
    };
    MarkupText.Result body = MarkupText.fromHtml(row.get("Body"));
    String parent = row.get("ParentId");
    Post.Builder b = Post.builder()
        .platform("stackexchange")
        .community(site)
        .postId(qualify(site, id))
        .parentId(qualify(site, parent))
        .threadId(kind == PostKind.ANSWER ? qualify(site, parent) : qualify(site, id))
        .kind(kind)
        .authorId(qualify(site, row.get("OwnerUserId")))
        .authorName(row.get("OwnerDisplayName"))
        .createdAt(time(row.get("CreationDate")), row.get("CreationDate"))
        .editedAt(time(row.get("LastEditDate")))
        .title(MarkupText.decodeEntities(row.get("Title")))
        .text(body.text())
        .url(url(site, id, kind))
        .score(number(row.get("Score")))
        .replyCount(sum(number(row.get("AnswerCount")), number(row.get("CommentCount"))))
        .hashtags(tags(row.get("Tags")))
        .links(TextEntities.union(body.links(), TextEntities.links(body.text())))
        .isQuestion(kind == PostKind.QUESTION);
    if (ctx.emitPost(b, position, raw, sink) && parent != null && kind == PostKind.ANSWER) {
      sink.interaction(new Interaction("stackexchange", qualify(site, row.get("OwnerUserId")), null,
          qualify(site, parent), InteractionKind.ANSWER, qualify(site, id), site,
          time(row.get("CreationDate"))));
    }
  }

  private void comment(Map<String, String> row, String site, String position, String raw, SourceContext ctx,
      RecordSink sink) {
    String id = row.get("Id");
    String text = MarkupText.decodeEntities(row.get("Text"));
    String parent = qualify(site, row.get("PostId"));
    Post.Builder b = Post.builder()
        .platform("stackexchange")
        .community(site)
        .postId(id == null ? null : qualify(site, "c" + id))
        .parentId(parent)
        .kind(PostKind.COMMENT)
        .authorId(qualify(site, row.get("UserId")))
        .authorName(row.get("UserDisplayName"))
        .createdAt(time(row.get("CreationDate")), row.get("CreationDate"))
        .text(text == null ? "" : text)
        .url(site.contains(".") && row.get("PostId") != null
            ? "https://" + site + "/posts/comments/" + id : null)
        .score(number(row.get("Score")))
        .isQuestion(false);
    if (ctx.emitPost(b, position, raw, sink) && parent != null) {
      sink.interaction(new Interaction("stackexchange", qualify(site, row.get("UserId")), null, parent,
          InteractionKind.COMMENT, qualify(site, "c" + id), site,
          time(row.get("CreationDate"))));
    }
  }

  private void user(Map<String, String> row, String site, String position, String raw, SourceContext ctx,
      RecordSink sink) {
    String id = row.get("Id");
    if (id == null || id.isBlank()) {
      sink.quarantine(ctx.quarantine("authors", position, raw, "missing user Id"));
      return;
    }
    Instant created = time(row.get("CreationDate"));
    Instant lastAccess = time(row.get("LastAccessDate"));
    sink.author(new AuthorProfile("stackexchange", qualify(site, id),
        TextLimits.shortField(row.get("DisplayName")), created, lastAccess != null ? lastAccess : created,
        number(row.get("Reputation")), null, null, TextLimits.shortField(row.get("Location")), ctx.file()));
  }

  static String qualify(String site, String id) {
    return id == null || id.isBlank() ? null : site + ":" + id.strip();
  }

  /** Dump times are UTC without an offset, with up to three fraction digits. */
  static Instant time(String v) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(v.strip()).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Tags in both encodings: {@code <a><b>} (dumps before 2023) and {@code |a|b|} (newer). */
  static List<String> tags(String tags) {
    List<String> out = new ArrayList<>();
    if (tags == null || tags.isBlank()) {
      return out;
    }
    String t = tags.strip();
    if (t.startsWith("<")) {
      var m = OLD_TAGS.matcher(t);
      while (m.find()) {
        out.add(m.group(1).toLowerCase(Locale.ROOT));
      }
    } else {
      for (String part : t.split("\\|")) {
        if (!part.isBlank()) {
          out.add(part.strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    return out;
  }

  private static String url(String site, String id, PostKind kind) {
    if (!site.contains(".") || id == null) {
      return null;
    }
    return "https://" + site + (kind == PostKind.ANSWER ? "/a/" : "/q/") + id;
  }

  private static Long number(String v) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Long sum(Long a, Long b) {
    return a == null && b == null ? null : (a == null ? 0 : a) + (b == null ? 0 : b);
  }
}
