package io.listeningpost.core;

import java.time.Instant;

/**
 * A directed interaction from the author of {@code postId} to another author. When the source names
 * only the target post (a reply to a parent, a retweet), {@code dstAuthor} is null and
 * {@code dstPostId} is set; the ingest step resolves the author through the posts table.
 */
public record Interaction(
    String platform,
    String srcAuthor,
    String dstAuthor,
    String dstPostId,
    InteractionKind kind,
    String postId,
    String community,
    Instant createdAt) {}
