package jp.kaiji.indexer.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * Turns the cells of a sheet's XML ({@code <row><c r="B3" t="s" s="2"><v>…</v></c>}) into values as
 * Excel typed them: {@link String}, {@link BigDecimal}, {@link Boolean}, {@link LocalDate} / {@link
 * LocalDateTime} (a number whose format is a date format), or {@link CellError} (#N/A …). A formula
 * cell is its cached value.
 */
final class XlsxCells {
  /** One sheet row: Excel's row number and its cells by column position (null where empty). */
  record Row(long number, List<Object> values) {}

  /** A formula error shown in the cell, e.g. {@code #N/A}: kept in the original, never a value. */
  record CellError(String text) {}

  /** A cell whose content contradicts its type; the row is quarantined. */
  static final class BadCell extends RuntimeException {
    final long row;

    BadCell(long row, String message) {
      super(message, null, false, false);
      this.row = row;
    }
  }

  private final SharedStrings strings;
  private final StylesTable styles;
  private final boolean date1904;
  private final Map<Integer, Boolean> dateStyles = new HashMap<>();
  private long lastRow;

  XlsxCells(SharedStrings strings, StylesTable styles, boolean date1904) {
    this.strings = strings;
    this.styles = styles;
    this.date1904 = date1904;
  }

  /** The next {@code <row>} of the sheet, or null at its end. */
  Row nextRow(XMLStreamReader x) throws XMLStreamException {
    while (x.hasNext()) {
      int e = x.next();
      if (e == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("row")) {
        String r = x.getAttributeValue(null, "r");
        long number = r == null ? lastRow + 1 : Long.parseLong(r);
        lastRow = number;
        return readRow(x, number);
      }
      if (e == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("sheetData")) {
        return null;
      }
    }
    return null;
  }

  private Row readRow(XMLStreamReader x, long number) throws XMLStreamException {
    List<Object> values = new ArrayList<>();
    BadCell bad = null;
    int col = -1;
    while (x.hasNext()) {
      int e = x.next();
      if (e == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("row")) {
        break;
      }
      if (e != XMLStreamConstants.START_ELEMENT || !x.getLocalName().equals("c")) {
        continue;
      }
      String ref = x.getAttributeValue(null, "r");
      col = ref == null ? col + 1 : columnIndex(ref);
      String type = x.getAttributeValue(null, "t");
      String style = x.getAttributeValue(null, "s");
      String raw = cellText(x);
      while (values.size() <= col) {
        values.add(null);
      }
      try {
        values.set(col, raw == null ? null : value(type, style, raw));
      } catch (RuntimeException ex) {
        bad =
            bad != null
                ? bad
                : new BadCell(
                    number,
                    "row "
                        + number
                        + " column "
                        + columnName(col)
                        + ": a cell of type "
                        + (type == null ? "n" : type)
                        + " that cannot be read");
      }
    }
    if (bad != null) {
      throw bad;
    }
    return new Row(number, values);
  }

  /**
   * The text of a cell's {@code <v>} or inline {@code <is>} (phonetic runs left out); null if none.
   */
  private static String cellText(XMLStreamReader x) throws XMLStreamException {
    StringBuilder v = null;
    boolean inValue = false;
    int phonetic = 0;
    while (x.hasNext()) {
      int e = x.next();
      if (e == XMLStreamConstants.START_ELEMENT) {
        switch (x.getLocalName()) {
          case "v", "t" -> {
            inValue = phonetic == 0;
            v = v == null && inValue ? new StringBuilder() : v;
          }
          case "rPh" -> phonetic++;
          default -> {}
        }
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        switch (x.getLocalName()) {
          case "c" -> {
            return v == null ? null : v.toString();
          }
          case "v", "t" -> inValue = false;
          case "rPh" -> phonetic--;
          default -> {}
        }
      } else if (inValue && (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA)) {
        v.append(x.getText());
      }
    }
    return v == null ? null : v.toString();
  }

  private Object value(String type, String style, String raw) {
    return switch (type == null ? "n" : type) {
      case "s" -> strings.getItemAt(Integer.parseInt(raw.strip())).getString();
      case "inlineStr", "str", "d" -> raw;
      case "b" -> raw.strip().equals("1") || raw.strip().equalsIgnoreCase("true");
      case "e" -> new CellError(raw);
      case "n" -> number(style, raw.strip());
      default -> throw new IllegalArgumentException("unknown cell type");
    };
  }

  private Object number(String style, String raw) {
    if (raw.isEmpty()) {
      return null;
    }
    BigDecimal n = new BigDecimal(raw);
    if (style != null && isDateStyle(Integer.parseInt(style))) {
      double d = n.doubleValue();
      if (DateUtil.isValidExcelDate(d)) {
        LocalDateTime t = DateUtil.getLocalDateTime(d, date1904, true);
        return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate() : t;
      }
    }
    return n;
  }

  private boolean isDateStyle(int index) {
    return dateStyles.computeIfAbsent(
        index,
        i -> {
          if (styles == null || i >= styles.getNumCellStyles()) {
            return false;
          }
          XSSFCellStyle s = styles.getStyleAt(i);
          return s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString());
        });
  }

  /** A value as the normalizers read it: numbers without exponent or trailing zeros, ISO dates. */
  static String text(Object v) {
    return switch (v) {
      case null -> null;
      case BigDecimal n -> plain(n);
      case Boolean b -> b.toString();
      case CellError e -> null;
      default -> v.toString();
    };
  }

  /** A value in the original: numbers as JSON numbers, dates as ISO text, errors as their text. */
  static JsonNode json(Object v) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (v) {
      case null -> f.nullNode();
      case BigDecimal n -> integral(n) ? f.numberNode(n.longValueExact()) : f.numberNode(n);
      case Boolean b -> f.booleanNode(b);
      case CellError e -> f.textNode(e.text());
      default -> f.textNode(v.toString());
    };
  }

  private static boolean integral(BigDecimal n) {
    BigDecimal s = n.stripTrailingZeros();
    return s.scale() <= 0 && s.precision() - s.scale() <= 18;
  }

  private static String plain(BigDecimal n) {
    return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
  }

  /** {@code "B3"} → 1. */
  static int columnIndex(String ref) {
    int c = 0;
    for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
      c = c * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
    }
    return c - 1;
  }

  /** 1 → {@code "B"}. */
  static String columnName(int index) {
    StringBuilder b = new StringBuilder();
    for (int c = index + 1; c > 0; c = (c - 1) / 26) {
      b.insert(0, (char) ('A' + (c - 1) % 26));
    }
    return b.toString();
  }
}
