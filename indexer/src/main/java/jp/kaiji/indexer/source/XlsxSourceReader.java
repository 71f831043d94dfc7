package jp.kaiji.indexer.source;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import jp.kaiji.catalog.XlsxLocation;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.SAXException;

/**
 * Reads one sheet of an Excel workbook (.xlsx) as a stream: the sheet's XML is pulled row by row
 * (StAX over POI's {@link XSSFReader}), never loaded whole, so memory does not grow with the number
 * of rows. What is held is the workbook's shared-string table (its distinct texts) and its styles,
 * as in every streaming reader of the format.
 *
 * <p>Cells as Excel typed them ({@link XlsxCells}): numbers, dates (a number with a date format) as
 * ISO text, booleans, a formula's cached value; an empty cell is an absent value in its column.
 * Rows before the header and between it and the first data row are skipped, and so are rows with no
 * value at all. The row number is Excel's. The original is the row as a JSON object in header
 * order, types kept.
 */
final class XlsxSourceReader implements SourceReader {
  private static final XMLInputFactory XML = XMLInputFactory.newFactory();

  static {
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  private final String name;
  private final String where;
  private final OPCPackage pkg;
  private final InputStream sheetStream;
  private final XMLStreamReader xml;
  private final XlsxCells cells;
  private final XlsxLocation location;
  private final List<String> columns;

  XlsxSourceReader(String name, Path file, XlsxLocation location) {
    this.name = name;
    this.location = location;
    this.where =
        "source '" + name + "': " + file.getFileName() + " sheet '" + location.sheet() + "'";
    OPCPackage p = null;
    try {
      p = OPCPackage.open(file.toFile(), PackageAccess.READ);
      XSSFReader reader = new XSSFReader(p);
      StylesTable styles = reader.getStylesTable();
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(p, false);
      this.cells = new XlsxCells(strings, styles, date1904(reader));
      this.sheetStream = sheet(reader);
      this.xml = XML.createXMLStreamReader(sheetStream);
      this.pkg = p;
      this.columns = header();
    } catch (IOException
        | OpenXML4JException
        | SAXException
        | XMLStreamException
        | RuntimeException e) {
      if (p != null) {
        p.revert();
      }
      if (e instanceof SourceUnavailableException s) {
        throw s;
      }
      throw new SourceUnavailableException(
          where + ": cannot read the workbook: " + e.getClass().getSimpleName(), e);
    }
  }

  private InputStream sheet(XSSFReader reader) throws IOException, OpenXML4JException {
    XSSFReader.SheetIterator it = reader.getSheetIterator();
    List<String> names = new ArrayList<>();
    while (it.hasNext()) {
      InputStream in = it.next();
      if (it.getSheetName().equals(location.sheet())) {
        return in;
      }
      names.add(it.getSheetName());
      in.close();
    }
    throw new SourceUnavailableException(
        where + ": the workbook has no such sheet (sheets: " + String.join(", ", names) + ")");
  }

  /** Whether the workbook counts dates from 1904 (old Mac Excel) instead of 1900. */
  private static boolean date1904(XSSFReader reader)
      throws IOException, OpenXML4JException, XMLStreamException {
    try (InputStream in = reader.getWorkbookData()) {
      XMLStreamReader x = XML.createXMLStreamReader(in);
      while (x.hasNext()) {
        if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("workbookPr")) {
          String v = x.getAttributeValue(null, "date1904");
          return "1".equals(v) || "true".equals(v);
        }
        if (x.isStartElement() && x.getLocalName().equals("sheets")) {
          return false;
        }
      }
      return false;
    }
  }

  /** Reads up to the header row; its texts are the column names. */
  private List<String> header() throws XMLStreamException {
    while (true) {
      XlsxCells.Row row = cells.nextRow(xml);
      if (row == null || row.number() > location.header()) {
        throw new SourceUnavailableException(
            where + ": no header row " + location.header() + " (the sheet ends before it)");
      }
      if (row.number() < location.header()) {
        continue;
      }
      List<String> out = new ArrayList<>();
      for (int c = 0; c < row.values().size(); c++) {
        Object v = row.values().get(c);
        String text = v == null ? "" : XlsxCells.text(v).strip();
        if (text.isEmpty()) {
          out.add(null);
          continue;
        }
        if (out.contains(text)) {
          throw new SourceUnavailableException(
              where
                  + " row "
                  + row.number()
                  + " column "
                  + XlsxCells.columnName(c)
                  + ": header '"
                  + text
                  + "' appears twice");
        }
        out.add(text);
      }
      while (!out.isEmpty() && out.getLast() == null) {
        out.removeLast();
      }
      return java.util.Collections.unmodifiableList(out);
    }
  }

  /** The header's names; a column with a blank header cell is not read. */
  @Override
  public List<String> columns() {
    return columns.stream().filter(java.util.Objects::nonNull).toList();
  }

  @Override
  public Optional<SourceItem> next() {
    while (true) {
      XlsxCells.Row row;
      try {
        row = cells.nextRow(xml);
      } catch (XlsxCells.BadCell e) {
        return Optional.of(
            new SourceItem.MalformedRow(
                e.row, "xlsx.cell", e.getMessage() + " (sheet '" + location.sheet() + "')"));
      } catch (XMLStreamException | RuntimeException e) {
        throw new SourceUnavailableException(
            where + ": reading failed: " + e.getClass().getSimpleName(), e);
      }
      if (row == null) {
        return Optional.empty();
      }
      if (row.number() < location.firstData()) {
        continue;
      }
      LinkedHashMap<String, String> fields = LinkedHashMap.newLinkedHashMap(columns.size());
      ObjectNode original = JsonNodeFactory.instance.objectNode();
      boolean any = false;
      for (int c = 0; c < columns.size(); c++) {
        String column = columns.get(c);
        if (column == null) {
          continue;
        }
        Object v = c < row.values().size() ? row.values().get(c) : null;
        any |= v != null;
        fields.put(column, v == null ? null : XlsxCells.text(v));
        original.set(column, XlsxCells.json(v));
      }
      if (any) {
        return Optional.of(
            new SourceItem.SourceRow(row.number(), fields, Optional.of(original.toString())));
      }
    }
  }

  @Override
  public void close() {
    try {
      xml.close();
      sheetStream.close();
    } catch (XMLStreamException | IOException e) {
      // Read-only: nothing to lose.
    } finally {
      pkg.revert(); // closes a read-only package without writing it
    }
  }

  @Override
  public String toString() {
    return "xlsx source " + name;
  }
}
