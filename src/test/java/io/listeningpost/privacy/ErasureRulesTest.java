package io.listeningpost.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.storage.Tables;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import scala.collection.JavaConverters;

/** The erasure rules, row by row, without Spark: what goes, what changes and what stays untouched. */
class ErasureRulesTest {
  private static final ErasureSubject KIM = new ErasureSubject(
      Set.of(ErasureSubject.key("mastodon", "1001")),
      Set.of(ErasureSubject.key("mastodon", "kim_sre@hachyderm.io"), ErasureSubject.key("mastodon", "kim_sre"),
          ErasureSubject.key("mastodon", "1001")),
      Set.of(ErasureSubject.key("mastodon", "7"), ErasureSubject.key("mastodon", "share-9")),
      Set.of("https://hachyderm.io/@kim_sre/7"), Set.of("Shadow a full on-call week."), Set.of("h-kim"));

  @Test
  void everyTableHasRulesAndEveryRuleNamesAColumnOfTheRightType() {
    assertThat(ErasureRules.RULES.keySet()).containsExactlyInAnyOrderElementsOf(Tables.names());
    ErasureRules.RULES.forEach((table, rules) -> {
      StructType schema = Tables.schemaOf(table);
      for (ErasureRules.Rule rule : rules) {
        String column = rule.toString().replaceAll(".*\\[(?:column|link)=([a-z_]+).*", "$1");
        assertThat(schema.fieldNames()).as(table + " " + rule).contains(column);
        if (rule instanceof ErasureRules.DropPeople || rule instanceof ErasureRules.DropHandles
            || rule instanceof ErasureRules.DropPosts || rule instanceof ErasureRules.DropLinks) {
          assertThat(schema.apply(column).dataType()).as(table + " " + rule)
              .isEqualTo(new ArrayType(DataTypes.StringType, true));
        } else if (!(rule instanceof ErasureRules.RedactWords)) {
          assertThat(schema.apply(column).dataType()).as(table + " " + rule).isEqualTo(DataTypes.StringType);
        }
        if (rule instanceof ErasureRules.RemoveIfAuthor || rule instanceof ErasureRules.RemoveIfPost
            || rule instanceof ErasureRules.ClearIfAuthor || rule instanceof ErasureRules.DropHandles) {
          assertThat(schema.fieldNames()).as(table + " " + rule + " needs the row's platform").contains("platform");
        }
      }
    });
  }

  private static Row post(String postId, String authorId, String text, List<String> mentions, List<String> links) {
    return RowFactory.create("mastodon", "hachyderm.io", postId, null, postId, "reply", authorId,
        authorId + "@hachyderm.io", Timestamp.valueOf("2026-11-20 10:00:00"), null, null, text, false, null, 1L,
        0L, 0L, seq(mentions), seq(List.of()), seq(links), "en", false, "timeline.json", "line 3", "run-1",
        Date.valueOf("2026-11-20"));
  }

  private static scala.collection.Seq<Object> seq(List<String> values) {
    return JavaConverters.asScalaBuffer(new java.util.ArrayList<Object>(values)).toList();
  }

  private static ErasureRules.Outcome apply(String table, Row row) {
    return ErasureRules.apply(ErasureRules.RULES.get(table), Tables.schemaOf(table), KIM, row);
  }

  @Test
  void theAuthorsPostsAndTheSharesOfThemGo() {
    assertThat(apply(Tables.POSTS, post("7", "1001", "mine", List.of(), List.of())).fate())
        .isEqualTo(ErasureRules.Fate.REMOVED);
    assertThat(apply(Tables.POSTS, post("share-9", "5003", "RT", List.of(), List.of())).fate())
        .isEqualTo(ErasureRules.Fate.REMOVED);
  }

  @Test
  void anotherAuthorsPostKeepsItsWordsWithoutTheAuthorsHandlesAndProfileLink() {
    ErasureRules.Outcome o = apply(Tables.POSTS, post("20", "5003", "@kim_sre Agreed, and @bo_sre too. Kim_sre rocks",
        List.of("kim_sre@hachyderm.io", "bo_sre"), List.of("https://hachyderm.io/@kim_sre", "https://example.com/a")));
    assertThat(o.fate()).isEqualTo(ErasureRules.Fate.CHANGED);
    Row r = o.row();
    // Handles are taken out; a name in the prose of someone else's post is theirs to have written (docs/privacy.md).
    assertThat(r.getString(11)).isEqualTo("@[erased] Agreed, and @bo_sre too. Kim_sre rocks");
    assertThat(r.getList(17)).containsExactly("bo_sre");
    assertThat(r.getList(19)).containsExactly("https://example.com/a");
    assertThat(r.getString(6)).isEqualTo("5003");
  }

  @Test
  void aRowThatNamesNoOneIsKeptAsTheSameObject() {
    Row other = post("21", "5003", "@bo_sre hi", List.of("bo_sre"), List.of("https://example.com/a"));
    ErasureRules.Outcome o = apply(Tables.POSTS, other);
    assertThat(o.fate()).isEqualTo(ErasureRules.Fate.KEPT);
    assertThat(o.row()).isSameAs(other);
  }

  @Test
  void interactionsByTheAuthorGoAndThoseTowardsThemLoseTheTarget() {
    Row by = RowFactory.create("mastodon", "1001", "5003", "reply", "7", "8", "hachyderm.io", null, "run-1", null);
    assertThat(apply(Tables.INTERACTIONS, by).fate()).isEqualTo(ErasureRules.Fate.REMOVED);
    Row towards = RowFactory.create("mastodon", "5003", "1001", "reply", "20", "7", "hachyderm.io", null, "run-1",
        null);
    ErasureRules.Outcome o = apply(Tables.INTERACTIONS, towards);
    assertThat(o.fate()).isEqualTo(ErasureRules.Fate.CHANGED);
    assertThat(o.row().isNullAt(2)).isTrue();
    assertThat(o.row().getString(5)).isEqualTo("7");
    Row mention = RowFactory.create("mastodon", "5003", "kim_sre", "mention", "20", null, "hachyderm.io", null,
        "run-1", null);
    assertThat(apply(Tables.INTERACTIONS, mention).row().isNullAt(2)).isTrue();
    Row sameIdElsewhere = RowFactory.create("reddit", "u1", "1001", "reply", "t1_1", "t3_1", "r/jobs", null, "run-1",
        null);
    assertThat(apply(Tables.INTERACTIONS, sameIdElsewhere).fate()).isEqualTo(ErasureRules.Fate.KEPT);
  }

  @Test
  void derivedListsLoseTheAuthorAndTheirPostsAndTextsNameThemNoMore() {
    Row segment = RowFactory.create(0, "42 members; voices: kim_sre@hachyderm.io, AcmeCorp", 42L, 100L, 0.3, null,
        null, 0.1, seq(List.of()), seq(List.of()), seq(List.of("kim_sre@hachyderm.io", "AcmeCorp")), null, 0.0,
        "no voice of kim_sre's", null, "run-1", Date.valueOf("2026-11-29"));
    Row s = apply(Tables.SEGMENTS, segment).row();
    assertThat(s.getString(1)).isEqualTo("42 members; voices: [erased], AcmeCorp");
    assertThat(s.getList(10)).containsExactly("AcmeCorp");
    assertThat(s.getString(13)).isEqualTo("no voice of [erased]'s");

    Row community = RowFactory.create(3, 10, 20L, 0.2, 5.0, seq(List.of("mastodon|1001", "mastodon|5006")),
        seq(List.of()), 0.8, 100, 200, null, "run-1", Date.valueOf("2026-11-29"));
    assertThat(apply(Tables.COMMUNITIES, community).row().getList(5)).containsExactly("mastodon|5006");

    Row topic = RowFactory.create(1, "on-call · pager", seq(List.of("on-call")), seq(List.of()), 12L, 0.1, null, null,
        0.2, 0.1, 3L, seq(List.of()), seq(List.of()), seq(List.of("7", "31", "32")), null, "run-1",
        Date.valueOf("2026-11-29"));
    assertThat(apply(Tables.TOPICS, topic).row().getList(13)).containsExactly("31", "32");
  }

  @Test
  void anAlertOnTheAuthorsPostGoesAndASpikeLosesItsEvidenceWhenItIsTheirs() {
    Object[] spike = new Object[Tables.ALERTS_SCHEMA.size()];
    spike[1] = "spike";
    spike[5] = "mastodon";
    spike[9] = "https://hachyderm.io/@kim_sre/7";
    spike[10] = "Shadow a full on-call week.";
    ErasureRules.Outcome o = apply(Tables.ALERTS, RowFactory.create(spike));
    assertThat(o.fate()).isEqualTo(ErasureRules.Fate.CHANGED);
    assertThat(o.row().isNullAt(9)).isTrue();
    assertThat(o.row().isNullAt(10)).isTrue();
    Object[] complaint = spike.clone();
    complaint[2] = "7";
    assertThat(apply(Tables.ALERTS, RowFactory.create(complaint)).fate()).isEqualTo(ErasureRules.Fate.REMOVED);
  }

  @Test
  void cacheEntriesOfTextsThatNoPostHoldsGo() {
    Object[] entry = new Object[Tables.NLP_CACHE_SCHEMA.size()];
    entry[0] = "h-kim";
    assertThat(apply(Tables.NLP_CACHE, RowFactory.create(entry)).fate()).isEqualTo(ErasureRules.Fate.REMOVED);
    entry[0] = "h-other";
    assertThat(apply(Tables.NLP_CACHE, RowFactory.create(entry)).fate()).isEqualTo(ErasureRules.Fate.KEPT);
  }

  @Test
  void aNameIsFoundAsAWholeWordOnlyAndShortNamesAreNotSearchedInTexts() {
    assertThat(KIM.named("thanks kim_sre!")).isTrue();
    assertThat(KIM.named("thanks kim_sre2")).isFalse();
    assertThat(KIM.named("node vmastodon:1001 here")).isTrue();
    assertThat(KIM.named("110010 posts")).isFalse();
    assertThat(KIM.named("see post g-1001")).isFalse();
    ErasureSubject shortName = new ErasureSubject(Set.of(ErasureSubject.key("forum", "ab")),
        Set.of(ErasureSubject.key("forum", "ab")), Set.of(), Set.of(), Set.of(), Set.of());
    assertThat(shortName.named("ab testing")).isFalse();
    assertThat(shortName.isPerson("AB")).isTrue();
  }

  @Test
  void aRunsStageMessagesAreRedactedAndItsStageNamesAndFingerprintsKept() {
    ErasureSubject graph = new ErasureSubject(Set.of(ErasureSubject.key("reddit", "graph")),
        Set.of(ErasureSubject.key("reddit", "graph")), Set.of(), Set.of(), Set.of(), Set.of());
    Row stage = RowFactory.create("graph", "succeeded", "in-1", "out-1", null, 10L, null, "top voice: graph");
    Row run = RowFactory.create("run-1", "nightly", null, "SUCCEEDED", null, null, 10L, "c", "v", 1L, "local[2]",
        seq(List.of()), 0L, 0L, seq(List.of()), "graph wrote", JavaConverters.asScalaBuffer(
            new java.util.ArrayList<Object>(List.of(stage))).toList());
    ErasureRules.Outcome o = ErasureRules.apply(ErasureRules.RULES.get(Tables.RUNS), Tables.RUNS_SCHEMA, graph, run);
    assertThat(o.fate()).isEqualTo(ErasureRules.Fate.CHANGED);
    assertThat(o.row().getString(15)).isEqualTo(ErasureSubject.REDACTED + " wrote");
    Row after = (Row) JavaConverters.seqAsJavaList(o.row().<scala.collection.Seq<Object>>getAs(16)).get(0);
    assertThat(after.getString(0)).isEqualTo("graph");
    assertThat(after.getString(7)).isEqualTo("top voice: " + ErasureSubject.REDACTED);
  }
}
