package io.listeningpost.ingest;

import io.listeningpost.core.AuthorProfile;
import io.listeningpost.core.Interaction;
import io.listeningpost.core.Post;
import io.listeningpost.core.QuarantineRecord;
import io.listeningpost.ingest.read.SourceSplit;
import io.listeningpost.ingest.read.SplitReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Maps adapter output to rows of {@link io.listeningpost.core.Tables#PARSED}: the thin Spark adapter. */
final class ParsedRows {
  private ParsedRows() {}

  static List<Row> of(SourceSplit split, SplitReader.Outcome outcome, CollectingSink sink) {
    String sourceName = split.source().name();
    List<Row> out = new ArrayList<>(sink.posts.size() + sink.interactions.size() + sink.authors.size() + 1);
    out.add(RowFactory.create("file", null, null, null, null, RowFactory.create(split.path(), sourceName,
        split.source().format().configName(), outcome.mode().name().toLowerCase(java.util.Locale.ROOT),
        outcome.note(), split.start())));
    for (Post p : sink.posts) {
      out.add(RowFactory.create("post", post(p), null, null, null, null));
    }
    for (AuthorProfile a : sink.authors) {
      out.add(RowFactory.create("author", null, RowFactory.create(a.platform(), a.authorId(), a.name(),
          ts(a.accountCreatedAt()), ts(a.observedAt()), a.reputation(), a.followers(), a.following(), a.location(),
          a.source()), null, null, null));
    }
    for (Interaction i : sink.interactions) {
      out.add(RowFactory.create("interaction", null, null, RowFactory.create(i.platform(), i.srcAuthor(),
          i.dstAuthor(), i.kind().label(), i.postId(), i.dstPostId(), i.community(), ts(i.createdAt())), null, null));
    }
    for (QuarantineRecord q : sink.quarantined) {
      out.add(RowFactory.create("quarantine", null, null, null, RowFactory.create(q.source(), q.format(), sourceName,
          q.table(), q.position(), q.excerpt(), q.reason()), null));
    }
    return out;
  }

  private static Row post(Post p) {
    return RowFactory.create(p.platform(), p.community(), p.postId(), p.parentId(), p.threadId(), p.kind().label(),
        p.authorId(), p.authorName(), ts(p.createdAt()), ts(p.editedAt()), p.title(), p.text(), p.textTruncated(),
        p.url(), p.score(), p.replyCount(), p.shareCount(), p.mentions().toArray(new String[0]),
        p.hashtags().toArray(new String[0]), p.links().toArray(new String[0]), p.lang(), p.isQuestion(), p.source(),
        p.position());
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
