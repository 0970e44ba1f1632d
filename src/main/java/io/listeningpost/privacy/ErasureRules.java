package io.listeningpost.privacy;

import io.listeningpost.storage.Tables;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * What erasing an author does to each table, column by column (docs/privacy.md has the same list in
 * words). Every table {@link Tables#names()} knows has an entry, so that a new table cannot be forgotten:
 * {@code ErasureRulesTest} checks it.
 *
 * <p>A rule either removes the row (it is the author's, or about one of the posts that go), or changes
 * the row (clears a column that points at the author, drops list entries that name them or their posts,
 * writes their names and handles in texts as {@value ErasureSubject#REDACTED}), or leaves it.
 * Counts, shares and scores that the author's posts went into stay as they were computed: they name no
 * one.
 */
public final class ErasureRules {
  private ErasureRules() {}

  /** One column rule. */
  public sealed interface Rule extends Serializable permits RemoveIfAuthor, RemoveIfPost, RemoveIfGoneText,
      ClearIfAuthor, DropPeople,
      DropHandles, DropPosts, DropLinks, ClearIfEvidence, RedactHandles, RedactWords, ClearIfNamed {}

  /** The row goes when {@code column} is one of the author's ids on the row's platform. */
  public record RemoveIfAuthor(String column) implements Rule {}

  /** The row goes when {@code column} is a post that goes (on the row's platform). */
  public record RemoveIfPost(String column) implements Rule {}

  /** The row goes when {@code column} is the hash of a text that no post holds once the author's posts go. */
  public record RemoveIfGoneText(String column) implements Rule {}

  /** The column is cleared when it names the author (id, or a handle for mentions found in texts). */
  public record ClearIfAuthor(String column) implements Rule {}

  /** List entries that name the author (names, ids, graph node ids {@code platform|author_id}) are dropped. */
  public record DropPeople(String column) implements Rule {}

  /** List entries that are the author's handles on the row's platform are dropped. */
  public record DropHandles(String column) implements Rule {}

  /** List entries that are post ids of posts that go are dropped. */
  public record DropPosts(String column) implements Rule {}

  /** List entries that are links to posts that go, or to the author's profile, are dropped. */
  public record DropLinks(String column) implements Rule {}

  /** The link and excerpt columns are cleared when they are a post that goes (its link or its excerpt). */
  public record ClearIfEvidence(String link, String excerpt) implements Rule {}

  /** The author's {@code @handle}s and {@code u/name}s in a post's title or text become {@code @[erased]}. */
  public record RedactHandles(String column) implements Rule {}

  /**
   * Every text in the column (in lists and structs too) has the author's names and ids redacted; with
   * {@code field}, only that field of each struct in the column's list.
   */
  public record RedactWords(String column, String field) implements Rule {
    public RedactWords(String column) {
      this(column, null);
    }
  }

  /** The column (raw input) is cleared when it names the author. */
  public record ClearIfNamed(String column) implements Rule {}

  /** The rules of every table, by table name. */
  public static final Map<String, List<Rule>> RULES = Map.ofEntries(
      Map.entry(Tables.POSTS, List.of(new RemoveIfAuthor("author_id"), new RemoveIfPost("post_id"),
          new DropHandles("mentions"), new DropLinks("links"), new RedactHandles("title"), new RedactHandles("text"))),
      Map.entry(Tables.AUTHORS, List.of(new RemoveIfAuthor("author_id"))),
      Map.entry(Tables.INTERACTIONS, List.of(new RemoveIfAuthor("src_author"), new RemoveIfPost("post_id"),
          new ClearIfAuthor("dst_author"))),
      Map.entry(Tables.QUARANTINE, List.of(new ClearIfNamed("excerpt"), new RedactWords("reason"))),
      Map.entry(Tables.RUNS, List.of(new RedactWords("message"), new RedactWords("stages", "message"))),
      Map.entry(Tables.ERASED, List.of()),
      Map.entry(Tables.POST_NLP, List.of(new RemoveIfAuthor("author_id"), new RemoveIfPost("post_id"),
          new RedactWords("lemmas"), new RedactWords("noun_phrases"), new RedactWords("entities"))),
      Map.entry(Tables.NLP_CACHE, List.of(new RemoveIfGoneText("text_hash"), new RedactWords("lemmas"), new RedactWords("noun_phrases"),
          new RedactWords("entities"))),
      Map.entry(Tables.INFLUENCERS, List.of(new RemoveIfAuthor("author_id"), new RedactWords("role_reason"),
          new RedactWords("flag_reason"))),
      Map.entry(Tables.COMMUNITIES, List.of(new DropPeople("top_members"))),
      Map.entry(Tables.TOPICS, List.of(new DropPosts("example_posts"), new RedactWords("label"),
          new RedactWords("top_terms"), new RedactWords("top_phrases"))),
      Map.entry(Tables.POST_TOPICS, List.of(new RemoveIfPost("post_id"))),
      Map.entry(Tables.SEGMENTS, List.of(new DropPeople("top_voices"), new RedactWords("description"),
          new RedactWords("top_topics"), new RedactWords("target_reason"))),
      Map.entry(Tables.SEGMENT_MEMBERS, List.of(new RemoveIfAuthor("author_id"))),
      Map.entry(Tables.AUDIENCE_PRESENCE, List.of(new DropPeople("opinion_makers"))),
      Map.entry(Tables.POST_STREAMS, List.of(new RemoveIfPost("post_id"))),
      Map.entry(Tables.STREAMS, List.of(new RedactWords("top_topics"))),
      Map.entry(Tables.STREAM_THEMES, List.of(new RedactWords("label"))),
      Map.entry(Tables.OPPORTUNITIES, List.of(new DropPosts("evidence_posts"), new DropLinks("evidence_links"),
          new RedactWords("topic_label"), new RedactWords("reason"))),
      Map.entry(Tables.TARGET_COMMUNITIES, List.of(new RedactWords("reason"))),
      Map.entry(Tables.KEY_TOPICS, List.of()),
      Map.entry(Tables.ALERTS, List.of(new RemoveIfAuthor("author_id"), new RemoveIfPost("post_id"),
          new ClearIfEvidence("evidence_url", "evidence_excerpt"), new RedactWords("reason"),
          new RedactWords("evidence_excerpt"), new RedactWords("next_step"))),
      Map.entry(Tables.STRATEGY_ANSWERS, List.of(new DropPosts("evidence_posts"), new RedactWords("answer"),
          new RedactWords("evidence"))));

  /** What became of a row. */
  public enum Fate { KEPT, CHANGED, REMOVED }

  /** A row and its fate; the row is null when removed. */
  public record Outcome(Fate fate, Row row) {}

  /**
   * Applies a table's rules to one of its rows.
   */
  public static Outcome apply(List<Rule> rules, StructType schema, ErasureSubject subject, Row row) {
    int platformAt = schema.getFieldIndex("platform").isDefined() ? schema.fieldIndex("platform") : -1;
    String platform = platformAt < 0 || row.isNullAt(platformAt) ? null : row.getString(platformAt);
    Object[] values = new Object[row.length()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.get(i);
    }
    boolean changed = false;
    for (Rule rule : rules) {
      if (rule instanceof RemoveIfAuthor r) {
        if (subject.isAuthor(platform, (String) values[schema.fieldIndex(r.column())])) {
          return new Outcome(Fate.REMOVED, null);
        }
      } else if (rule instanceof RemoveIfPost r) {
        if (subject.isPost(platform, (String) values[schema.fieldIndex(r.column())])) {
          return new Outcome(Fate.REMOVED, null);
        }
      } else if (rule instanceof RemoveIfGoneText r) {
        if (subject.isGoneText((String) values[schema.fieldIndex(r.column())])) {
          return new Outcome(Fate.REMOVED, null);
        }
      } else if (rule instanceof ClearIfAuthor r) {
        int at = schema.fieldIndex(r.column());
        if (subject.isAuthorOrHandle(platform, (String) values[at])) {
          values[at] = null;
          changed = true;
        }
      } else if (rule instanceof ClearIfEvidence r) {
        int link = schema.fieldIndex(r.link());
        int excerpt = schema.fieldIndex(r.excerpt());
        if (subject.isLink(platform, (String) values[link]) || subject.isExcerpt((String) values[excerpt])) {
          changed |= values[link] != null || values[excerpt] != null;
          values[link] = null;
          values[excerpt] = null;
        }
      } else if (rule instanceof ClearIfNamed r) {
        int at = schema.fieldIndex(r.column());
        if (subject.named((String) values[at])) {
          values[at] = null;
          changed = true;
        }
      } else if (rule instanceof RedactHandles r) {
        int at = schema.fieldIndex(r.column());
        String before = (String) values[at];
        String after = subject.redactHandles(platform, before);
        if (before != null && !before.equals(after)) {
          values[at] = after;
          changed = true;
        }
      } else if (rule instanceof RedactWords r) {
        int at = schema.fieldIndex(r.column());
        Object after = r.field() == null ? redact(values[at], subject)
            : redactField(values[at], ((StructType) ((ArrayType) schema.apply(r.column()).dataType()).elementType())
                .fieldIndex(r.field()), subject);
        if (after != values[at]) {
          values[at] = after;
          changed = true;
        }
      } else {
        int at = schema.fieldIndex(listColumn(rule));
        Object after = dropEntries(rule, values[at], subject, platform);
        if (after != values[at]) {
          values[at] = after;
          changed = true;
        }
      }
    }
    return changed ? new Outcome(Fate.CHANGED, RowFactory.create(values)) : new Outcome(Fate.KEPT, row);
  }

  private static String listColumn(Rule rule) {
    if (rule instanceof DropPeople r) {
      return r.column();
    } else if (rule instanceof DropHandles r) {
      return r.column();
    } else if (rule instanceof DropPosts r) {
      return r.column();
    } else if (rule instanceof DropLinks r) {
      return r.column();
    }
    throw new IllegalArgumentException("not a list rule: " + rule);
  }

  /** The list without the entries the rule drops; the same object when none is dropped. */
  private static Object dropEntries(Rule rule, Object list, ErasureSubject subject, String platform) {
    if (list == null) {
      return null;
    }
    List<Object> entries = javaList(list);
    List<Object> kept = new ArrayList<>(entries.size());
    for (Object e : entries) {
      String v = (String) e;
      boolean drop;
      if (rule instanceof DropPeople) {
        drop = subject.isPerson(v);
      } else if (rule instanceof DropHandles) {
        drop = subject.isAuthorOrHandle(platform, v);
      } else if (rule instanceof DropPosts) {
        drop = subject.isPostId(v);
      } else {
        drop = subject.isLink(platform, v);
      }
      if (!drop) {
        kept.add(e);
      }
    }
    return kept.size() == entries.size() ? list : scalaSeq(kept);
  }

  /** A value with every text in it redacted: a string, or a list or struct of them; the same object if unchanged. */
  static Object redact(Object value, ErasureSubject subject) {
    if (value instanceof String s) {
      String r = subject.redactWords(s);
      return r.equals(s) ? value : r;
    }
    if (value instanceof Row struct) {
      Object[] fields = new Object[struct.length()];
      boolean changed = false;
      for (int i = 0; i < fields.length; i++) {
        Object f = struct.get(i);
        fields[i] = redact(f, subject);
        changed |= fields[i] != f;
      }
      return changed ? RowFactory.create(fields) : value;
    }
    if (value instanceof scala.collection.Seq<?> || value instanceof List<?>) {
      List<Object> entries = javaList(value);
      List<Object> out = new ArrayList<>(entries.size());
      boolean changed = false;
      for (Object e : entries) {
        Object r = redact(e, subject);
        out.add(r);
        changed |= r != e;
      }
      return changed ? scalaSeq(out) : value;
    }
    return value;
  }

  /** A list of structs with the text in field {@code at} of each redacted; the same object if unchanged. */
  private static Object redactField(Object list, int at, ErasureSubject subject) {
    if (list == null) {
      return null;
    }
    List<Object> entries = javaList(list);
    List<Object> out = new ArrayList<>(entries.size());
    boolean changed = false;
    for (Object e : entries) {
      Row struct = (Row) e;
      Object before = struct == null || struct.isNullAt(at) ? null : struct.get(at);
      Object after = redact(before, subject);
      if (after == before) {
        out.add(e);
        continue;
      }
      Object[] fields = new Object[struct.length()];
      for (int i = 0; i < fields.length; i++) {
        fields[i] = i == at ? after : struct.get(i);
      }
      out.add(RowFactory.create(fields));
      changed = true;
    }
    return changed ? scalaSeq(out) : list;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> javaList(Object list) {
    if (list instanceof List<?> l) {
      return (List<Object>) l;
    }
    return new ArrayList<>(JavaConverters.seqAsJavaList((scala.collection.Seq<Object>) list));
  }

  private static scala.collection.Seq<Object> scalaSeq(List<Object> list) {
    return JavaConverters.asScalaBuffer(list).toList();
  }
}
