package io.listeningpost.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the lines of one split as UTF-8, without ever holding more than {@code maxLineBytes} of a
 * line: longer lines are skipped to their end and reported as oversized. Invalid UTF-8 becomes
 * U+FFFD rather than an error, so one bad byte costs one character, not a record.
 */
public final class LineReader {
  private final InputStream in;
  private final long end;
  private final int maxLineBytes;
  private final byte[] buf = new byte[1 << 16];
  private int bufLen;
  private int bufPos;
  private long pos;
  private byte[] line = new byte[1024];
  private int lineLen;

  /** Where the line returned last starts, in bytes from the start of the file. */
  private long lineStart;
  private long lineBytes;
  private boolean oversized;

  /**
   * @param in a stream positioned at {@code start} (or at {@code start - 1} when start > 0, so that a
   *     line starting exactly at the split boundary is found)
   */
  public LineReader(InputStream in, long start, long end, int maxLineBytes) throws IOException {
    this.in = in;
    this.end = end;
    this.maxLineBytes = maxLineBytes;
    if (start > 0) {
      this.pos = start - 1;
      int b;
      while ((b = read()) >= 0 && b != '\n') {
        // the partial line belongs to the previous split
      }
    } else {
      this.pos = 0;
    }
  }

  /** The next line owned by this split, or null. Check {@link #oversized()} before using it. */
  public String next() throws IOException {
    while (pos < end) {
      lineStart = pos;
      lineLen = 0;
      lineBytes = 0;
      oversized = false;
      int b;
      boolean any = false;
      while ((b = read()) >= 0) {
        any = true;
        if (b == '\n') {
          break;
        }
        lineBytes++;
        if (lineBytes <= maxLineBytes) {
          if (lineLen == line.length) {
            line = Arrays.copyOf(line, Math.min(Math.max(line.length * 2, 1024), maxLineBytes));
          }
          line[lineLen++] = (byte) b;
        } else {
          oversized = true;
        }
      }
      if (!any) {
        return null;
      }
      int len = lineLen;
      if (len > 0 && line[len - 1] == '\r') {
        len--;
      }
      int off = 0;
      if (lineStart == 0 && len >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF) {
        off = 3;
      }
      return new String(line, off, len - off, StandardCharsets.UTF_8);
    }
    return null;
  }

  public long lineStart() {
    return lineStart;
  }

  /** True when the last line was longer than the limit; {@link #next()} then returned only its head. */
  public boolean oversized() {
    return oversized;
  }

  public long lineBytes() {
    return lineBytes;
  }

  private int read() throws IOException {
    if (bufPos == bufLen) {
      bufLen = in.read(buf, 0, buf.length);
      bufPos = 0;
      if (bufLen <= 0) {
        bufLen = 0;
        return -1;
      }
    }
    pos++;
    return buf[bufPos++] & 0xff;
  }
}
