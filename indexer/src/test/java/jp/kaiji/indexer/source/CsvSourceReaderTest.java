package jp.kaiji.indexer.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvSourceReaderTest {
  @TempDir Path dir;

  static List<SourceItem> readAll(SourceReader r) {
    List<SourceItem> out = new ArrayList<>();
    for (Optional<SourceItem> i = r.next(); i.isPresent(); i = r.next()) {
      out.add(i.get());
    }
    return out;
  }

  private static Map<String, String> fields(SourceItem item) {
    assertThat(item).isInstanceOf(SourceItem.SourceRow.class);
    return ((SourceItem.SourceRow) item).fields();
  }

  @Test
  void readsQuotedFieldsEmbeddedNewlinesAndJapaneseHeadersSkippingTheBom() throws Exception {
    Path f = dir.resolve("c.csv");
    Files.write(
        f,
        ("\uFEFF顧客ID,氏名,住所\r\n"
                + "1,山田 太郎,\"大阪府大阪市中央区安土町3-5-13\r\nレクストビル 5F\"\r\n"
                + "2,\"佐藤, \"\"花子\"\"\",\n"
                + "\n"
                + "3,髙橋 一郎,東京都")
            .getBytes(StandardCharsets.UTF_8));
    try (CsvSourceReader r = new CsvSourceReader("c", f, StandardCharsets.UTF_8)) {
      assertThat(r.columns()).containsExactly("顧客ID", "氏名", "住所");
      List<SourceItem> items = readAll(r);
      assertThat(items).extracting(SourceItem::rowNumber).containsExactly(2L, 4L, 6L);
      assertThat(fields(items.get(0)))
          .containsExactly(
              Map.entry("顧客ID", "1"),
              Map.entry("氏名", "山田 太郎"),
              Map.entry("住所", "大阪府大阪市中央区安土町3-5-13\r\nレクストビル 5F"));
      assertThat(fields(items.get(1))).containsEntry("氏名", "佐藤, \"花子\"").containsEntry("住所", "");
      assertThat(fields(items.get(2))).containsEntry("氏名", "髙橋 一郎");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Shift_JIS", "Windows-31J", "UTF-8"})
  void readsEachSupportedCharset(String name) throws Exception {
    Charset cs = Charset.forName(name);
    // ① and ～ exist in Windows-31J only; Shift_JIS gets the characters both share.
    String special = name.equals("Shift_JIS") ? "ヶ" : "①～";
    Path f = dir.resolve("c.csv");
    Files.write(f, ("会員番号,お名前,フリガナ\n10,渡邊 " + special + ",ワタナベ\n").getBytes(cs));
    try (CsvSourceReader r = new CsvSourceReader("c", f, cs)) {
      assertThat(r.columns()).containsExactly("会員番号", "お名前", "フリガナ");
      assertThat(readAll(r))
          .singleElement()
          .satisfies(i -> assertThat(fields(i)).containsEntry("お名前", "渡邊 " + special));
    }
  }

  @Test
  void aWrongCharsetByteQuarantinesItsRowWithTheLineNumberAndReadingContinues() throws Exception {
    Path f = dir.resolve("c.csv");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("id,name\n1,山田\n".getBytes(StandardCharsets.UTF_8));
    b.writeBytes("2,".getBytes(StandardCharsets.UTF_8));
    b.writeBytes("佐藤".getBytes(Charset.forName("Shift_JIS"))); // not UTF-8
    b.writeBytes("\n3,鈴木\n".getBytes(StandardCharsets.UTF_8));
    Files.write(f, b.toByteArray());
    try (CsvSourceReader r = new CsvSourceReader("c", f, StandardCharsets.UTF_8)) {
      List<SourceItem> items = readAll(r);
      assertThat(items).hasSize(3);
      assertThat(items.get(1))
          .isEqualTo(
              new SourceItem.MalformedRow(
                  3, "charset.malformed", "bytes that are not valid in the source's charset"));
      assertThat(fields(items.get(2))).containsEntry("name", "鈴木");
      assertThat(items)
          .noneMatch(
              i ->
                  i instanceof SourceItem.SourceRow row
                      && row.fields().values().stream().anyMatch(v -> v.contains("\uFFFD")));
    }
  }

  @Test
  void aStrayQuoteOrWrongFieldCountQuarantinesOnlyThatRow() throws Exception {
    Path f = dir.resolve("c.csv");
    Files.writeString(f, "id,name\n1,\"ab\"c\n2,x,y\n3,ok\n");
    try (CsvSourceReader r = new CsvSourceReader("c", f, StandardCharsets.UTF_8)) {
      List<SourceItem> items = readAll(r);
      assertThat(items).extracting(SourceItem::rowNumber).containsExactly(2L, 3L, 4L);
      assertThat(((SourceItem.MalformedRow) items.get(0)).code()).isEqualTo("csv.quote");
      assertThat(((SourceItem.MalformedRow) items.get(1)).code()).isEqualTo("csv.field_count");
      assertThat(fields(items.get(2))).containsEntry("name", "ok");
    }
  }

  @Test
  void anUnterminatedQuoteQuarantinesItsLineAndTheFollowingLinesAreReadAgain() throws Exception {
    Path f = dir.resolve("c.csv");
    Files.writeString(f, "id,name\n1,\"open\n2,b\n3,c\n");
    try (CsvSourceReader r = new CsvSourceReader("c", f, StandardCharsets.UTF_8)) {
      List<SourceItem> items = readAll(r);
      assertThat(items).extracting(SourceItem::rowNumber).containsExactly(2L, 3L, 4L);
      assertThat(((SourceItem.MalformedRow) items.get(0)).code())
          .isEqualTo("csv.unterminated_quote");
      assertThat(fields(items.get(2))).containsEntry("id", "3");
    }
  }

  @Test
  void aMissingFileIsAnUnavailableSourceNamedInOneLine() {
    assertThatThrownBy(
            () -> new CsvSourceReader("shop", dir.resolve("none.csv"), StandardCharsets.UTF_8))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageStartingWith("source 'shop': cannot open")
        .hasMessageNotContaining("\n");
  }
}
