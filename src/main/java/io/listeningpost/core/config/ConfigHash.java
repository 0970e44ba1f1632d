package io.listeningpost.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short hash of the effective configuration (file and command line), recorded in {@code _runs}. */
final class ConfigHash {
  private ConfigHash() { }

  static String of(Config config, ListeningPostConfig.Overrides overrides) {
    String effective = config.root().render(ConfigRenderOptions.concise()) + "|" + overrides;
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(effective.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
