package jp.kaiji.indexer;

import static jp.kaiji.indexer.source.TestWorld.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import jp.kaiji.catalog.CatalogFile;
import jp.kaiji.indexer.source.SourceItem;
import jp.kaiji.indexer.source.SourceUnavailableException;
import jp.kaiji.indexer.source.TestWorld;
import jp.kaiji.match.lucene.IndexGenerations;
import jp.kaiji.match.lucene.SourceStats;
import jp.kaiji.schema.IndexSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSyncTest {
  @TempDir Path dir;
  CatalogFile catalog;
  IndexGenerations gens;
  SourceSync sync;
  List<IndexGenerations.Event> events = new ArrayList<>();

  @BeforeEach
  void built() throws Exception {
    catalog = TestWorld.load(dir.resolve("world"));
    gens = new IndexGenerations(dir.resolve("data"));
    new RebuildJob(catalog, gens).run();
    gens.addListener(events::add);
    sync = new SourceSync(catalog, gens);
  }

  @Test
  void reReadingOneSourceReplacesItsDocumentsOnlyAndUpdatesItsStats() throws Exception {
    Path csv = dir.resolve("world/data/customers.csv");
    Files.writeString(
        csv, "顧客ID,氏名,フリガナ,生年月日,郵便番号,住所,電話番号,メール,登録日\nz1,新規 顧客,,,,,,bad-mail,\nz2,別の 顧客,,,,,,,\n");

    SourceStats stats = sync.resync("customers");

    assertThat(stats.rowsRead()).isEqualTo(2);
    assertThat(stats.indexed()).isEqualTo(2);
    assertThat(stats.quarantined()).isEqualTo(1);
    assertThat(count(gens, IndexSchema.SOURCE_ID, "customers")).isEqualTo(2);
    assertThat(count(gens, IndexSchema.DOC_ID, "customers/c1")).isZero();
    assertThat(count(gens, IndexSchema.SOURCE_ID, "orders")).isEqualTo(3);
    assertThat(gens.current().orElseThrow().sources().get("customers")).isEqualTo(stats);
    assertThat(gens.current().orElseThrow().id()).isEqualTo("gen-000001");
    assertThat(
            Files.readAllLines(
                QuarantineLog.fileOf(gens.current().orElseThrow().dir(), "customers")))
        .singleElement()
        .asString()
        .contains("email.shape");
    assertThat(events)
        .extracting(IndexGenerations.Event::kind)
        .containsExactly(IndexGenerations.EventKind.UPDATED);
  }

  @Test
  void aSyncThatCannotReadTheSourceKeepsItsOldDocuments() throws Exception {
    Files.delete(dir.resolve("world/data/customers.csv"));
    assertThatThrownBy(() -> sync.resync("customers"))
        .isInstanceOf(SourceUnavailableException.class);
    assertThat(count(gens, IndexSchema.SOURCE_ID, "customers")).isEqualTo(3);
  }

  private static SourceItem row(long n, String... kv) {
    LinkedHashMap<String, String> f = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      f.put(kv[i], kv[i + 1]);
    }
    return new SourceItem.SourceRow(n, f);
  }

  @Test
  void upsertAndDeleteByPrimaryKey() throws Exception {
    SourceStats stats =
        sync.upsert(
            "members",
            List.of(
                row(10, "会員番号", "m1", "姓", "山田", "名", "花子", "電話", "06-4400-1876"),
                row(11, "会員番号", "m9", "姓", "新井", "名", "一", "電話", ""),
                row(12, "会員番号", "", "姓", "無", "名", "キー")));
    assertThat(stats.indexed()).isEqualTo(3);
    assertThat(count(gens, IndexSchema.DOC_ID, "members/m1")).isEqualTo(1);
    assertThat(count(gens, IndexSchema.NAME_FULL, "山田花子")).isEqualTo(1);
    assertThat(count(gens, IndexSchema.NAME_FULL, "山田太郎")).isEqualTo(1); // only customers/c1 now
    assertThat(stats.quarantined()).isEqualTo(1);

    stats = sync.delete("members", List.of("m2", "m9", "nosuch"));
    assertThat(stats.indexed()).isEqualTo(1);
    assertThat(gens.current().orElseThrow().sources().get("members").indexed()).isEqualTo(1);
    assertThat(events).hasSize(2);
  }
}
