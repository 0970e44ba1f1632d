package io.listeningpost.ingest;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;

import io.listeningpost.core.AuthorProfile;
import io.listeningpost.core.Interaction;
import io.listeningpost.core.Post;
import io.listeningpost.core.QuarantineRecord;
import io.listeningpost.storage.Tables;
import io.listeningpost.ingest.read.SourceSplit;
import io.listeningpost.ingest.read.SplitReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Encodes adapter output as Spark's binary rows, one per record, laid out as {@link #schema(String)}:
 * the kind's ordinal, the columns of that kind of {@link Tables#PARSED_KINDS}, then a row id unique
 * within the run. The thin Spark adapter; {@link ParsedRecords} holds these rows for a run.
 *
 * <p>Binary rows, not objects: held objects cost the block manager's size estimate and the garbage
 * collector far more, and a binary row of one kind is scanned as that kind's table without decoding.
 */
final class ParsedRows {
  static final List<String> KINDS = List.copyOf(Tables.PARSED_KINDS.keySet());
  static final String KIND_COLUMN = "_kind";
  static final String RID_COLUMN = "_rid";

  private static final int POST = KINDS.indexOf("post");
  private static final int AUTHOR = KINDS.indexOf("author");
  private static final int INTERACTION = KINDS.indexOf("interaction");
  private static final int QUARANTINE = KINDS.indexOf("quarantine");
  private static final int FILE = KINDS.indexOf("file");

  /** Generated code, so made in each task and never serialized: one per parse partition. */
  private final UnsafeProjection[] projections = new UnsafeProjection[KINDS.size()];
  /** Null when privacy.pseudonymise is off. */
  private final Pseudonymiser pseudonymiser;
  /** Null when the erasure register is empty. */
  private final ErasureFilter erasure;

  ParsedRows(Pseudonymiser pseudonymiser, ErasureFilter erasure) {
    this.pseudonymiser = pseudonymiser;
    this.erasure = erasure;
  }

  /** The layout of the rows of one kind. */
  static StructType schema(String kind) {
    StructType columns = Tables.PARSED_KINDS.get(kind);
    if (columns == null) {
      throw new IllegalArgumentException(kind);
    }
    StructType s = new StructType().add(KIND_COLUMN, IntegerType, false);
    for (var f : columns.fields()) {
      s = s.add(f);
    }
    return s.add(RID_COLUMN, LongType, false);
  }

  /** The ordinal of a column of a kind in its rows. */
  static int column(String kind, String name) {
    return 1 + Tables.PARSED_KINDS.get(kind).fieldIndex(name);
  }

  /**
   * The rows of one split.
   *
   * @param firstRid the row id of the first row; the rest follow in order
   */
  List<InternalRow> of(SourceSplit split, SplitReader.Outcome outcome, CollectingSink sink, long firstRid) {
    String sourceName = split.source().name();
    String format = split.source().format().configName();
    List<InternalRow> out = new ArrayList<>(sink.posts.size() + sink.interactions.size() + sink.authors.size()
        + sink.quarantined.size() + 1);
    long rid = firstRid;
    out.add(row(FILE, rid++, split.path(), sourceName, format,
        outcome.mode().name().toLowerCase(java.util.Locale.ROOT), outcome.note(), split.start()));
    List<Interaction> interactions = new ArrayList<>(sink.interactions.size());
    Set<String> sharesOfErased = new HashSet<>();
    for (Interaction interaction : sink.interactions) {
      Interaction i = pseudonymiser == null ? interaction : pseudonymiser.interaction(interaction);
      interactions.add(i);
      if (erasure != null && erasure.sharesErased(i)) {
        sharesOfErased.add(i.postId());
      }
    }
    // Where each post is, so that an interaction refused for an erasure is quarantined at its post's record.
    Map<String, Post> postsById = erasure == null ? Map.of() : new HashMap<>();
    for (Post post : sink.posts) {
      Post p = pseudonymiser == null ? post : pseudonymiser.post(post);
      if (erasure != null) {
        postsById.put(p.postId(), p);
        String refusal = erasure.refusal(p, sharesOfErased);
        if (refusal != null) {
          out.add(row(QUARANTINE, rid++, p.source(), format, sourceName, Tables.POSTS, p.position(), null, refusal));
          continue;
        }
        p = erasure.redacted(p);
      }
      out.add(row(POST, rid++, p.platform(), p.community(), p.postId(), p.parentId(), p.threadId(),
          p.kind().label(), p.authorId(), p.authorName(), p.createdAt(), p.editedAt(), p.title(), p.text(),
          p.textTruncated(), p.url(), p.score(), p.replyCount(), p.shareCount(), p.mentions(), p.hashtags(),
          p.links(), p.lang(), p.isQuestion(), p.source(), p.position()));
    }
    for (AuthorProfile author : sink.authors) {
      AuthorProfile a = pseudonymiser == null ? author : pseudonymiser.author(author);
      String refusal = erasure == null ? null : erasure.refusal(a);
      if (refusal != null) {
        out.add(row(QUARANTINE, rid++, a.source(), format, sourceName, Tables.AUTHORS, null, null, refusal));
        continue;
      }
      out.add(row(AUTHOR, rid++, a.platform(), a.authorId(), a.name(), a.accountCreatedAt(), a.observedAt(),
          a.reputation(), a.followers(), a.following(), a.location(), a.source()));
    }
    for (Interaction read : interactions) {
      Interaction i = read;
      if (erasure != null) {
        String refusal = erasure.refusal(i);
        if (refusal != null) {
          Post from = postsById.get(i.postId());
          out.add(row(QUARANTINE, rid++, from == null ? split.path() : from.source(), format, sourceName,
              Tables.INTERACTIONS, from == null ? null : from.position(), null, refusal));
          continue;
        }
        i = erasure.redacted(i);
      }
      out.add(row(INTERACTION, rid++, i.platform(), i.srcAuthor(), i.dstAuthor(), i.kind().label(), i.postId(),
          i.dstPostId(), i.community(), i.createdAt()));
    }
    for (QuarantineRecord record : sink.quarantined) {
      QuarantineRecord q = pseudonymiser == null ? record : pseudonymiser.quarantine(record);
      out.add(row(QUARANTINE, rid++, q.source(), q.format(), sourceName, q.table(), q.position(), q.excerpt(),
          q.reason()));
    }
    return out;
  }

  private InternalRow row(int kind, long rid, Object... values) {
    Object[] cells = new Object[values.length + 2];
    cells[0] = kind;
    for (int i = 0; i < values.length; i++) {
      cells[i + 1] = internal(values[i]);
    }
    cells[values.length + 1] = rid;
    UnsafeProjection p = projections[kind];
    if (p == null) {
      p = UnsafeProjection.create(schema(KINDS.get(kind)));
      projections[kind] = p;
    }
    // The projection reuses its buffer, so each row is copied out.
    return p.apply(new GenericInternalRow(cells)).copy();
  }

  /** Spark's internal value of a record field: strings as UTF-8, times as microseconds, lists as arrays. */
  private static Object internal(Object v) {
    if (v instanceof String s) {
      return UTF8String.fromString(s);
    }
    if (v instanceof Instant t) {
      return DateTimeUtils.instantToMicros(t);
    }
    if (v instanceof List<?> list) {
      Object[] items = new Object[list.size()];
      for (int i = 0; i < items.length; i++) {
        items[i] = UTF8String.fromString((String) list.get(i));
      }
      return new GenericArrayData(items);
    }
    return v;
  }
}
