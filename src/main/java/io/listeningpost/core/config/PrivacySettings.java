package io.listeningpost.core.config;

import java.io.Serializable;

/**
 * The privacy.* settings: whether author identities are pseudonymised at ingest, and where the key is.
 * The key itself is never part of the config.
 *
 * @param keyFile a file holding the key, or null to read it from the environment variable {@code keyEnv}
 */
public record PrivacySettings(boolean pseudonymise, String keyEnv, String keyFile) implements Serializable {}
