package jp.kaiji.match.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kaiji.catalog.DataCategory;
import jp.kaiji.catalog.IdentityMapping;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.catalog.SourceKind;
import jp.kaiji.schema.IdentityKeys;
import jp.kaiji.schema.RecordNormalizer;
import org.junit.jupiter.api.Test;

/** An unverified phone, a near-miss date and an address abroad survive the index document. */
class LenientRoundTripTest {
  static final IdentityMapping MAPPING =
      new IdentityMapping(
          Optional.of("name"),
          null,
          null,
          null,
          null,
          null,
          null,
          Optional.of("born"),
          null,
          Optional.of("address"),
          List.of("tel", "mobile"),
          null,
          null,
          null,
          null);
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
