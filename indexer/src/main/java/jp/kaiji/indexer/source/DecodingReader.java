package jp.kaiji.indexer.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes bytes strictly: a byte sequence that is not valid in the charset becomes the marker
 * {@link #MALFORMED} (U+FFFF, a Unicode noncharacter never found in interchanged text) instead of a
 * silent U+FFFD, so that a reader above can quarantine exactly the record that holds it. A leading
 * UTF-8 byte-order mark is skipped.
 */
final class DecodingReader extends Reader {
  /** Stands in for every undecodable byte sequence. */
  static final char MALFORMED = '\uFFFF';

  private final InputStream in;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
  private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
  private final boolean utf8;
  private boolean eof;
  private boolean flushed;
  private boolean first = true;

  DecodingReader(InputStream in, Charset charset) {
    this.in = in;
    this.decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    this.utf8 = charset.equals(StandardCharsets.UTF_8);
    bytes.flip();
    chars.flip();
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (flushed) {
        return -1;
      }
      fill();
    }
    int n = Math.min(len, chars.remaining());
    chars.get(buf, off, n);
    return n;
  }

  private void fill() throws IOException {
    chars.clear();
    try {
      while (chars.position() == 0) {
        if (!eof && bytes.remaining() < 16) {
          bytes.compact();
          int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
          if (r < 0) {
            eof = true;
          } else {
            bytes.position(bytes.position() + r);
          }
          bytes.flip();
        }
        CoderResult result = decoder.decode(bytes, chars, eof);
        if (result.isError()) {
          bytes.position(bytes.position() + result.length());
          chars.put(MALFORMED);
        } else if (eof && !bytes.hasRemaining()) {
          decoder.flush(chars);
          flushed = true;
          break;
        }
      }
    } finally {
      chars.flip();
    }
    if (first && chars.hasRemaining()) {
      first = false;
      if (utf8 && chars.get(chars.position()) == '\uFEFF') {
        chars.get();
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
