package jp.kaiji.indexer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import jp.kaiji.catalog.XlsxLocation;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200,000-row sheet read in a separate JVM limited to a 64 MB heap: the sheet's XML is far larger
 * than that unpacked (about 1.6 million cells), so it passes only if the reader streams. The sheet
 * is written with inline strings (SXSSF's default); a workbook with a shared-string table also
 * holds that table, which grows with the number of distinct texts, not of rows.
 */
class XlsxLargeSheetTest {
  static final int ROWS = 200_000;

  @TempDir Path dir;

  @Test
  void aLargeSheetIsReadWithinA64MegabyteHeap() throws Exception {
    Path file = dir.resolve("large.xlsx");
    try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
      Sheet s = wb.createSheet("台帳");
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
      Row h = s.createRow(0);
      List<String> header = List.of("ID", "氏名", "カナ", "生年月日", "郵便番号", "住所", "電話", "金額");
      for (int i = 0; i < header.size(); i++) {
        h.createCell(i).setCellValue(header.get(i));
      }
      for (int r = 1; r <= ROWS; r++) {
        Row row = s.createRow(r);
        row.createCell(0).setCellValue("C" + r);
        row.createCell(1).setCellValue("山田 太郎" + r);
        row.createCell(2).setCellValue("ヤマダ タロウ");
        row.createCell(3).setCellValue(LocalDate.of(1950, 1, 1).plusDays(r % 20000));
        row.getCell(3).setCellStyle(date);
        row.createCell(4)
            .setCellValue("100-" + String.format(java.util.Locale.ROOT, "%04d", r % 10000));
        row.createCell(5).setCellValue("東京都千代田区千代田" + (r % 9 + 1) + "-" + (r % 30 + 1));
        row.createCell(6).setCellValue("090" + (10000000 + r));
        row.createCell(7).setCellValue(r * 100.5);
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                ReadSheet.class.getName(),
                file.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    System.out.println("XlsxLargeSheetTest: " + Files.size(file) / 1024 + " KB workbook, " + out);
    assertThat(out).doesNotContain("ERROR");
    assertThat(out).contains("rows=" + ROWS + " last=C" + ROWS + " born=");
  }

  /** Reads the sheet and prints the count and the last row's key (run in the limited JVM). */
  public static final class ReadSheet {
    public static void main(String[] args) {
      long rows = 0;
      SourceItem.SourceRow last = null;
      try (XlsxSourceReader r =
          new XlsxSourceReader(
              "large",
              Path.of(args[0]),
              new XlsxLocation("台帳", Optional.empty(), Optional.empty()))) {
        for (Optional<SourceItem> i = r.next(); i.isPresent(); i = r.next()) {
          last = (SourceItem.SourceRow) i.get();
          rows++;
        }
      }
      Runtime rt = Runtime.getRuntime();
      System.out.println(
          "rows="
              + rows
              + " last="
              + last.fields().get("ID")
              + " born="
              + last.fields().get("生年月日")
              + " maxHeapMB="
              + rt.maxMemory() / (1 << 20));
    }
  }
}
