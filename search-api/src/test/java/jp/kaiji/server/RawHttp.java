package jp.kaiji.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Sends exactly the bytes given as one HTTP/1.1 request on a fresh loopback connection and reads
 * the status of the answer: the only client that can send what a real client cannot (invalid UTF-8
 * in a path, a wrong Content-Length, odd headers).
 */
final class RawHttp {
  /** No answer: the server closed the connection without a status line. */
  static final int NO_ANSWER = -1;

  private RawHttp() {}

  /** The request's bytes: the head (lines joined by CRLF) and the body. */
  static byte[] request(String head, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length + 4);
    out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** The status code of the answer, or {@link #NO_ANSWER}. */
  static int status(int port, byte[] request) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      try {
        out.write(request);
        out.flush();
        s.shutdownOutput();
      } catch (IOException e) {
        // The server answered and closed before reading everything (e.g. 413): read the answer.
      }
      InputStream in = s.getInputStream();
      byte[] line = new byte[12];
      int n = 0;
      try {
        while (n < line.length) {
          int r = in.read(line, n, line.length - n);
          if (r < 0) {
            break;
          }
          n += r;
        }
      } catch (SocketTimeoutException e) {
        throw e;
      } catch (IOException e) {
        // reset after an early answer
      }
      if (n < 12) {
        return NO_ANSWER;
      }
      String status = new String(line, StandardCharsets.ISO_8859_1);
      if (!status.startsWith("HTTP/1.")) {
        throw new IOException("not an HTTP answer: " + status);
      }
      return Integer.parseInt(status.substring(9, 12));
    }
  }
}
