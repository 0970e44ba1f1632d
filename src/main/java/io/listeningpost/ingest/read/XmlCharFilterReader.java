package io.listeningpost.ingest.read;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Drops characters that XML 1.0 forbids (NUL and the other C0 controls but tab, CR and LF, and
 * U+FFFE/U+FFFF). A single such byte in a dump or feed would otherwise stop the parser for the
 * whole rest of the file.
 */
public final class XmlCharFilterReader extends FilterReader {
  public XmlCharFilterReader(Reader in) {
    super(in);
  }

  public static String filter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!allowed(s.charAt(i))) {
        StringBuilder b = new StringBuilder(s.length());
        for (int j = 0; j < s.length(); j++) {
          if (allowed(s.charAt(j))) {
            b.append(s.charAt(j));
          }
        }
        return b.toString();
      }
    }
    return s;
  }

  @Override
  public int read() throws IOException {
    int c;
    do {
      c = super.read();
    } while (c >= 0 && !allowed((char) c));
    return c;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    while (true) {
      int n = super.read(cbuf, off, len);
      if (n <= 0) {
        return n;
      }
      int w = off;
      for (int i = off; i < off + n; i++) {
        if (allowed(cbuf[i])) {
          cbuf[w++] = cbuf[i];
        }
      }
      if (w > off) {
        return w - off;
      }
    }
  }

  private static boolean allowed(char c) {
    return c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
  }
}
