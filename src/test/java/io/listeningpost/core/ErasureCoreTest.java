package io.listeningpost.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listeningpost.core.config.PrivacySettings;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The keyed fingerprints of the erasure register, profile links, and the removed term of the counts. */
class ErasureCoreTest {
  @Test
  void aFingerprintDependsOnTheKeyTheKindAndThePlatformAndShowsNoValue() {
    String salt = ErasureKey.newSalt();
    ErasureKey key = ErasureKey.ofSalt(salt);
    String f = key.of(ErasedIdentities.AUTHOR, "mastodon", "1001");
    assertThat(f).matches("[0-9a-f]{32}").doesNotContain("1001");
    assertThat(ErasureKey.ofSalt(salt).of(ErasedIdentities.AUTHOR, "mastodon", "1001")).isEqualTo(f);
    assertThat(ErasureKey.ofSalt(ErasureKey.newSalt()).of(ErasedIdentities.AUTHOR, "mastodon", "1001")).isNotEqualTo(f);
    assertThat(key.of(ErasedIdentities.HANDLE, "mastodon", "1001")).isNotEqualTo(f);
    assertThat(key.of(ErasedIdentities.AUTHOR, "reddit", "1001")).isNotEqualTo(f);
    assertThat(key.keyedBy()).isEqualTo(ErasureKey.REGISTER_SALT);
    assertThat(key.toString()).doesNotContain(salt);
    assertThatThrownBy(() -> ErasureKey.ofSalt("00ff")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void underPseudonymisationTheKeyIsThePseudonymKeyAndTheFingerprintIsNoPseudonym() {
    Pseudonyms p = Pseudonyms.of(new PrivacySettings(true, "K", null), Map.of("K", "a-key-of-enough-length"));
    ErasureKey key = ErasureKey.of(p);
    String id = p.of("1001");
    String f = key.of(ErasedIdentities.AUTHOR, "mastodon", id);
    assertThat(key.keyedBy()).isEqualTo(ErasureKey.PSEUDONYM_KEY);
    assertThat(key.saltHex()).isNull();
    assertThat(f).doesNotContain(id.substring(Pseudonyms.PREFIX.length()));
    assertThat(new ErasedIdentities(key, Set.of(f)).author("mastodon", id)).isTrue();
    assertThat(new ErasedIdentities(key, Set.of(f)).author("mastodon", "1001")).isFalse();
  }

  @Test
  void handlesAreCheckedInLowerCase() {
    ErasureKey key = ErasureKey.ofSalt(ErasureKey.newSalt());
    ErasedIdentities erased = new ErasedIdentities(key, Set.of(key.of(ErasedIdentities.HANDLE, "twitter", "hr_hannah")));
    assertThat(erased.handle("twitter", "HR_Hannah")).isTrue();
    assertThat(erased.handle("mastodon", "hr_hannah")).isFalse();
    assertThat(ErasedIdentities.none().isEmpty()).isTrue();
  }

  @Test
  void aProfileLinksPathNamesItsPerson() {
    assertThat(LinkHandles.of("https://hachyderm.io/@Kim_SRE")).containsExactly("kim_sre");
    assertThat(LinkHandles.of("https://x.com/hr_hannah/status/19?s=20#x")).containsExactly("hr_hannah", "status", "19");
    assertThat(LinkHandles.of("https://www.reddit.com/u/lambda_learns/")).containsExactly("u", "lambda_learns");
    assertThat(LinkHandles.of("https://example.com")).isEmpty();
    assertThat(LinkHandles.of(null)).isEmpty();
  }

  @Test
  void removedRowsAreATermOfTheReconciliation() {
    assertThat(TableCounts.ofRemoval("posts", 10, 7, 3).reconciles()).isTrue();
    TableCounts lost = TableCounts.ofRemoval("posts", 10, 6, 3);
    assertThat(lost.reconciles()).isFalse();
    assertThat(lost.mismatch()).isEqualTo("posts: 1 rows missing (read 10, written 6, deduplicated 0, quarantined 0, "
        + "removed 3)");
    assertThat(new TableCounts("posts", 10, 8, 1, 1).mismatch()).doesNotContain("removed");
  }
}
