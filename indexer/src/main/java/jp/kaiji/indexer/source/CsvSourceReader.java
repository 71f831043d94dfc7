package jp.kaiji.indexer.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file with a header row (RFC 4180: quoted fields, doubled quotes, embedded newlines).
 *
 * <p>The file is first cut into records here (a newline outside quotes ends a record), and each
 * record is then parsed by Commons CSV on its own. That way a broken record (a stray quote, a wrong
 * column count, an undecodable byte) is quarantined with its line number and the next record is
 * read normally. An unterminated quote would swallow the rest of the file: its first line is
 * quarantined and reading resumes at the next line.
 */
final class CsvSourceReader implements SourceReader {
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(false).get();

  private final String name;
  private final Reader in;
  private final char[] buf = new char[64 * 1024];
  private int pos;
  private int limit;
  private String replay = "";
  private int replayPos;
  private long line = 1;
  private final List<String> columns;

  /**
   * Opens the file and reads its header.
   *
   * @param name how messages name the source (its id)
   */
  public CsvSourceReader(String name, Path file, Charset charset) {
    this.name = name;
    InputStream stream;
    try {
      stream = Files.newInputStream(file);
    } catch (IOException e) {
      throw new SourceUnavailableException(
          "source '" + name + "': cannot open " + file + ": " + e.getClass().getSimpleName(), e);
    }
    this.in = new DecodingReader(stream, charset);
    Optional<Raw> header = nextRaw();
    if (header.isEmpty()) {
      this.columns = List.of();
      return;
    }
    Raw h = header.get();
    if (h.text.indexOf(DecodingReader.MALFORMED) >= 0) {
      close();
      throw new SourceUnavailableException(
          "source '" + name + "': the header line is not valid " + charset.name());
    }
    List<String> cols;
    try {
      cols = parse(h.text);
    } catch (RuntimeException e) {
      close();
      throw new SourceUnavailableException(
          "source '" + name + "': the header line is not valid CSV", e);
    }
    if (new HashSet<>(cols).size() != cols.size()) {
      close();
      throw new SourceUnavailableException(
          "source '" + name + "': the header names a column twice");
    }
    this.columns = List.copyOf(cols);
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public Optional<SourceItem> next() {
    while (true) {
      Optional<Raw> raw = nextRaw();
      if (raw.isEmpty()) {
        return Optional.empty();
      }
      Raw r = raw.get();
      if (r.text.isEmpty()) {
        continue; // a blank line is no record
      }
      if (r.unterminated) {
        return Optional.of(
            new SourceItem.MalformedRow(
                r.line, "csv.unterminated_quote", "a quoted field is never closed"));
      }
      if (r.text.indexOf(DecodingReader.MALFORMED) >= 0) {
        return Optional.of(
            new SourceItem.MalformedRow(
                r.line, "charset.malformed", "bytes that are not valid in the source's charset"));
      }
      List<String> values;
      try {
        values = parse(r.text);
      } catch (RuntimeException e) {
        return Optional.of(
            new SourceItem.MalformedRow(
                r.line, "csv.quote", "a quote in the wrong place (text after a closing quote)"));
      }
      if (values.size() != columns.size()) {
        return Optional.of(
            new SourceItem.MalformedRow(
                r.line,
                "csv.field_count",
                values.size() + " fields where the header has " + columns.size()));
      }
      LinkedHashMap<String, String> fields = LinkedHashMap.newLinkedHashMap(columns.size());
      for (int i = 0; i < values.size(); i++) {
        fields.put(columns.get(i), values.get(i));
      }
      return Optional.of(new SourceItem.SourceRow(r.line, fields));
    }
  }

  private static List<String> parse(String record) {
    // Most rows carry no quotes and no stray line breaks: for them RFC 4180 is a split on commas,
    // and a CSVParser per row (a fifth of the reading time) is not needed.
    if (record.indexOf('"') < 0 && record.indexOf('\r') < 0 && record.indexOf('\n') < 0) {
      List<String> out = new ArrayList<>();
      int from = 0;
      for (int comma = record.indexOf(','); comma >= 0; comma = record.indexOf(',', from)) {
        out.add(record.substring(from, comma));
        from = comma + 1;
      }
      out.add(record.substring(from));
      return out;
    }
    try (CSVParser parser = CSVParser.parse(record, FORMAT)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.size() != 1) {
        throw new IllegalArgumentException("not one record");
      }
      List<String> out = new ArrayList<>(records.getFirst().size());
      records.getFirst().forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Raw(long line, String text, boolean unterminated) {}

  /** Cuts the next record: up to a newline outside quotes. Strips the line terminator. */
  private Optional<Raw> nextRaw() {
    StringBuilder sb = new StringBuilder(256);
    long start = line;
    boolean quoted = false;
    boolean any = false;
    int c;
    while ((c = read()) >= 0) {
      any = true;
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\n') {
        line++;
        if (!quoted) {
          return Optional.of(new Raw(start, stripCr(sb), false));
        }
      }
      sb.append((char) c);
    }
    if (!any) {
      return Optional.empty();
    }
    if (quoted) {
      // Quarantine the first line only; the lines after it are read again as records.
      int nl = sb.indexOf("\n");
      if (nl >= 0) {
        replay =
            sb.substring(nl + 1) + (replayPos < replay.length() ? replay.substring(replayPos) : "");
        replayPos = 0;
        line = start + 1;
      }
      return Optional.of(new Raw(start, "x", true));
    }
    return Optional.of(new Raw(start, stripCr(sb), false));
  }

  private static String stripCr(StringBuilder sb) {
    int n = sb.length();
    if (n > 0 && sb.charAt(n - 1) == '\r') {
      sb.setLength(n - 1);
    }
    return sb.toString();
  }

  private int read() {
    if (replayPos < replay.length()) {
      return replay.charAt(replayPos++);
    }
    if (pos == limit) {
      try {
        limit = in.read(buf, 0, buf.length);
      } catch (IOException e) {
        throw new SourceUnavailableException(
            "source '"
                + name
                + "': read failed at line "
                + line
                + ": "
                + e.getClass().getSimpleName(),
            e);
      }
      pos = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
    }
    return buf[pos++];
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // Nothing was written; a failed close of a read-only file loses nothing.
    }
  }
}
