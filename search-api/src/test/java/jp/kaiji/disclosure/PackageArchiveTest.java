package jp.kaiji.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageArchiveTest {
  @TempDir Path dir;

  static Map<String, byte[]> files() {
    Map<String, byte[]> f = new LinkedHashMap<>();
    f.put("index.html", "<p>開示</p>".getBytes(StandardCharsets.UTF_8));
    f.put("csv/a.csv", Csv.BOM);
    return f;
  }

  @Test
  void sameContentsGiveTheSameBytesInAnyTimeZone() throws Exception {
    TimeZone before = TimeZone.getDefault();
    byte[] tokyo;
    byte[] newYork;
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
      tokyo = PackageArchive.zip(files(), "2025-04-01T01:02:04Z");
      TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
      newYork = PackageArchive.zip(files(), "2025-04-01T01:02:04Z");
    } finally {
      TimeZone.setDefault(before);
    }
    assertThat(newYork).isEqualTo(tokyo);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(tokyo))) {
      ZipEntry e = in.getNextEntry();
      assertThat(e.getName()).isEqualTo("index.html");
      assertThat(e.getTimeLocal()).isEqualTo(LocalDateTime.of(2025, 4, 1, 10, 2, 4));
    }
  }

  @Test
  void atomicWriteReplacesAndLeavesNoTemporaryFile() throws Exception {
    Path target = dir.resolve("R-1.zip");
    PackageArchive.writeAtomically(target, new byte[] {1, 2});
    PackageArchive.writeAtomically(target, new byte[] {3});
    assertThat(Files.readAllBytes(target)).containsExactly(3);
    try (var list = Files.list(dir)) {
      assertThat(list).containsExactly(target);
    }
  }

  @Test
  void csvCellsQuoteAndDefuseFormulas() {
    String[][] cases = {
      {"山田 太郎", "山田 太郎"},
      {"Example, Inc.", "\"Example, Inc.\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"=1+2", "'=1+2"},
      {"+81 90 1234 5678", "'+81 90 1234 5678"},
      {"a\nb", "\"a\nb\""},
      {"", ""},
    };
    for (String[] c : cases) {
      assertThat(Csv.cell(c[0])).as(c[0]).isEqualTo(c[1]);
    }
  }
}
