package io.listeningpost.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.core.config.WatchTerm;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchedTermsTest {
  private static final WatchedTerms TERMS = new WatchedTerms(List.of(
      new WatchTerm("Acme Corp", WatchTerm.BRAND, List.of("Acme", "AcmeCareers")),
      new WatchTerm("Globex", WatchTerm.COMPETITOR, List.of())));

  @Test
  void caseHashtagAndHandleVariantsMatchTheCanonicalTerm() {
    assertThat(TERMS.find("loved my interview at ACME corp, thanks @acme_corp and #AcmeCorp"))
        .extracting(WatchedTerms.Match::term, WatchedTerms.Match::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Acme Corp", "brand"));
    assertThat(TERMS.find("@AcmeCareers replied")).extracting(WatchedTerms.Match::matched)
        .containsExactly("@AcmeCareers");
    assertThat(TERMS.find("Globex pays more than acme")).extracting(WatchedTerms.Match::term)
        .containsExactly("Globex", "Acme Corp");
  }

  @Test
  void wordsThatOnlyContainATermDoNotMatch() {
    assertThat(TERMS.find("acmeist globexian #globexfan")).isEmpty();
    assertThat(new WatchedTerms(List.of()).find("Acme")).isEmpty();
  }
}
