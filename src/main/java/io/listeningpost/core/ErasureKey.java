package io.listeningpost.core;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed fingerprints of the erasure register: what {@code forget} erased is kept as fingerprints, never
 * as values, so that ingest can recognise it without the warehouse holding it. Under
 * {@code privacy.pseudonymise} the fingerprint is keyed with the pseudonym key, which is not in the
 * warehouse, so a guessed id cannot be checked against the register. Without pseudonymisation it is keyed
 * with a random salt kept in the register: a value cannot be read back, but whoever reads the register can
 * test a guess (as they can read the raw ids of every other author in the tables).
 *
 * <p>Each fingerprint covers the kind of value and its platform, so equal strings of different kinds
 * (an author id that is also somebody's handle elsewhere) stay apart.
 */
public final class ErasureKey implements Serializable {
  private static final long serialVersionUID = 1L;
  /** {@code keyed_by} of fingerprints made with the pseudonym key. */
  public static final String PSEUDONYM_KEY = "pseudonym key";
  /** {@code keyed_by} of fingerprints made with the register's salt. */
  public static final String REGISTER_SALT = "register salt";
  private static final int SALT_BYTES = 32;

  private final Pseudonyms pseudonyms;
  private final byte[] salt;
  private transient Mac mac;

  private ErasureKey(Pseudonyms pseudonyms, byte[] salt) {
    this.pseudonyms = pseudonyms;
    this.salt = salt == null ? null : salt.clone();
  }

  /** Fingerprints keyed with the pseudonym key. */
  public static ErasureKey of(Pseudonyms pseudonyms) {
    return new ErasureKey(pseudonyms, null);
  }

  /** Fingerprints keyed with a register salt, as kept in the register in hex. */
  public static ErasureKey ofSalt(String saltHex) {
    byte[] salt = HexFormat.of().parseHex(saltHex);
    if (salt.length < 16) {
      throw new IllegalArgumentException("an erasure register salt has at least 16 bytes");
    }
    return new ErasureKey(null, salt);
  }

  /** A new random salt, in hex, for a register that has none yet. */
  public static String newSalt() {
    byte[] salt = new byte[SALT_BYTES];
    new SecureRandom().nextBytes(salt);
    return HexFormat.of().formatHex(salt);
  }

  /** {@link #PSEUDONYM_KEY} or {@link #REGISTER_SALT}. */
  public String keyedBy() {
    return pseudonyms != null ? PSEUDONYM_KEY : REGISTER_SALT;
  }

  /** The salt in hex, as the register keeps it; null when keyed with the pseudonym key. */
  public String saltHex() {
    return salt == null ? null : HexFormat.of().formatHex(salt);
  }

  /**
   * The fingerprint of one value of a kind ({@link ErasedIdentities#AUTHOR}, …) on a platform (null for
   * values that hold on every platform, like texts).
   */
  public String of(String kind, String platform, String value) {
    String input = "listening-post erasure\u0000" + kind + "\u0000" + (platform == null ? "" : platform) + "\u0000"
        + value;
    if (pseudonyms != null) {
      return pseudonyms.of(input).substring(Pseudonyms.PREFIX.length());
    }
    if (mac == null) {
      try {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is not available", e);
      }
    }
    return HexFormat.of().formatHex(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)), 0, 16)
        .toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "ErasureKey(" + keyedBy() + ", not shown)";
  }
}
