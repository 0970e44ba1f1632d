package io.listeningpost.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import io.listeningpost.core.Redaction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short hash of the effective configuration (the job file with the --conf settings in, and the explicit
 * options), recorded in {@code _runs}. Credentials in locations are masked before hashing: they do not
 * change what a run computes, and a short hash of a known job file could otherwise be used to test
 * guesses of a password in it.
 */
final class ConfigHash {
  private ConfigHash() { }

  static String of(Config effective, ListeningPostConfig.Overrides overrides) {
    String text = effective.root().render(ConfigRenderOptions.concise()) + "|" + overrides.warehouse() + "|"
        + overrides.reports() + "|" + overrides.master() + "|" + overrides.failFast() + "|" + overrides.sources();
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(Redaction.mask(text).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
