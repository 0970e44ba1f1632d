package io.listeningpost.generate;

import java.io.Writer;

/** A Writer over a StringBuilder that, unlike StringWriter, is not synchronized. */
final class StringBuilderWriter extends Writer {
  private final StringBuilder sb = new StringBuilder(512);

  @Override
  public void write(char[] cbuf, int off, int len) {
    sb.append(cbuf, off, len);
  }

  @Override
  public void flush() { }

  @Override
  public void close() { }

  @Override
  public String toString() {
    return sb.toString();
  }
}
