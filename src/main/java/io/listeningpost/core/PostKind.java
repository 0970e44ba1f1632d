package io.listeningpost.core;

/**
 * What a post is in its thread. The kind decides which interaction a post creates towards the author
 * of its parent: see {@link #replyInteraction()}.
 */
public enum PostKind {
  /** A thread starter: a submission, a tweet, a status, a blog article. */
  POST,
  /** A Stack Exchange question. */
  QUESTION,
  /** A Stack Exchange answer to a question. */
  ANSWER,
  /** A comment on a post (Stack Exchange comment, top-level Reddit comment, blog comment). */
  COMMENT,
  /** A reply to a comment or to a status/tweet. */
  REPLY,
  /** A retweet or reblog: re-publishes another post. */
  SHARE,
  /** A quote tweet: re-publishes another post with own text. */
  QUOTE;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The interaction this post makes towards the author of its parent, or null for a thread starter. */
  public InteractionKind replyInteraction() {
    return switch (this) {
      case ANSWER -> InteractionKind.ANSWER;
      case COMMENT -> InteractionKind.COMMENT;
      case REPLY -> InteractionKind.REPLY;
      case POST, QUESTION, SHARE, QUOTE -> null;
    };
  }
}
