package io.listeningpost.ingest;

import io.listeningpost.core.AuthorProfile;
import io.listeningpost.core.Interaction;
import io.listeningpost.core.Post;
import io.listeningpost.core.QuarantineRecord;
import io.listeningpost.core.Tables;
import io.listeningpost.ingest.read.SourceSplit;
import io.listeningpost.ingest.read.SplitReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Maps adapter output to flat rows: the record kind, a row id unique within the run, then the columns
 * of every kind of {@link Tables#PARSED_KINDS} side by side, only those of the row's kind set. The thin
 * Spark adapter; {@link ParsedRecords} holds these rows for a run.
 */
final class ParsedRows {
  static final int KIND = 0;
  static final int RID = 1;
  private static final int WIDTH = offset(null);
  private static final int POST = offset("post");
  private static final int AUTHOR = offset("author");
  private static final int INTERACTION = offset("interaction");
  private static final int QUARANTINE = offset("quarantine");
  private static final int FILE = offset("file");

  private ParsedRows() {}

  /**
   * The rows of one split.
   *
   * @param firstRid the row id of the first row; the rest follow in order
   */
  static List<Row> of(SourceSplit split, SplitReader.Outcome outcome, CollectingSink sink, long firstRid) {
    String sourceName = split.source().name();
    List<Row> out = new ArrayList<>(sink.posts.size() + sink.interactions.size() + sink.authors.size()
        + sink.quarantined.size() + 1);
    long rid = firstRid;
    out.add(row("file", rid++, FILE, split.path(), sourceName, split.source().format().configName(),
        outcome.mode().name().toLowerCase(java.util.Locale.ROOT), outcome.note(), split.start()));
    for (Post p : sink.posts) {
      out.add(row("post", rid++, POST, p.platform(), p.community(), p.postId(), p.parentId(), p.threadId(),
          p.kind().label(), p.authorId(), p.authorName(), ts(p.createdAt()), ts(p.editedAt()), p.title(), p.text(),
          p.textTruncated(), p.url(), p.score(), p.replyCount(), p.shareCount(), p.mentions().toArray(new String[0]),
          p.hashtags().toArray(new String[0]), p.links().toArray(new String[0]), p.lang(), p.isQuestion(), p.source(),
          p.position()));
    }
    for (AuthorProfile a : sink.authors) {
      out.add(row("author", rid++, AUTHOR, a.platform(), a.authorId(), a.name(), ts(a.accountCreatedAt()),
          ts(a.observedAt()), a.reputation(), a.followers(), a.following(), a.location(), a.source()));
    }
    for (Interaction i : sink.interactions) {
      out.add(row("interaction", rid++, INTERACTION, i.platform(), i.srcAuthor(), i.dstAuthor(), i.kind().label(),
          i.postId(), i.dstPostId(), i.community(), ts(i.createdAt())));
    }
    for (QuarantineRecord q : sink.quarantined) {
      out.add(row("quarantine", rid++, QUARANTINE, q.source(), q.format(), sourceName, q.table(), q.position(),
          q.excerpt(), q.reason()));
    }
    return out;
  }

  private static Row row(String kind, long rid, int offset, Object... values) {
    Object[] cells = new Object[WIDTH];
    cells[KIND] = kind;
    cells[RID] = rid;
    System.arraycopy(values, 0, cells, offset, values.length);
    return RowFactory.create(cells);
  }

  /** Where the columns of a kind start in a row; for {@code null}, the row's width. */
  static int offset(String kind) {
    int at = 2;
    for (Map.Entry<String, StructType> k : Tables.PARSED_KINDS.entrySet()) {
      if (k.getKey().equals(kind)) {
        return at;
      }
      at += k.getValue().size();
    }
    if (kind == null) {
      return at;
    }
    throw new IllegalArgumentException(kind);
  }

  /** The index of a column of a kind in a row. */
  static int column(String kind, String name) {
    return offset(kind) + Tables.PARSED_KINDS.get(kind).fieldIndex(name);
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
