package io.listeningpost.core;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What the erasure register says was erased, as ingest checks it record by record: fingerprints only
 * ({@link ErasureKey}), by kind. An author id is checked as stored (a pseudonym under
 * {@code privacy.pseudonymise}), a handle or name in lower case.
 */
public final class ErasedIdentities implements Serializable {
  private static final long serialVersionUID = 1L;
  /** An erased author's id on a platform. */
  public static final String AUTHOR = "author";
  /** A name or handle of an erased author on a platform, lower case. */
  public static final String HANDLE = "handle";
  /** A post removed by an erasure (the author's own, or a share of one of them), by platform and post id. */
  public static final String POST = "post";
  /** The link of a post removed by an erasure, which other posts may carry in their links. */
  public static final String LINK = "link";

  private final ErasureKey key;
  private final Set<String> fingerprints;

  public ErasedIdentities(ErasureKey key, Set<String> fingerprints) {
    this.key = key;
    this.fingerprints = Set.copyOf(new HashSet<>(fingerprints));
  }

  /** A register with nothing in it. */
  public static ErasedIdentities none() {
    return new ErasedIdentities(null, Set.of());
  }

  public boolean isEmpty() {
    return fingerprints.isEmpty();
  }

  public int size() {
    return fingerprints.size();
  }

  public boolean author(String platform, String authorId) {
    return authorId != null && has(AUTHOR, platform, authorId);
  }

  public boolean handle(String platform, String handle) {
    return handle != null && has(HANDLE, platform, handle.toLowerCase(Locale.ROOT));
  }

  public boolean post(String platform, String postId) {
    return postId != null && has(POST, platform, postId);
  }

  public boolean link(String url) {
    return url != null && has(LINK, null, url);
  }

  private boolean has(String kind, String platform, String value) {
    return !fingerprints.isEmpty() && fingerprints.contains(key.of(kind, platform, value));
  }
}
