package jp.kaiji.match.lucene;

import static jp.kaiji.testing.Mappings.mapping;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kaiji.catalog.DataCategory;
import jp.kaiji.catalog.IdentityMapping;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.catalog.SourceKind;
import jp.kaiji.match.IndexedRecord;
import jp.kaiji.schema.IdentityKeys;
import jp.kaiji.schema.RecordNormalizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * An unverified phone, a near-miss date and an address abroad survive the index document; a search
 * reads a record from the index as {@link StoredRecords#toRecord(Document)} reads it.
 */
class LenientRoundTripTest {
  static final IdentityMapping MAPPING =
      mapping()
          .fullName("name")
          .birthDate("born")
          .address("address")
          .phones("tel", "mobile")
          .build();
  static final SourceDefinition SOURCE =
      new SourceDefinition(
          "s",
          "c",
          "t",
          SourceKind.CSV,
          Optional.of("s.csv"),
          Optional.empty(),
          Optional.empty(),
          "id",
          MAPPING,
          List.of(),
          DataCategory.CUSTOMER,
          "p",
          false);

  @Test
  void theSearchReadsTheStoredRecordAsTheDocumentHoldsIt() throws Exception {
    List<Map<String, String>> rows =
        List.of(
            Map.of("id", "1", "name", "山田 太郎", "born", "1980-02-30", "tel", "03-1234-5678"),
            Map.of("id", "2", "name", "Jane Doe", "tel", "073(309)2424", "mobile", "09012345678"),
            Map.of("id", "3", "address", "東京都千代田区千代田1-1", "mobile", "080-1111-2222"));
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
        long row = 1;
        for (Map<String, String> r : rows) {
          w.addDocument(
              RecordDocuments.build(
                  SOURCE, row++, r.get("id"), r, RecordNormalizer.normalize(MAPPING, r)));
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        StoredFields stored = reader.storedFields();
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
          StoredRecords.Values values = new StoredRecords.Values();
          stored.document(doc, values);
          IndexedRecord viaVisitor = StoredRecords.toRecord(values);
          assertThat(viaVisitor).isEqualTo(StoredRecords.toRecord(stored.document(doc)));
          assertThat(viaVisitor.rowNumber()).isEqualTo(doc + 1L);
          assertThat(viaVisitor.identity().phones()).isNotEmpty();
        }
      }
    }
  }

  @Test
  void lenientKeysAreStoredAndReadBack() {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("id", "1");
    row.put("name", "Jane Doe");
    row.put("born", "19381131");
    row.put("address", "221B Baker Street, London");
    row.put("tel", "073(309)2424");
    row.put("mobile", "090-1234-5678 ext. 418");
    IdentityKeys k =
        StoredRecords.toRecord(
                RecordDocuments.build(
                    SOURCE, 2, "1", row, RecordNormalizer.normalize(MAPPING, row)))
            .identity();
    assertThat(k.birthDates()).containsExactly("19381131");
    assertThat(k.phones())
        .containsExactlyInAnyOrder(
            new IdentityKeys.PhoneKey("+81733092424", false, false),
            new IdentityKeys.PhoneKey("+819012345678", true, true));
    assertThat(k.addresses()).hasSize(1);
    assertThat(k.addresses().getFirst().freeText()).contains("221b baker street london");
    assertThat(k.addresses().getFirst().prefectureCity()).isEmpty();
  }
}
