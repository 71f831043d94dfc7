package jp.kaiji.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sources found by locators: footage, call logs, web logs; retention and media references. */
class HoldingCatalogueTest {
  @TempDir Path dir;

  private static final String FOOTAGE =
      """
      {"id": "footage", "company": "shop", "title": "店舗カメラ映像索引", "kind": "csv",
       "path": "footage.csv", "primaryKey": "clip_id",
       "locators": {"store": "store_id", "start": "start_at", "end": "end_at"},
       "retentionDays": 28,
       "media": {"column": "clip_file", "baseDir": "media/footage", "disclose": "describe",
                 "reason": "他のお客様が映っているため"},
       "category": "camera_footage", "purpose": "防犯", "jointlyUsed": false}
      """;

  private Path write(String source) throws IOException {
    Files.createDirectories(dir.resolve("media/footage"));
    Files.writeString(dir.resolve("footage.csv"), "clip_id\n");
    Path file = dir.resolve("catalog.json");
    Files.writeString(
        file,
        """
        {"companies": [{"id": "shop", "legalName": "株式会社ショップ", "role": "group company"}],
         "categories": [{"id": "camera_footage", "label": "監視カメラの映像", "purpose": "防犯",
                         "obtainedBy": "店舗のカメラ"}],
         "sources": [SOURCE]}
        """
            .replace("SOURCE", source));
    return file;
  }

  @Test
  void aFootageIndexHasLocatorsRetentionAndADescribedClipButNoIdentity() throws Exception {
    CatalogFile c = SourceCatalogs.load(write(FOOTAGE));
    SourceDefinition s = c.source("footage").orElseThrow();
    assertThat(s.locators().orElseThrow().store()).contains("store_id");
    assertThat(s.locators().orElseThrow().whatToGive()).containsExactly("visit");
    assertThat(s.retentionDays()).contains(28);
    assertThat(s.identity().mappedColumns()).isEmpty();
    MediaReference m = s.media().orElseThrow();
    assertThat(m.included()).isFalse();
    assertThat(Path.of(m.baseDir())).isEqualTo(dir.resolve("media/footage").toAbsolutePath());
  }

  static Stream<Arguments> broken() {
    return Stream.of(
        Arguments.of(
            "nothing to find by",
            FOOTAGE.replace("\"store\": \"store_id\", ", ""),
            "source 'footage': locators names nothing to find a record by"),
        Arguments.of(
            "store without time",
            FOOTAGE.replace("\"start\": \"start_at\", \"end\": \"end_at\"", "\"cookies\": [\"c\"]"),
            "source 'footage': locators.store needs locators.start"),
        Arguments.of(
            "end and duration",
            FOOTAGE.replace(
                "\"end\": \"end_at\"", "\"end\": \"end_at\", \"durationSeconds\": \"d\""),
            "source 'footage': locators has both end and durationSeconds"),
        Arguments.of(
            "bad zone",
            FOOTAGE.replace(
                "\"end\": \"end_at\"", "\"end\": \"end_at\", \"zone\": \"Mars/Olympus\""),
            "source 'footage': locators.zone 'Mars/Olympus' is not a time zone id"),
        Arguments.of(
            "zero retention",
            FOOTAGE.replace("\"retentionDays\": 28", "\"retentionDays\": 0"),
            "source 'footage': retentionDays must be 1 or more, got 0"),
        Arguments.of(
            "blank locator column",
            FOOTAGE.replace("\"store\": \"store_id\"", "\"store\": \" \""),
            "source 'footage': locators.store names no column"),
        Arguments.of(
            "missing media folder",
            FOOTAGE.replace("media/footage", "media/nowhere"),
            "source 'footage': media.baseDir 'media/nowhere' is not a folder"),
        Arguments.of(
            "describe without reason",
            FOOTAGE.replace("他のお客様が映っているため", " "),
            "source 'footage': media.reason is missing"),
        Arguments.of(
            "unknown disclose",
            FOOTAGE.replace("\"describe\"", "\"blur\""),
            "source 'footage': media.disclose 'blur' must be include or describe"),
        Arguments.of(
            "neither identity nor locators",
            FOOTAGE.replace(
                "\"locators\": {\"store\": \"store_id\", \"start\": \"start_at\", \"end\": \"end_at\"},",
                ""),
            "source 'footage': identity is missing"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void reportsEachProblemNamingTheSourceAndField(String name, String source, String expected)
      throws Exception {
    Path file = write(source);
    assertThatThrownBy(() -> SourceCatalogs.load(file))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining(expected);
  }
}
