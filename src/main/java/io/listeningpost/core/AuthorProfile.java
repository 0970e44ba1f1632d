package io.listeningpost.core;

import java.time.Instant;

/**
 * What a source says about an author at one point: a Stack Exchange user row, a tweet's
 * includes.users entry, a Mastodon account. Post activity adds first/last seen on top.
 */
public record AuthorProfile(
    String platform,
    String authorId,
    String name,
    Instant accountCreatedAt,
    Instant observedAt,
    Long reputation,
    Long followers,
    Long following,
    String location,
    String source) {}
