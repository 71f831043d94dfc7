package jp.kaiji.indexer.source;

import static jp.kaiji.indexer.source.CsvSourceReaderTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import jp.kaiji.catalog.XlsxLocation;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxSourceReaderTest {
  @TempDir Path dir;

  /**
   * A back-office sheet: a title and a blank row above the header at row 3, typed cells, a gap in
   * the columns, a formula, and an empty row.
   */
  private Path workbook() throws Exception {
    Path file = dir.resolve("members.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      wb.createSheet("メモ").createRow(0).createCell(0).setCellValue("別シート");
      Sheet s = wb.createSheet("会員");
      s.createRow(0).createCell(0).setCellValue("会員一覧（2024年3月末）");
      Row h = s.createRow(2);
      String[] header = {"会員番号", "氏名", "生年月日", "登録日時", "電話番号", "ポイント", "倍", "退会", "備考"};
      for (int i = 0; i < header.length; i++) {
        h.createCell(i).setCellValue(header[i]);
      }
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
      CellStyle dateTime = wb.createCellStyle();
      dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy/mm/dd hh:mm"));
      Row a = s.createRow(3);
      a.createCell(0).setCellValue(10000000); // stored as a number: no 1.0E7
      a.createCell(1).setCellValue("山田 太郎");
      a.createCell(2).setCellValue(LocalDate.of(1975, 3, 5));
      a.getCell(2).setCellStyle(date);
      a.createCell(3).setCellValue(LocalDateTime.of(2024, 3, 31, 9, 15));
      a.getCell(3).setCellStyle(dateTime);
      a.createCell(4).setCellValue(9012345678L); // 090-1234-5678 typed as a number: the 0 is gone
      a.createCell(5).setCellValue(1234.5);
      a.createCell(6).setCellFormula("F4*2");
      a.createCell(7).setCellValue(false);
      // column I (備考) left empty: no cell at all
      Row b = s.createRow(4);
      b.createCell(0).setCellValue("M-002");
      b.createCell(1).setCellValue("髙橋 花子");
      b.createCell(6).setCellFormula("B5&\"様\"");
      b.createCell(7).setCellValue(true);
      b.createCell(8).setCellValue("");
      s.createRow(5); // an empty row
      Row c = s.createRow(6);
      c.createCell(0).setCellValue("M-003");
      c.createCell(2).setCellFormula("1/0");
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll(); // the cached values
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
    }
    return file;
  }

  @Test
  void readsCellsAsExcelTypedThemFromTheHeaderRowOn() throws Exception {
    Path file = workbook();
    try (SourceReader r =
        new XlsxSourceReader(
            "members", file, new XlsxLocation("会員", Optional.of(3), Optional.empty()))) {
      assertThat(r.columns())
          .containsExactly("会員番号", "氏名", "生年月日", "登録日時", "電話番号", "ポイント", "倍", "退会", "備考");
      List<SourceItem> items = readAll(r);
      assertThat(items).extracting(SourceItem::rowNumber).containsExactly(4L, 5L, 7L);
      var first = (SourceItem.SourceRow) items.get(0);
      assertThat(first.fields())
          .containsEntry("会員番号", "10000000")
          .containsEntry("生年月日", "1975-03-05")
          .containsEntry("登録日時", "2024-03-31T09:15")
          .containsEntry("電話番号", "9012345678")
          .containsEntry("ポイント", "1234.5")
          .containsEntry("倍", "2469")
          .containsEntry("退会", "false")
          .containsEntry("備考", null);
      assertThat(first.originalJson().orElseThrow())
          .isEqualTo(
              "{\"会員番号\":10000000,\"氏名\":\"山田 太郎\",\"生年月日\":\"1975-03-05\","
                  + "\"登録日時\":\"2024-03-31T09:15\",\"電話番号\":9012345678,\"ポイント\":1234.5,"
                  + "\"倍\":2469,\"退会\":false,\"備考\":null}");
      var second = (SourceItem.SourceRow) items.get(1);
      assertThat(second.fields())
          .containsEntry("会員番号", "M-002")
          .containsEntry("生年月日", null)
          .containsEntry("倍", "髙橋 花子様")
          .containsEntry("退会", "true");
      // A formula that failed: no value for the normalizers, its error text in the original.
      var third = (SourceItem.SourceRow) items.get(2);
      assertThat(third.fields()).containsEntry("生年月日", null);
      assertThat(
              new ObjectMapper().readTree(third.originalJson().orElseThrow()).get("生年月日").asText())
          .isEqualTo("#DIV/0!");
    }
  }

  @Test
  void aFirstDataRowSkipsTheRowsBeforeIt() throws Exception {
    Path file = workbook();
    try (SourceReader r =
        new XlsxSourceReader(
            "members", file, new XlsxLocation("会員", Optional.of(3), Optional.of(5)))) {
      assertThat(readAll(r)).extracting(SourceItem::rowNumber).containsExactly(5L, 7L);
    }
  }

  @Test
  void errorsNameTheFileTheSheetAndTheRow() throws Exception {
    Path file = workbook();
    assertThatThrownBy(
            () ->
                new XlsxSourceReader(
                    "members", file, new XlsxLocation("顧客", Optional.empty(), Optional.empty())))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessage(
            "source 'members': members.xlsx sheet '顧客': the workbook has no such sheet (sheets: メモ, 会員)");
    assertThatThrownBy(
            () ->
                new XlsxSourceReader(
                    "members", file, new XlsxLocation("会員", Optional.of(30), Optional.empty())))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessage(
            "source 'members': members.xlsx sheet '会員': no header row 30 (the sheet ends before it)");
    Files.writeString(dir.resolve("not.xlsx"), "会員番号,氏名\n");
    assertThatThrownBy(
            () ->
                new XlsxSourceReader(
                    "members",
                    dir.resolve("not.xlsx"),
                    new XlsxLocation("会員", Optional.empty(), Optional.empty())))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageStartingWith("source 'members': not.xlsx sheet '会員': cannot read the workbook");
  }

  @Test
  void aHeaderNamedTwiceIsRefusedWithItsCell() throws Exception {
    Path file = dir.resolve("dup.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Row h = wb.createSheet("S").createRow(0);
      h.createCell(0).setCellValue("ID");
      h.createCell(1).setCellValue("氏名");
      h.createCell(3).setCellValue("氏名");
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
    }
    assertThatThrownBy(
            () ->
                new XlsxSourceReader(
                    "s", file, new XlsxLocation("S", Optional.empty(), Optional.empty())))
        .hasMessage("source 's': dup.xlsx sheet 'S' row 1 column D: header '氏名' appears twice");
  }

  @Test
  void columnNamesAreExcels() {
    assertThat(XlsxCells.columnName(0)).isEqualTo("A");
    assertThat(XlsxCells.columnName(25)).isEqualTo("Z");
    assertThat(XlsxCells.columnName(26)).isEqualTo("AA");
    assertThat(XlsxCells.columnName(701)).isEqualTo("ZZ");
    assertThat(XlsxCells.columnName(702)).isEqualTo("AAA");
    for (int i = 0; i < 2000; i++) {
      assertThat(XlsxCells.columnIndex(XlsxCells.columnName(i) + "12")).isEqualTo(i);
    }
  }
}
