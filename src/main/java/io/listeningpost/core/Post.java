package io.listeningpost.core;

import io.listeningpost.core.config.TimeFormats;
import java.time.Instant;
import java.util.List;

/**
 * One canonical post, comment, reply or share, as every source adapter emits it.
 * The column meanings are documented in docs/tables.md.
 */
public record Post(
    String platform,
    String community,
    String postId,
    String parentId,
    String threadId,
    PostKind kind,
    String authorId,
    String authorName,
    Instant createdAt,
    Instant editedAt,
    String title,
    String text,
    boolean textTruncated,
    String url,
    Long score,
    Long replyCount,
    Long shareCount,
    List<String> mentions,
    List<String> hashtags,
    List<String> links,
    String lang,
    boolean isQuestion,
    String source,
    String position) {

  public Post {
    mentions = List.copyOf(mentions);
    hashtags = List.copyOf(hashtags);
    links = List.copyOf(links);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Mutable builder, because adapters fill fields in the order their source gives them. */
  public static final class Builder {
    private String platform;
    private String community;
    private String postId;
    private String parentId;
    private String threadId;
    private PostKind kind = PostKind.POST;
    private String authorId;
    private String authorName;
    private Instant createdAt;
    private String createdAtSource;
    private Instant editedAt;
    private String title;
    private String text = "";
    private boolean textTruncated;
    private String url;
    private Long score;
    private Long replyCount;
    private Long shareCount;
    private List<String> mentions;
    private List<String> hashtags;
    private List<String> links;
    private String lang;
    private Boolean isQuestion;
    private String source;
    private String position;

    public Builder platform(String v) { platform = v; return this; }
    public Builder community(String v) { community = v; return this; }
    public Builder postId(String v) { postId = v; return this; }
    public Builder parentId(String v) { parentId = v; return this; }
    public Builder threadId(String v) { threadId = v; return this; }
    public Builder kind(PostKind v) { kind = v; return this; }
    public Builder authorId(String v) { authorId = v; return this; }
    public Builder authorName(String v) { authorName = v; return this; }
    public Builder createdAt(Instant v) { createdAt = v; return this; }

    /**
     * The creation time as read from {@code sourceValue}, the source's own text for it: when the time is
     * null but the source gave a value, the quarantine reason quotes that value instead of calling the
     * time missing.
     */
    public Builder createdAt(Instant v, String sourceValue) {
      createdAt = v;
      createdAtSource = sourceValue;
      return this;
    }
    public Builder editedAt(Instant v) { editedAt = v; return this; }
    public Builder title(String v) { title = v; return this; }
    public Builder text(String v) { text = v; return this; }
    public Builder textTruncated(boolean v) { textTruncated = v; return this; }
    public Builder url(String v) { url = v; return this; }
    public Builder score(Long v) { score = v; return this; }
    public Builder replyCount(Long v) { replyCount = v; return this; }
    public Builder shareCount(Long v) { shareCount = v; return this; }
    public Builder mentions(List<String> v) { mentions = v; return this; }
    public Builder hashtags(List<String> v) { hashtags = v; return this; }
    public Builder links(List<String> v) { links = v; return this; }
    public Builder lang(String v) { lang = v; return this; }
    public Builder isQuestion(Boolean v) { isQuestion = v; return this; }
    public Builder source(String v) { source = v; return this; }
    public Builder position(String v) { position = v; return this; }

    public String platform() { return platform; }
    public String community() { return community; }
    public String postId() { return postId; }
    public String title() { return title; }
    public String text() { return text; }
    public List<String> mentions() { return mentions; }
    public List<String> hashtags() { return hashtags; }
    public List<String> links() { return links; }

    /** Why this post cannot be stored, or null when it has everything a post needs. */
    public String problem() {
      if (postId == null || postId.isBlank()) {
        return "missing post id";
      }
      if (createdAt == null) {
        return createdAtSource == null || createdAtSource.isBlank() ? "missing creation time"
            : TimeFormats.unparseable(createdAtSource);
      }
      if (platform == null) {
        return "missing platform";
      }
      return null;
    }

    /** Strips control characters from every text field and cuts the text to {@code maxTextChars}. */
    public Builder normalize(int maxTextChars) {
      String clean = text == null ? "" : TextLimits.tidyLines(TextLimits.stripControl(text));
      if (clean.length() > maxTextChars) {
        clean = TextLimits.cut(clean, maxTextChars);
        textTruncated = true;
      }
      text = clean;
      title = TextLimits.shortField(title);
      authorName = TextLimits.shortField(authorName);
      authorId = TextLimits.shortField(authorId);
      community = TextLimits.shortField(community);
      return this;
    }


    public Post build() {
      boolean question = isQuestion != null ? isQuestion : QuestionHeuristic.looksLikeQuestion(title, text);
      return new Post(platform, community, postId, parentId, threadId, kind, authorId, authorName,
          createdAt, editedAt, title, text, textTruncated, url, score, replyCount, shareCount,
          orEmpty(mentions), orEmpty(hashtags), orEmpty(links), lang, question, source, position);
    }

    private static List<String> orEmpty(List<String> l) {
      return l == null ? List.of() : l;
    }
  }
}
