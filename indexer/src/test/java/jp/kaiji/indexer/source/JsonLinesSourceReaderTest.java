package jp.kaiji.indexer.source;

import static jp.kaiji.indexer.source.CsvSourceReaderTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesSourceReaderTest {
  @TempDir Path dir;

  @Test
  void keepsStringsNumbersNestedValuesAndNullsAndQuarantinesBadLines() throws Exception {
    Path f = dir.resolve("s.jsonl");
    Files.writeString(
        f,
        """
        {"id": "a1", "名前": "山田 太郎", "age": 42, "tags": ["x", "y"], "addr": {"zip": "5410052"}, "note": null}
        {"id": "a2", "名前": oops}

        [1, 2]
        {"id": "a3", "名前": "改行\\nあり"}
        """);
    try (JsonLinesSourceReader r = new JsonLinesSourceReader("s", f, StandardCharsets.UTF_8)) {
      List<SourceItem> items = readAll(r);
      assertThat(items).extracting(SourceItem::rowNumber).containsExactly(1L, 2L, 4L, 5L);
      SourceItem.SourceRow first = (SourceItem.SourceRow) items.get(0);
      assertThat(first.fields().keySet())
          .containsExactly("id", "名前", "age", "tags", "addr", "note");
      assertThat(first.fields())
          .containsEntry("age", "42")
          .containsEntry("tags", "[\"x\",\"y\"]")
          .containsEntry("addr", "{\"zip\":\"5410052\"}")
          .containsEntry("note", null);
      assertThat(((SourceItem.MalformedRow) items.get(1)).code()).isEqualTo("jsonl.syntax");
      assertThat(((SourceItem.MalformedRow) items.get(2)).code()).isEqualTo("jsonl.not_object");
      assertThat(((SourceItem.SourceRow) items.get(3)).fields()).containsEntry("名前", "改行\nあり");
    }
  }

  @Test
  void aWrongCharsetByteQuarantinesItsLine() throws Exception {
    Path f = dir.resolve("s.jsonl");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("{\"id\": \"1\", \"n\": \"".getBytes(StandardCharsets.UTF_8));
    b.writeBytes("佐藤".getBytes(Charset.forName("windows-31j")));
    b.writeBytes("\"}\n{\"id\": \"2\"}\n".getBytes(StandardCharsets.UTF_8));
    Files.write(f, b.toByteArray());
    try (JsonLinesSourceReader r = new JsonLinesSourceReader("s", f, StandardCharsets.UTF_8)) {
      List<SourceItem> items = readAll(r);
      assertThat(items.get(0))
          .isEqualTo(
              new SourceItem.MalformedRow(
                  1, "charset.malformed", "bytes that are not valid in the source's charset"));
      assertThat(items.get(1)).isInstanceOf(SourceItem.SourceRow.class);
    }
  }
}
