package jp.kaiji.opensearch;

import static jp.kaiji.testing.Mappings.mapping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kaiji.catalog.DataCategory;
import jp.kaiji.catalog.ForeignKey;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.catalog.SourceKind;
import jp.kaiji.match.IndexedRecord;
import jp.kaiji.match.lucene.RecordDocuments;
import jp.kaiji.match.lucene.StoredRecords;
import jp.kaiji.schema.IndexSchema;
import jp.kaiji.schema.RecordNormalizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapping follows IndexSchema, and a record survives the trip through JSON unchanged. */
class IndexMappingTest {
  @TempDir Path dir;

  @Test
  void theMappingHasEverySchemaFieldAndNothingElse() {
    ObjectNode m = IndexMapping.mappings();
    assertThat(m.path("dynamic").asText()).isEqualTo("strict");
    List<String> names = new ArrayList<>();
    m.path("properties").fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactlyElementsOf(
            IndexSchema.FIELDS.stream().map(IndexSchema.FieldSpec::name).toList());
    for (IndexSchema.FieldSpec f : IndexSchema.FIELDS) {
      JsonNode p = m.path("properties").path(f.name());
      switch (f.indexing()) {
        case KEYWORD_STORED, KEYWORD -> {
          assertThat(p.path("type").asText()).as(f.name()).isEqualTo("keyword");
          assertThat(p.has("index")).as(f.name()).isFalse();
        }
        case STORED -> assertThat(p.path("index").asBoolean(true)).as(f.name()).isFalse();
        case LONG_RANGE_STORED -> assertThat(p.path("type").asText()).isEqualTo("long");
      }
    }
    List<String> excluded = new ArrayList<>();
    m.path("_source").path("excludes").forEach(e -> excluded.add(e.asText()));
    assertThat(excluded)
        .containsExactlyElementsOf(
            IndexSchema.FIELDS.stream()
                .filter(f -> f.indexing() == IndexSchema.Indexing.KEYWORD)
                .map(IndexSchema.FieldSpec::name)
                .toList());
  }

  @Test
  void aRecordReadBackFromItsJsonEqualsTheOneReadFromLucene() {
    SourceDefinition source =
        new SourceDefinition(
            "customers",
            "group",
            "customers",
            SourceKind.JSONL,
            Optional.of("customers.jsonl"),
            Optional.empty(),
            Optional.empty(),
            "id",
            mapping()
                .fullName("name")
                .birthDate("birth")
                .phones("phone", "phone2")
                .emails("email")
                .build(),
            List.of(new ForeignKey("household", "customers")),
            DataCategory.CUSTOMER,
            "synthetic test data",
            false);
    Map<String, String> row = new LinkedHashMap<>();
    row.put("id", "c7");
    row.put("name", "髙橋 一郎");
    row.put("birth", "1969-02-30");
    row.put("phone", "090-1111-2222");
    row.put("phone2", "03-1234-5678");
    row.put("email", "ichiro@example.jp");
    row.put("household", "c1");
    row.put("note", null);
    Document lucene =
        RecordDocuments.build(
            source, 42, "c7", row, RecordNormalizer.normalize(source.identity(), row));

    ObjectNode json = IndexMapping.source(lucene);
    IndexedRecord viaJson = StoredRecords.toRecord(IndexMapping.stored(json));
    IndexedRecord direct = StoredRecords.toRecord(storedOnly(lucene));
    assertThat(viaJson).isEqualTo(direct);
    assertThat(viaJson.rowNumber()).isEqualTo(42);
    assertThat(viaJson.refs()).containsExactly("customers/c1");
    assertThat(json.path(IndexSchema.PHONE_E164).size()).isEqualTo(2);
    assertThat(json.path(IndexSchema.COMPANY).asText()).as("stored, not indexed").isNotBlank();
  }

  @Test
  void configurationSaysWhereTheIndexLives() throws Exception {
    Path file = dir.resolve("server.json");
    Files.writeString(
        file,
        "{\"host\": \"127.0.0.1\", \"index\": {\"kind\": \"opensearch\", \"hosts\":"
            + " [\"https://os1:9200\", \"https://os2:9200\"], \"replicas\": 2}}",
        StandardCharsets.UTF_8);
    IndexConfig c = IndexConfig.load(file);
    OpenSearchSettings s = c.settings(Map.of("KAIJI_OPENSEARCH_USERNAME", "kaiji"));
    assertThat(c.isOpenSearch()).isTrue();
    assertThat(s.hosts()).hasSize(2);
    assertThat(s.alias()).isEqualTo("kaiji-records");
    assertThat(s.shards()).isEqualTo(1);
    assertThat(s.replicas()).isEqualTo(2);

    Files.writeString(file, "{\"host\": \"127.0.0.1\"}", StandardCharsets.UTF_8);
    assertThat(IndexConfig.load(file).isOpenSearch()).isFalse();
    assertThatThrownBy(
            () ->
                new IndexConfig(
                    "opensearch", List.of(), Optional.empty(), Optional.empty(), Optional.empty()))
        .hasMessageContaining("hosts");
    assertThatThrownBy(
            () ->
                new IndexConfig(
                    "solr", List.of(), Optional.empty(), Optional.empty(), Optional.empty()))
        .hasMessageContaining("index.kind");
  }

  // What the embedded index stores of a document, as its stored fields come back from Lucene.
  private static Document storedOnly(Document d) {
    Document out = new Document();
    for (IndexableField f : d.getFields()) {
      if (f.fieldType().stored()) {
        out.add(f);
      }
    }
    return out;
  }
}
