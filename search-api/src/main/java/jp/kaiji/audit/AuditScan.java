package jp.kaiji.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import jp.kaiji.normalize.Hashes;

/**
 * One pass over an audit log file: checks every line's hash and link against the one before it and
 * against the head the request store recorded, and finds what {@link AuditLog#open} must drop (a
 * torn last line, entries of a store transaction that never committed).
 *
 * @param verification the chain's verdict
 * @param completeBytes bytes up to the end of the last complete line
 * @param tornBytes bytes of a partial last line
 * @param uncommittedTail trailing {@code txn} entries past the anchored head
 * @param anyTxn whether any line was written inside a store transaction
 */
record AuditScan(
    AuditLog.Verification verification,
    long completeBytes,
    long tornBytes,
    Optional<AuditScan.Tail> uncommittedTail,
    boolean anyTxn) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Trailing {@code txn} entries past the anchored head: from {@code offset}, seq first on. */
  record Tail(long offset, long firstSeq, String prevHash) {}

  static AuditScan scan(Path file, Optional<AuditLog.Head> anchor) throws IOException {
    if (!Files.exists(file)) {
      AuditLog.Verification v =
          new AuditLog.Verification(0, AuditLog.GENESIS, Optional.empty(), Optional.empty());
      return new AuditScan(anchored(v, anchor, Optional.empty()), 0, 0, Optional.empty(), false);
    }
    String prev = AuditLog.GENESIS;
    long n = 0;
    long offset = 0;
    Optional<String> hashAtAnchor = Optional.empty();
    Optional<Tail> tail = Optional.empty();
    boolean anyTxn = false;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream(512);
      int b;
      while (true) {
        buf.reset();
        boolean newline = false;
        while ((b = in.read()) != -1) {
          if (b == '\n') {
            newline = true;
            break;
          }
          buf.write(b);
        }
        if (!newline) {
          long torn = buf.size();
          AuditLog.Verification v =
              new AuditLog.Verification(n, prev, Optional.empty(), Optional.empty());
          return new AuditScan(anchored(v, anchor, hashAtAnchor), offset, torn, tail, anyTxn);
        }
        long lineStart = offset;
        offset += buf.size() + 1;
        n++;
        String text = buf.toString(StandardCharsets.UTF_8);
        ObjectNode line;
        try {
          line = (ObjectNode) JSON.readTree(text);
        } catch (IOException | ClassCastException e) {
          return brokenScan(n, prev, "not a JSON object");
        }
        if (line == null) {
          return brokenScan(n, prev, "not a JSON object");
        }
        String hash = line.path("hash").asText("");
        if (!prev.equals(line.path("prev").asText(""))) {
          return brokenScan(n, prev, "does not link to the line before it");
        }
        if (line.path("seq").asLong(-1) != n) {
          return brokenScan(
              n, prev, "sequence number is " + line.path("seq").asText() + ", expected " + n);
        }
        boolean txn = line.path("txn").asBoolean(false);
        anyTxn |= txn;
        line.remove("hash");
        if (!hash.equals(Hashes.sha256Hex(canonical(line)))) {
          return brokenScan(n, prev, "content does not match its hash");
        }
        if (anchor.isPresent() && n == anchor.get().seq()) {
          hashAtAnchor = Optional.of(hash);
        }
        long anchored = anchor.map(AuditLog.Head::seq).orElse(Long.MAX_VALUE);
        if (txn && n > anchored) {
          if (tail.isEmpty()) {
            tail = Optional.of(new Tail(lineStart, n, prev));
          }
        } else {
          tail = Optional.empty();
        }
        prev = hash;
      }
    }
  }

  private static AuditScan brokenScan(long line, String prev, String problem) {
    return new AuditScan(broken(line, prev, problem), 0, 0, Optional.empty(), false);
  }

  private static AuditLog.Verification anchored(
      AuditLog.Verification v, Optional<AuditLog.Head> anchor, Optional<String> hashAtAnchor) {
    if (anchor.isEmpty() || anchor.get().seq() == 0) {
      return v;
    }
    AuditLog.Head h = anchor.get();
    if (v.entries() < h.seq()) {
      return new AuditLog.Verification(
          v.entries(),
          v.lastHash(),
          Optional.of(v.entries() + 1),
          Optional.of(
              "the log ends after "
                  + v.entries()
                  + " entries but the request store recorded entry "
                  + h.seq()
                  + ": entries were removed or the file was replaced"));
    }
    if (!hashAtAnchor.orElse("").equals(h.hash())) {
      return new AuditLog.Verification(
          h.seq() - 1,
          v.lastHash(),
          Optional.of(h.seq()),
          Optional.of("entry " + h.seq() + " differs from the one the request store recorded"));
    }
    return v;
  }

  private static AuditLog.Verification broken(long line, String prev, String problem) {
    return new AuditLog.Verification(line - 1, prev, Optional.of(line), Optional.of(problem));
  }

  // Jackson writes an ObjectNode's fields in insertion order, which is stable for lines we write
  // and for lines read back, so the serialized text is a canonical form here.
  static String canonical(ObjectNode line) {
    try {
      return JSON.writeValueAsString(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
