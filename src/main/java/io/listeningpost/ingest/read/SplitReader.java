package io.listeningpost.ingest.read;

import io.listeningpost.core.config.IngestLimits;
import io.listeningpost.ingest.RecordSink;
import io.listeningpost.ingest.SourceAdapter;
import io.listeningpost.ingest.SourceContext;
import io.listeningpost.ingest.adapters.Adapters;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Reads one split with its format's adapter and turns every failure into a quarantine row with a
 * position, so that a bad record or a bad file never stops the run nor disappears.
 */
public final class SplitReader {
  /** How much of a file the adapter sees to choose its layout. */
  static final int HEAD_BYTES = 64 * 1024;

  private final InputOpener opener;
  private final IngestLimits limits;

  public SplitReader(InputOpener opener, IngestLimits limits) {
    this.opener = opener;
    this.limits = limits;
  }

  /** What reading one split gave, besides the records sent to the sink. */
  public record Outcome(SourceAdapter.Mode mode, String note) {}

  public Outcome read(SourceSplit split, RecordSink sink) {
    SourceContext ctx = new SourceContext(split.source(), split.path(), limits);
    SourceAdapter adapter = Adapters.forFormat(split.source().format());
    try (InputStream raw = opener.open(split.path(), 0)) {
      PushbackInputStream in = new PushbackInputStream(raw, HEAD_BYTES);
      byte[] head = in.readNBytes(HEAD_BYTES);
      in.unread(head);
      SourceAdapter.Layout layout = adapter.layout(ctx.fileName(), new String(head, StandardCharsets.UTF_8));
      switch (layout.mode()) {
        case IGNORED -> {
          return new Outcome(SourceAdapter.Mode.IGNORED, layout.note());
        }
        case LINES -> {
          if (split.start() == 0) {
            readLines(in, split, adapter, ctx, sink);
          } else {
            in.close();
            try (InputStream at = opener.open(split.path(), split.start() - 1)) {
              readLines(at, split, adapter, ctx, sink);
            }
          }
        }
        case DOCUMENT -> {
          if (split.start() == 0) {
            readDocument(in, split, adapter, ctx, sink);
          }
        }
        default -> throw new IllegalStateException(layout.mode().name());
      }
      return new Outcome(layout.mode(), null);
    } catch (IOException e) {
      sink.quarantine(ctx.quarantine("_files", "file", null, "unreadable: " + e));
      return new Outcome(SourceAdapter.Mode.IGNORED, "unreadable: " + e.getMessage());
    }
  }

  private void readLines(InputStream in, SourceSplit split, SourceAdapter adapter, SourceContext ctx,
      RecordSink sink) throws IOException {
    int maxLine = (int) Math.min(Integer.MAX_VALUE - 16, limits.maxRecordBytes());
    LineReader lines = new LineReader(in, split.start(), split.end(), maxLine);
    long lineNo = 0;
    String line;
    while ((line = lines.next()) != null) {
      lineNo++;
      String position = split.start() == 0 ? "line " + lineNo : "byte " + lines.lineStart();
      if (lines.oversized()) {
        sink.quarantine(ctx.quarantine(tableOf(ctx), position, line,
            "record of " + lines.lineBytes() + " bytes exceeds ingest.max-record-bytes = " + limits.maxRecordBytes()));
        continue;
      }
      if (line.isBlank()) {
        continue;
      }
      try {
        adapter.parseLine(line, position, ctx, sink);
      } catch (Exception e) {
        sink.quarantine(ctx.quarantine(tableOf(ctx), position, line, reason(e)));
      }
    }
  }

  private void readDocument(InputStream in, SourceSplit split, SourceAdapter adapter, SourceContext ctx,
      RecordSink sink) {
    if (split.fileLength() > limits.maxRecordBytes() && !(adapter instanceof StreamingDocuments)) {
      sink.quarantine(ctx.quarantine(tableOf(ctx), "file", null, "document of " + split.fileLength()
          + " bytes exceeds ingest.max-record-bytes = " + limits.maxRecordBytes()));
      return;
    }
    Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    try {
      adapter.parseDocument(reader, ctx, sink);
    } catch (Exception e) {
      sink.quarantine(ctx.quarantine(tableOf(ctx), "file", null, "rest of file unreadable: " + reason(e)));
    }
  }

  private static String tableOf(SourceContext ctx) {
    return ctx.fileName().equalsIgnoreCase("Users.xml") ? "authors" : "posts";
  }

  /** A readable one-line reason: the exception's message without Jackson's source dumps. */
  static String reason(Exception e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return e.getClass().getSimpleName();
    }
    int cut = m.indexOf("\n at [Source");
    if (cut > 0) {
      m = m.substring(0, cut);
    }
    m = m.replace('\n', ' ').strip();
    return m.length() > 300 ? m.substring(0, 300) + "…" : m;
  }

  /** Marks adapters whose documents are streamed element by element, so size alone is no risk. */
  public interface StreamingDocuments {}
}
