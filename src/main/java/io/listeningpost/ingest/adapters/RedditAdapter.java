package io.listeningpost.ingest.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import io.listeningpost.core.Interaction;
import io.listeningpost.core.Post;
import io.listeningpost.core.PostKind;
import io.listeningpost.ingest.RecordSink;
import io.listeningpost.ingest.SourceContext;
import io.listeningpost.ingest.text.MarkupText;
import io.listeningpost.ingest.text.TextEntities;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reddit, in the shapes exports come in, told apart record by record:
 * <ul>
 *   <li>Pushshift-style NDJSON: one submission ({@code title}) or comment ({@code body}) per line;</li>
 *   <li>one document per thread with replies nested under {@code comments}/{@code replies}, keyed by
 *       comment id (the emorynlp reddit-college shape, whose title key is literally {@code "title:"});</li>
 *   <li>a thread object with a flat {@code comments} array carrying {@code parent_id} (PRAW dumps).</li>
 * </ul>
 * Ids are Reddit fullnames ({@code t3_} submissions, {@code t1_} comments), so the shapes agree.
 */
final class RedditAdapter extends JsonRecordAdapter {
  private static final Pattern SUBREDDIT_IN_LINK = Pattern.compile("/r/([A-Za-z0-9_]+)/");




  @Override
  void record(JsonNode n, String position, String raw, SourceContext ctx, RecordSink sink) {
    requireObject(n);
    String rawText = raw;
    if (n.has("sid") || n.has("comments") && (n.get("comments").isObject() || n.get("comments").isArray())) {
      thread(n, position, ctx, sink);
    } else if (n.has("body")) {
      flatComment(n, null, position, rawText, ctx, sink);
    } else if (n.has("title") || n.has("selftext")) {
      submission(n, position, rawText, ctx, sink);
    } else {
      throw new IllegalArgumentException("neither a submission (title), a comment (body) nor a thread (sid)");
    }
  }

  private void submission(JsonNode n, String position, String raw, SourceContext ctx, RecordSink sink) {
    String id = fullname("t3_", firstText(n, "name", "id"));
    MarkupText.Result body = MarkupText.fromMarkdown(Json.text(n, "selftext"));
    String url = Json.text(n, "url");
    Post.Builder b = Post.builder()
        .platform("reddit")
        .community(subreddit(n, ctx))
        .postId(id)
        .threadId(id)
        .kind(PostKind.POST)
        .authorId(author(Json.text(n, "author")))
        .authorName(author(Json.text(n, "author")))
        .createdAt(Json.epochSeconds(n, "created_utc"), Json.text(n, "created_utc"))
        .editedAt(edited(n))
        .title(MarkupText.decodeEntities(Json.text(n, "title")))
        .text(body.text())
        .url(permalink(n))
        .score(Json.number(n, "score"))
        .replyCount(Json.number(n, "num_comments"))
        .shareCount(Json.number(n, "num_crossposts"))
        .links(TextEntities.union(body.links(), url != null && url.startsWith("http")
            && !url.contains("reddit.com/r/") ? java.util.List.of(url) : java.util.List.of()));
    if (b.links().isEmpty()) {
      b.links(null);
    }
    ctx.emitPost(b, position, raw, sink);
  }

  /** A Pushshift/PRAW comment: its parent is named by {@code parent_id}, its author unknown here. */
  private void flatComment(JsonNode n, JsonNode thread, String position, String raw, SourceContext ctx,
      RecordSink sink) {
    String id = fullname("t1_", firstText(n, "name", "id"));
    String parent = Json.text(n, "parent_id");
    String link = Json.text(n, "link_id");
    if (link == null && thread != null) {
      link = fullname("t3_", firstText(thread, "name", "id", "sid"));
    }
    PostKind kind = parent != null && parent.startsWith("t1_") ? PostKind.REPLY : PostKind.COMMENT;
    MarkupText.Result body = MarkupText.fromMarkdown(Json.text(n, "body"));
    String createdField = n.has("created_utc") ? "created_utc" : "created";
    Instant created = Json.epochSeconds(n, createdField);
    String author = author(Json.text(n, "author"));
    String community = n.has("subreddit") ? subreddit(n, ctx) : thread != null ? subreddit(thread, ctx) : subreddit(n, ctx);
    Post.Builder b = Post.builder()
        .platform("reddit")
        .community(community)
        .postId(id)
        .parentId(parent)
        .threadId(link)
        .kind(kind)
        .authorId(author)
        .authorName(author)
        .createdAt(created, Json.text(n, createdField))
        .editedAt(edited(n))
        .text(body.text())
        .url(permalink(n))
        .score(Json.number(n, "score"))
        .links(body.links().isEmpty() ? null : body.links());
    if (ctx.emitPost(b, position, raw, sink) && parent != null && author != null) {
      sink.interaction(new Interaction("reddit", author, null, parent, kind.replyInteraction(), id, community, created));
    }
  }

  private void thread(JsonNode t, String position, SourceContext ctx, RecordSink sink) {
    String id = fullname("t3_", firstText(t, "name", "id", "sid"));
    String community = subreddit(t, ctx);
    String author = author(Json.text(t, "author"));
    MarkupText.Result body = MarkupText.fromMarkdown(firstText(t, "text", "selftext", "self_text"));
    JsonNode comments = t.get("comments");
    String createdField = t.has("created_utc") ? "created_utc" : "created";
    Post.Builder b = Post.builder()
        .platform("reddit")
        .community(community)
        .postId(id)
        .threadId(id)
        .kind(PostKind.POST)
        .authorId(author)
        .authorName(author)
        .createdAt(Json.epochSeconds(t, createdField), Json.text(t, createdField))
        .title(MarkupText.decodeEntities(firstText(t, "title", "title:")))
        .text(body.text())
        .url(absolute(Json.text(t, "link")))
        .score(Json.number(t, t.has("upvotes") ? "upvotes" : "score"))
        .replyCount(comments != null && comments.isObject() ? (long) comments.size() : Json.number(t, "num_comments"))
        .links(body.links().isEmpty() ? null : body.links());
    boolean threadOk = ctx.emitPost(b, position, t.toString(), sink);
    if (comments == null) {
      return;
    }
    if (comments.isArray()) {
      int i = 0;
      for (JsonNode c : comments) {
        flatComment(c, t, position + " comment " + i++, c.toString(), ctx, sink);
      }
    } else if (comments.isObject() && threadOk) {
      nested(comments, id, author, id, community, position, 1, ctx, sink);
    } else if (comments.isObject()) {
      sink.quarantine(ctx.quarantine("posts", position, t.toString(),
          "the thread's " + countNested(comments) + " comments are quarantined with it: their thread has no valid id or time"));
    }
  }

  private void nested(JsonNode comments, String parentId, String parentAuthor, String threadId, String community,
      String position, int depth, SourceContext ctx, RecordSink sink) {
    Iterator<Map.Entry<String, JsonNode>> it = comments.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode c = e.getValue();
      String id = fullname("t1_", e.getKey());
      String author = author(Json.text(c, "author"));
      Instant created = Json.epochSeconds(c, "created");
      JsonNode replies = c.get("replies");
      MarkupText.Result body = MarkupText.fromMarkdown(Json.text(c, "text"));
      PostKind kind = depth == 1 ? PostKind.COMMENT : PostKind.REPLY;
      Post.Builder b = Post.builder()
          .platform("reddit")
          .community(community)
          .postId(id)
          .parentId(parentId)
          .threadId(threadId)
          .kind(kind)
          .authorId(author)
          .authorName(author)
          .createdAt(created, Json.text(c, "created"))
          .text(body.text())
          .url(absolute(Json.text(c, "link")))
          .score(Json.number(c, "upvotes"))
          .replyCount(replies != null && replies.isObject() ? (long) replies.size() : 0L)
          .links(body.links().isEmpty() ? null : body.links());
      String where = position + " comment " + e.getKey();
      boolean ok = ctx.emitPost(b, where, c.toString(), sink);
      if (ok && author != null) {
        sink.interaction(new Interaction("reddit", author, parentAuthor, parentId, kind.replyInteraction(), id,
            community, created));
      }
      if (replies != null && replies.isObject() && replies.size() > 0) {
        if (ok) {
          nested(replies, id, author, threadId, community, position, depth + 1, ctx, sink);
        } else {
          sink.quarantine(ctx.quarantine("posts", where, replies.toString(),
              countNested(replies) + " replies quarantined with their invalid parent comment"));
        }
      }
    }
  }

  private static int countNested(JsonNode comments) {
    int n = 0;
    for (JsonNode c : comments) {
      n++;
      JsonNode r = c.get("replies");
      if (r != null && r.isObject()) {
        n += countNested(r);
      }
    }
    return n;
  }

  private static String subreddit(JsonNode n, SourceContext ctx) {
    String s = Json.text(n, "subreddit");
    if (s == null) {
      String link = firstText(n, "link", "permalink");
      if (link != null) {
        Matcher m = SUBREDDIT_IN_LINK.matcher(link);
        if (m.find()) {
          s = m.group(1);
        }
      }
    }
    if (s == null) {
      s = ctx.spec().community() != null ? ctx.spec().community() : ctx.folderName();
    }
    return s == null ? null : "r/" + s;
  }

  /** Reddit writes deleted accounts as "[deleted]"; the reddit-college dump writes null. */
  static String author(String a) {
    return a == null || a.isBlank() || a.equals("[deleted]") || a.equals("[removed]") ? null : a;
  }

  private static Instant edited(JsonNode n) {
    JsonNode e = n.get("edited");
    return e != null && e.isNumber() ? Instant.ofEpochMilli(Math.round(e.asDouble() * 1000)) : null;
  }

  private static String permalink(JsonNode n) {
    return absolute(Json.text(n, "permalink"));
  }

  private static String absolute(String link) {
    if (link == null) {
      return null;
    }
    return link.startsWith("/") ? "https://www.reddit.com" + link : link;
  }

  private static String fullname(String prefix, String id) {
    if (id == null || id.isBlank()) {
      return null;
    }
    return id.startsWith("t1_") || id.startsWith("t3_") ? id : prefix + id;
  }

  private static String firstText(JsonNode n, String... fields) {
    for (String f : fields) {
      String v = Json.text(n, f);
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
