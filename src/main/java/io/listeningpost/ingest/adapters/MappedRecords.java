package io.listeningpost.ingest.adapters;

import io.listeningpost.core.Interaction;
import io.listeningpost.core.InteractionKind;
import io.listeningpost.core.Post;
import io.listeningpost.core.PostKind;
import io.listeningpost.core.config.SourceSpec;
import io.listeningpost.core.config.TimeFormats;
import io.listeningpost.ingest.RecordSink;
import io.listeningpost.ingest.SourceContext;
import io.listeningpost.ingest.text.MarkupText;
import java.time.Instant;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Builds a post from any record whose columns the source's mapping names, for the csv and json
 * formats. Mentions parsed from the text become mention interactions, with the handle as target.
 */
final class MappedRecords {
  private MappedRecords() {}

  /** @param column the value of a source column, or null when absent or empty */
  static void emit(UnaryOperator<String> column, String position, String raw, SourceContext ctx, RecordSink sink) {
    SourceSpec spec = ctx.spec();
    UnaryOperator<String> field = f -> {
      String col = spec.mapping().get(f);
      if (col == null) {
        return null;
      }
      String v = column.apply(col);
      return v == null || v.isBlank() ? null : v;
    };
    String createdRaw = field.apply("created_at");
    Instant created = createdRaw == null ? null : TimeFormats.parse(createdRaw, spec.timeFormat());
    String editedRaw = field.apply("edited_at");
    Instant edited = editedRaw == null ? null : TimeFormats.parse(editedRaw, spec.timeFormat());
    String parent = field.apply("parent_id");
    String postId = field.apply("post_id");
    String authorId = field.apply("author_id");
    String community = field.apply("community");
    Post.Builder b = Post.builder()
        .platform(spec.platform().toLowerCase(Locale.ROOT))
        .community(community)
        .postId(postId)
        .parentId(parent)
        .threadId(field.apply("thread_id") != null ? field.apply("thread_id") : parent == null ? postId : null)
        .kind(parent == null ? PostKind.POST : PostKind.REPLY)
        .authorId(authorId)
        .authorName(field.apply("author_name") != null ? field.apply("author_name") : authorId)
        .createdAt(created)
        .editedAt(edited)
        .title(field.apply("title"))
        .text(MarkupText.fromHtml(field.apply("text")).text())
        .url(field.apply("url"))
        .score(number("score", field))
        .replyCount(number("reply_count", field))
        .shareCount(number("share_count", field))
        .lang(field.apply("lang"));
    if (!ctx.emitPost(b, position, raw, sink) || authorId == null) {
      return;
    }
    Post emitted = b.build();
    String where = emitted.community();
    if (parent != null) {
      sink.interaction(new Interaction(emitted.platform(), authorId, null, parent, InteractionKind.REPLY, postId,
          where, created));
    }
    for (String handle : emitted.mentions()) {
      sink.interaction(new Interaction(emitted.platform(), authorId, handle, null, InteractionKind.MENTION, postId,
          where, created));
    }
  }

  private static Long number(String f, UnaryOperator<String> field) {
    String v = field.apply(f);
    if (v == null) {
      return null;
    }
    try {
      return Math.round(Double.parseDouble(v.strip().replace(",", "")));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(f + " '" + v + "' is not a number");
    }
  }
}
