package jp.kaiji.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One source's disclosed records as a CSV that Excel opens correctly: UTF-8 with a byte order mark
 * (without it Excel reads Shift_JIS and garbles Japanese), CRLF line ends, RFC 4180 quoting. The
 * header is every field of the records in first-seen order. A value that Excel would run as a
 * formula (starting with = + - @) gets a leading apostrophe; data.json keeps the exact value.
 */
final class Csv {
  static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private Csv() {}

  static byte[] write(List<JsonNode> records) {
    Set<String> columns = new LinkedHashSet<>();
    records.forEach(r -> r.fieldNames().forEachRemaining(columns::add));
    StringBuilder out = new StringBuilder();
    line(out, List.copyOf(columns));
    for (JsonNode r : records) {
      line(out, columns.stream().map(c -> PackageContents.text(r, c)).toList());
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(BOM);
    bytes.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
    return bytes.toByteArray();
  }

  private static void line(StringBuilder out, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(values.get(i)));
    }
    out.append("\r\n");
  }

  static String cell(String value) {
    String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
