package io.listeningpost.core;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void masksTheUserInfoOfUrlsAndKeepsWhereTheyPoint() {
    assertThat(Redaction.mask("s3a://AKIAEXAMPLE:wJalr/XUtnFEMI+K7MDENG@lp-bucket/warehouse"))
        .isEqualTo("s3a://***@lp-bucket/warehouse");
    assertThat(Redaction.mask("https://ann:hunter2@example.com/export.csv")).isEqualTo("https://***@example.com/export.csv");
    assertThat(Redaction.mask("spark://admin:pw@master:7077")).isEqualTo("spark://***@master:7077");
    assertThat(Redaction.mask("https://ghp_token123@github.com/acme/x")).isEqualTo("https://***@github.com/acme/x");
    assertThat(Redaction.mask("hdfs://user:p@ss@namenode:8020/lp")).isEqualTo("hdfs://***@namenode:8020/lp");
  }

  @Test
  void masksSecretQueryParametersAndNoOthers() {
    assertThat(Redaction.mask("https://host/feed.xml?page=2&token=abc123&lang=en"))
        .isEqualTo("https://host/feed.xml?page=2&token=***&lang=en");
    assertThat(Redaction.mask("https://acct.blob.core.windows.net/c/x?sv=2022&sig=Zm9v%2Bbar&se=2026"))
        .isEqualTo("https://acct.blob.core.windows.net/c/x?sv=2022&sig=***&se=2026");
    assertThat(Redaction.mask("jdbc:x://h/db?user=ann&password=hunter2")).isEqualTo("jdbc:x://h/db?user=ann&password=***");
    assertThat(Redaction.mask("https://h/x?api_key=k1&X-Amz-Signature=s2")).isEqualTo("https://h/x?api_key=***&X-Amz-Signature=***");
  }

  @Test
  void leavesTextWithoutSecretsAsItIs() {
    for (String plain : new String[] {"/data/lp/warehouse", "hdfs://namenode:8020/lp/warehouse", "local[*]",
        "s3a://bucket/exports/", "reddit=/data/reddit twitter=/data/tw", "mailto ann@example.com at 10:00",
        "https://mastodon.social/@acme", "sources = []: at least one source is needed", ""}) {
      assertThat(Redaction.mask(plain)).isEqualTo(plain);
    }
    assertThat(Redaction.mask(null)).isNull();
  }

  @Test
  void masksEveryLocationInAMessageAndInAStackTrace() {
    String message = "Could not write s3a://K:S1@b/wh/_runs: denied; source path = \"https://u:S2@h/x?token=S3\"";
    assertThat(Redaction.mask(message)).doesNotContain("S1", "S2", "S3")
        .contains("s3a://***@b/wh/_runs", "https://***@h/x?token=***\"");
    String trace = Redaction.stackTrace(new IllegalStateException("cannot open https://u:S4@h/x",
        new java.io.IOException("at s3a://K:S5@b/y")));
    assertThat(trace).doesNotContain("S4", "S5").contains("IllegalStateException", "RedactionTest");
  }

  @Property(tries = 500)
  void theSecretOfAUrlNeverSurvives(@ForAll("schemes") String scheme, @ForAll @AlphaChars @StringLength(min = 1, max = 12) String user,
      @ForAll("secrets") String secret, @ForAll("hosts") String host, @ForAll("paths") String path,
      @ForAll("surroundings") String before, @ForAll("surroundings") String after) {
    Assume.that(!(user + host + path + before + after + scheme).contains(secret));
    String text = before + scheme + "://" + user + ":" + secret + "@" + host + path + after;
    assertThat(Redaction.mask(text)).doesNotContain(secret).contains(Redaction.MASK);
  }

  @Property(tries = 300)
  void theValueOfASecretParameterNeverSurvives(@ForAll("plainHosts") String host,
      @ForAll("parameterNames") String name, @ForAll("parameterValues") String value) {
    Assume.that(!(host + name).contains(value));
    String text = "https://" + host + "/x?a=1&" + name + "=" + value + "&b=2 and more";
    assertThat(Redaction.mask(text)).doesNotContain(value).contains(name + "=" + Redaction.MASK + "&b=2");
  }

  @Provide
  Arbitrary<String> schemes() {
    return Arbitraries.of("s3a", "s3", "https", "http", "hdfs", "spark", "abfss", "gs", "ftp", "wasbs");
  }

  /** Passwords as people write them in URLs, unescaped: with '/', '+', '@', ':', '?', '#' and '%'. */
  @Provide
  Arbitrary<String> secrets() {
    return Arbitraries.strings().withChars("abcXYZ0189/+@:?#%=&-_.!$*()[]{}~,;").ofMinLength(6).ofMaxLength(40);
  }

  @Provide
  Arbitrary<String> hosts() {
    return Combinators.combine(plainHosts(), Arbitraries.of("", ":7077", ":8020")).as((h, port) -> h + port);
  }

  @Provide
  Arbitrary<String> plainHosts() {
    return Arbitraries.strings().withChars("abcdefghij0123.-").ofMinLength(1).ofMaxLength(20);
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.strings().withChars("abcxyz019/_.-").ofMaxLength(30).map(p -> p.isEmpty() ? p : "/" + p);
  }

  @Provide
  Arbitrary<String> surroundings() {
    return Arbitraries.of("", " ", "path = \"", "\"", "sources: reddit=", "`", " failed", "\n");
  }

  @Provide
  Arbitrary<String> parameterNames() {
    return Arbitraries.of("token", "access_token", "password", "PASSWORD", "pwd", "secret", "client_secret", "api_key",
        "apikey", "key", "sig", "X-Amz-Signature", "X-Amz-Credential", "auth");
  }

  @Provide
  Arbitrary<String> parameterValues() {
    return Arbitraries.strings().withChars("abcXYZ0189/+%=-_.:@").ofMinLength(4).ofMaxLength(40);
  }
}
