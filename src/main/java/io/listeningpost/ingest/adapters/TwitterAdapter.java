package io.listeningpost.ingest.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import io.listeningpost.core.AuthorProfile;
import io.listeningpost.core.Interaction;
import io.listeningpost.core.InteractionKind;
import io.listeningpost.core.Post;
import io.listeningpost.core.PostKind;
import io.listeningpost.core.TextLimits;
import io.listeningpost.ingest.RecordSink;
import io.listeningpost.ingest.SourceContext;
import io.listeningpost.ingest.text.MarkupText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * X/Twitter API v2 responses: {@code data} (one tweet or a list) with {@code includes.users} and
 * {@code includes.tweets}, one response per line or pretty-printed. A bare tweet object per line is
 * read too. Referenced tweets in includes are posts of their own.
 *
 * <p>An edited tweet keeps the id of its first version ({@code edit_history_tweet_ids[0]}), so that
 * the edits of one tweet are one post and the latest edit wins.
 */
final class TwitterAdapter extends JsonRecordAdapter {




  @Override
  void record(JsonNode n, String position, String raw, SourceContext ctx, RecordSink sink) {
    requireObject(n);
    if (!n.has("data")) {
      if (n.has("errors") && !n.has("id")) {
        throw new IllegalArgumentException("API error response: " + Json.text(n.get("errors").get(0), "detail"));
      }
      tweet(n, Map.of(), Map.of(), position, raw != null ? raw : n.toString(), ctx, sink);
      return;
    }
    JsonNode includes = n.path("includes");
    Map<String, JsonNode> users = new HashMap<>();
    for (JsonNode u : includes.path("users")) {
      String id = Json.text(u, "id");
      if (id != null) {
        users.put(id, u);
        sink.author(profile(u, ctx));
      }
    }
    Map<String, JsonNode> referenced = new HashMap<>();
    for (JsonNode t : includes.path("tweets")) {
      String id = Json.text(t, "id");
      if (id != null) {
        referenced.put(id, t);
      }
    }
    JsonNode data = n.get("data");
    List<JsonNode> tweets = new ArrayList<>();
    if (data.isArray()) {
      data.forEach(tweets::add);
    } else {
      tweets.add(data);
    }
    int i = 0;
    for (JsonNode t : tweets) {
      tweet(t, users, referenced, position + " tweet " + i++, t.toString(), ctx, sink);
    }
    int r = 0;
    for (JsonNode t : referenced.values()) {
      tweet(t, users, Map.of(), position + " included tweet " + r++, t.toString(), ctx, sink);
    }
  }

  private void tweet(JsonNode t, Map<String, JsonNode> users, Map<String, JsonNode> referenced, String position,
      String raw, SourceContext ctx, RecordSink sink) {
    String id = Json.text(t, "id");
    JsonNode history = t.get("edit_history_tweet_ids");
    String postId = history != null && history.isArray() && history.size() > 0 ? history.get(0).asText() : id;
    String createdText = Json.text(t, "created_at");
    Instant created = isoTime(createdText);
    String authorId = Json.text(t, "author_id");
    JsonNode user = authorId == null ? null : users.get(authorId);
    PostKind kind = PostKind.POST;
    String parent = null;
    List<Interaction> refs = new ArrayList<>();
    String community = ctx.spec().community() != null ? ctx.spec().community() : "twitter";
    for (JsonNode ref : t.path("referenced_tweets")) {
      String type = Json.text(ref, "type");
      String refId = Json.text(ref, "id");
      if (type == null || refId == null) {
        continue;
      }
      JsonNode target = referenced.get(refId);
      String dstAuthor = target == null ? null : Json.text(target, "author_id");
      switch (type) {
        case "replied_to" -> {
          kind = PostKind.REPLY;
          parent = refId;
          if (dstAuthor == null) {
            dstAuthor = Json.text(t, "in_reply_to_user_id");
          }
          refs.add(new Interaction("twitter", authorId, dstAuthor, refId, InteractionKind.REPLY, postId, community, created));
        }
        case "quoted" -> {
          if (kind == PostKind.POST) {
            kind = PostKind.QUOTE;
          }
          refs.add(new Interaction("twitter", authorId, dstAuthor, refId, InteractionKind.QUOTE, postId, community, created));
        }
        case "retweeted" -> {
          kind = PostKind.SHARE;
          refs.add(new Interaction("twitter", authorId, dstAuthor, refId, InteractionKind.SHARE, postId, community, created));
        }
        default -> { }
      }
    }
    JsonNode entities = t.path("entities");
    JsonNode metrics = t.path("public_metrics");
    List<String> mentionIds = new ArrayList<>();
    Set<String> mentions = new LinkedHashSet<>();
    for (JsonNode m : entities.path("mentions")) {
      String username = Json.text(m, "username");
      if (username != null) {
        mentions.add(username.toLowerCase(Locale.ROOT));
        mentionIds.add(Json.text(m, "id") != null ? Json.text(m, "id") : username.toLowerCase(Locale.ROOT));
      }
    }
    List<String> hashtags = new ArrayList<>();
    for (JsonNode h : entities.path("hashtags")) {
      String tag = Json.text(h, "tag");
      if (tag != null) {
        hashtags.add(tag.toLowerCase(Locale.ROOT));
      }
    }
    List<String> links = new ArrayList<>();
    for (JsonNode u : entities.path("urls")) {
      String url = Json.text(u, u.has("expanded_url") ? "expanded_url" : "url");
      if (url != null) {
        links.add(url);
      }
    }
    String username = user == null ? null : Json.text(user, "username");
    Post.Builder b = Post.builder()
        .platform("twitter")
        .community(community)
        .postId(postId)
        .parentId(parent)
        .threadId(Json.text(t, "conversation_id"))
        .kind(kind)
        .authorId(authorId)
        .authorName(username)
        .createdAt(created, createdText)
        .editedAt(postId != null && !postId.equals(id) ? created : null)
        .text(MarkupText.decodeEntities(Json.text(t, "text")))
        .url(username != null && id != null ? "https://x.com/" + username + "/status/" + id : null)
        .score(Json.number(metrics, "like_count"))
        .replyCount(Json.number(metrics, "reply_count"))
        .shareCount(sumNullable(Json.number(metrics, "retweet_count"), Json.number(metrics, "quote_count")))
        .lang(Json.text(t, "lang"))
        .mentions(entities.has("mentions") ? new ArrayList<>(mentions) : null)
        .hashtags(entities.has("hashtags") ? hashtags : null)
        .links(entities.has("urls") ? links : null);
    if (!ctx.emitPost(b, position, raw, sink) || authorId == null) {
      return;
    }
    refs.forEach(sink::interaction);
    if (kind != PostKind.SHARE) {
      for (String m : mentionIds) {
        sink.interaction(new Interaction("twitter", authorId, m, null, InteractionKind.MENTION, postId, community, created));
      }
    }
  }

  private static AuthorProfile profile(JsonNode u, SourceContext ctx) {
    JsonNode metrics = u.path("public_metrics");
    Instant created = isoTime(Json.text(u, "created_at"));
    return new AuthorProfile("twitter", Json.text(u, "id"), TextLimits.shortField(Json.text(u, "username")),
        created, null, null, Json.number(metrics, "followers_count"), Json.number(metrics, "following_count"),
        TextLimits.shortField(Json.text(u, "location")), ctx.file());
  }


  private static Long sumNullable(Long a, Long b) {
    return a == null && b == null ? null : (a == null ? 0 : a) + (b == null ? 0 : b);
  }
}
