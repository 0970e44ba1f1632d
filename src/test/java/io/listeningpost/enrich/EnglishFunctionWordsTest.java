package io.listeningpost.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnglishFunctionWordsTest {
  @Test
  void englishIsRecognisedAndOtherLanguagesAreLeftToLingua() {
    assertThat(EnglishFunctionWords.looksEnglish("Just had my second interview with them and it went really well")).isTrue();
    assertThat(EnglishFunctionWords.looksEnglish("Does anyone know how long the background check takes?")).isTrue();
    assertThat(EnglishFunctionWords.looksEnglish("Das Vorstellungsgespräch war leider eine Katastrophe, was soll das")).isFalse();
    assertThat(EnglishFunctionWords.looksEnglish("La entrevista fue un desastre, nadie me ha llamado todavía")).isFalse();
    assertThat(EnglishFunctionWords.looksEnglish("Le recrutement est terminé, merci à tous pour vos candidatures")).isFalse();
    assertThat(EnglishFunctionWords.looksEnglish("Het sollicitatiegesprek was echt goed, ik ben blij")).isFalse();
    assertThat(EnglishFunctionWords.looksEnglish("the the")).isFalse();
  }
}
