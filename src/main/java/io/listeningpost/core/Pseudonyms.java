package io.listeningpost.core;

import io.listeningpost.core.config.ConfigException;
import io.listeningpost.core.config.PrivacySettings;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms of author identities: {@code u_} and the first 80 bits of HMAC-SHA256(key, value) in
 * hex. The same value under the same key always gives the same pseudonym, across runs and machines, so
 * joins and history survive; without the key a pseudonym cannot be computed from a name, and so a
 * guessed name cannot be checked. Values that were equal stay equal, values that differed stay apart
 * (a collision needs about 2^40 distinct authors).
 *
 * <p>The key never leaves this object: no accessor, and {@link #toString()} does not show it.
 */
public final class Pseudonyms implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String PREFIX = "u_";
  /** Shorter keys are refused: an HMAC key is as strong as it is long, and a short one can be guessed. */
  public static final int MIN_KEY_BYTES = 16;
  private static final int PSEUDONYM_BYTES = 10;

  private final byte[] key;
  private transient Mac mac;

  private Pseudonyms(byte[] key) {
    this.key = key.clone();
  }

  /**
   * The pseudonyms of a run, or null when {@code privacy.pseudonymise} is off. The key comes from
   * {@code privacy.key-file} when set, else from the environment variable {@code privacy.key-env}.
   *
   * @throws ConfigException when pseudonymising and the key is missing or too short, naming where it was looked for
   */
  public static Pseudonyms of(PrivacySettings settings, Map<String, String> environment) {
    if (!settings.pseudonymise()) {
      return null;
    }
    byte[] key;
    String where;
    if (settings.keyFile() != null) {
      where = "privacy.key-file " + settings.keyFile();
      try {
        key = Files.readString(Path.of(settings.keyFile()), StandardCharsets.UTF_8).strip()
            .getBytes(StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ConfigException("privacy", List.of("privacy.pseudonymise = true: the key file "
            + settings.keyFile() + " (privacy.key-file) cannot be read: " + e.getClass().getSimpleName()));
      }
    } else {
      where = "environment variable " + settings.keyEnv();
      String value = environment.get(settings.keyEnv());
      if (value == null || value.isBlank()) {
        throw new ConfigException("privacy", List.of("privacy.pseudonymise = true needs a key: set the environment "
            + "variable " + settings.keyEnv() + " (privacy.key-env), or name a file holding it in privacy.key-file"));
      }
      key = value.strip().getBytes(StandardCharsets.UTF_8);
    }
    if (key.length < MIN_KEY_BYTES) {
      throw new ConfigException("privacy", List.of("privacy.pseudonymise = true: the key in the " + where + " is "
          + "shorter than " + MIN_KEY_BYTES + " bytes; use a long random one, e.g. from `openssl rand -hex 32`"));
    }
    Pseudonyms p = new Pseudonyms(key);
    Arrays.fill(key, (byte) 0);
    return p;
  }

  /** The pseudonym of {@code value}; null stays null. */
  public String of(String value) {
    if (value == null) {
      return null;
    }
    if (mac == null) {
      try {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is not available", e);
      }
    }
    byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    return PREFIX + HexFormat.of().formatHex(digest, 0, PSEUDONYM_BYTES);
  }

  @Override
  public String toString() {
    return "Pseudonyms(HMAC-SHA256, key not shown)";
  }
}
