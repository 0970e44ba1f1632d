package io.listeningpost.core.config;

import java.io.Serializable;

/** The audiences stage's settings; see the audiences.* keys in docs/config.md. */
public record AudiencesSettings(boolean enabled, int windowDays, int topics, int samplePosts, long seed)
    implements Serializable {}
