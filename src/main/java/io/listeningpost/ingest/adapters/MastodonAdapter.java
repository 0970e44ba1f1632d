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
import io.listeningpost.ingest.text.TextEntities;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Mastodon API v1 statuses: a JSON array (as the timeline endpoints return it) or one status per
 * line. The community is the author's instance. A reblog is a share of its original, and the
 * original, which the API embeds whole, is stored as a post of its own.
 */
final class MastodonAdapter extends JsonRecordAdapter {




  @Override
  void record(JsonNode s, String position, String raw, SourceContext ctx, RecordSink sink) {
    requireObject(s);
    JsonNode account = s.path("account");
    String authorId = Json.text(account, "id");
    String acct = Json.text(account, "acct");
    String community = ctx.spec().community() != null ? ctx.spec().community() : instance(account, s);
    String createdText = Json.text(s, "created_at");
    Instant created = isoTime(createdText);
    JsonNode reblog = s.get("reblog");
    boolean isShare = reblog != null && reblog.isObject();
    if (isShare) {
      record(reblog, position + " reblogged status", reblog.toString(), ctx, sink);
    }
    JsonNode content = isShare ? reblog : s;
    MarkupText.Result body = MarkupText.fromHtml(Json.text(content, "content"));
    String spoiler = Json.text(content, "spoiler_text");
    String text = spoiler == null || spoiler.isBlank() ? body.text() : "[CW: " + spoiler + "]\n" + body.text();
    String parent = Json.text(s, "in_reply_to_id");
    PostKind kind = isShare ? PostKind.SHARE : parent != null ? PostKind.REPLY : PostKind.POST;
    List<String> mentions = new ArrayList<>();
    List<String> mentionIds = new ArrayList<>();
    for (JsonNode m : content.path("mentions")) {
      String handle = Json.text(m, "acct");
      if (handle != null) {
        mentions.add(handle.toLowerCase(Locale.ROOT));
        mentionIds.add(Json.text(m, "id") != null ? Json.text(m, "id") : handle.toLowerCase(Locale.ROOT));
      }
    }
    List<String> tags = new ArrayList<>();
    for (JsonNode t : content.path("tags")) {
      String name = Json.text(t, "name");
      if (name != null) {
        tags.add(name.toLowerCase(Locale.ROOT));
      }
    }
    Post.Builder b = Post.builder()
        .platform("mastodon")
        .community(community)
        .postId(Json.text(s, "id"))
        .parentId(parent)
        .kind(kind)
        .authorId(authorId)
        .authorName(acct)
        .createdAt(created, createdText)
        .editedAt(isoTime(Json.text(s, "edited_at")))
        .text(text)
        .url(Json.text(s, "url") != null ? Json.text(s, "url") : Json.text(s, "uri"))
        .score(Json.number(s, "favourites_count"))
        .replyCount(Json.number(s, "replies_count"))
        .shareCount(Json.number(s, "reblogs_count"))
        .lang(Json.text(s, "language"))
        .mentions(content.has("mentions") ? mentions : null)
        .hashtags(content.has("tags") ? tags : null)
        .links(body.links().isEmpty() ? null : TextEntities.union(body.links(), List.of()));
    if (!ctx.emitPost(b, position, raw, sink)) {
      return;
    }
    if (authorId != null) {
      sink.author(new AuthorProfile("mastodon", authorId, TextLimits.shortField(acct),
          isoTime(Json.text(account, "created_at")), created, null, Json.number(account, "followers_count"),
          Json.number(account, "following_count"), null, ctx.file()));
      if (isShare) {
        sink.interaction(new Interaction("mastodon", authorId, Json.text(reblog.path("account"), "id"),
            Json.text(reblog, "id"), InteractionKind.SHARE, Json.text(s, "id"), community, created));
      } else {
        if (parent != null) {
          sink.interaction(new Interaction("mastodon", authorId, Json.text(s, "in_reply_to_account_id"), parent,
              InteractionKind.REPLY, Json.text(s, "id"), community, created));
        }
        for (String m : mentionIds) {
          sink.interaction(new Interaction("mastodon", authorId, m, null, InteractionKind.MENTION,
              Json.text(s, "id"), community, created));
        }
      }
    }
  }

  /** The instance from the account's acct ({@code user@host}) or its profile URL. */
  private static String instance(JsonNode account, JsonNode status) {
    String acct = Json.text(account, "acct");
    if (acct != null && acct.contains("@")) {
      return acct.substring(acct.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
    for (String url : new String[] {Json.text(account, "url"), Json.text(status, "uri"), Json.text(status, "url")}) {
      if (url != null) {
        try {
          String host = URI.create(url).getHost();
          if (host != null) {
            return host.toLowerCase(Locale.ROOT);
          }
        } catch (IllegalArgumentException e) {
          // try the next URL
        }
      }
    }
    return "mastodon";
  }

}
