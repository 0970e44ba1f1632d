package io.listeningpost.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyChainsTest {
  @Test
  void aChainTakesTheThreadStoredForItsFirstKnownAncestor() {
    ReplyChains chains = new ReplyChains(Map.of("c", "b", "b", "a"), Map.of("a", "root"));

    assertThat(chains.threadOf("c")).isEqualTo("root");
    assertThat(chains.threadOf("b")).isEqualTo("root");
  }

  @Test
  void aParentNowhereInTheDataIsTheFirstPostOfItsThread() {
    ReplyChains chains = new ReplyChains(Map.of("y", "x", "z", "y"), Map.of());

    assertThat(chains.threadOf("z")).isEqualTo("x");
    assertThat(chains.threadOf("y")).isEqualTo("x");
  }

  @Test
  void aStoredThreadOfTheParentWinsOverItsOwnParent() {
    // p is both waiting for its thread and stored with one: the stored thread is taken, as on Spark.
    ReplyChains chains = new ReplyChains(Map.of("q", "p", "p", "o"), Map.of("p", "t"));

    assertThat(chains.threadOf("q")).isEqualTo("t");
  }

  @Test
  void aCycleAndThePostsLeadingIntoItAreThreadedUnderAPostOfTheCycle() {
    ReplyChains chains = new ReplyChains(Map.of("a", "b", "b", "a", "tail", "a", "self", "self"), Map.of());

    assertThat(chains.threadOf("tail")).isIn("a", "b");
    assertThat(chains.threadOf("a")).isIn("a", "b");
    assertThat(chains.threadOf("b")).isIn("a", "b");
    assertThat(chains.threadOf("self")).isEqualTo("self");
  }
}
