package jp.kaiji.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.kaiji.schema.IndexSchema;
import jp.kaiji.schema.IndexSchema.FieldSpec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;

/**
 * The OpenSearch form of {@link IndexSchema}: the mapping is generated from {@link
 * IndexSchema#FIELDS}, and a document is the embedded index's own Lucene document ({@code
 * RecordDocuments.build}) as JSON, so both backends index the same terms. Every searchable field is
 * a {@code keyword} (no analyzer, hence no analysis plugin needed); stored-only fields are kept in
 * {@code _source} and not indexed; fields the embedded index does not store are indexed but left
 * out of {@code _source}, as there.
 */
public final class IndexMapping {
  private IndexMapping() {}

  /** The {@code mappings} of a generation's index. */
  public static ObjectNode mappings() {
    ObjectNode m = Cluster.object();
    m.put("dynamic", "strict");
    ArrayNode excludes = m.putObject("_source").putArray("excludes");
    ObjectNode props = m.putObject("properties");
    for (FieldSpec f : IndexSchema.FIELDS) {
      ObjectNode p = props.putObject(f.name());
      switch (f.indexing()) {
        case KEYWORD_STORED -> p.put("type", "keyword");
        case KEYWORD -> {
          p.put("type", "keyword");
          excludes.add(f.name());
        }
        case STORED -> p.put("type", "keyword").put("index", false).put("doc_values", false);
        case LONG_RANGE_STORED -> p.put("type", "long");
      }
    }
    return m;
  }

  /** The {@code settings} of a generation's index while it is built (no refresh until publish). */
  public static ObjectNode buildSettings(int shards, int replicas) {
    ObjectNode s = Cluster.object();
    ObjectNode index = s.putObject("index");
    index.put("number_of_shards", shards);
    index.put("number_of_replicas", replicas);
    index.put("refresh_interval", "-1");
    // A node lost mid-build: rebuild its copies on the others at once rather than wait the default
    // minute for it to return (publish waits for every copy). Reset to the default at publish.
    index.put("unassigned.node_left.delayed_timeout", "5s");
    return s;
  }

  /**
   * The JSON source of a Lucene document: each field once (a LongPoint's stored twin gives its
   * value), repeated fields as arrays in the order added.
   */
  public static ObjectNode source(Document doc) {
    Map<String, ArrayNode> values = new LinkedHashMap<>();
    for (IndexableField f : doc.getFields()) {
      boolean carries = f.fieldType().stored() || f.fieldType().indexOptions() != IndexOptions.NONE;
      if (!carries) {
        continue;
      }
      ArrayNode a = values.computeIfAbsent(f.name(), n -> Cluster.JSON.createArrayNode());
      Number n = f.numericValue();
      if (n != null) {
        a.add(n.longValue());
      } else {
        a.add(f.stringValue());
      }
    }
    ObjectNode out = Cluster.object();
    values.forEach(
        (name, a) -> {
          // Declared repeatable or not, a field keeps every value it was given.
          out.set(name, IndexSchema.field(name).multiValued() || a.size() > 1 ? a : a.get(0));
        });
    return out;
  }

  /**
   * A document's {@code _id}: its {@code doc_id} and row number, unique within one reading of a
   * source (a primary key may repeat in a source, a row number does not), so a bulk request sent
   * twice writes each document once.
   */
  public static String id(JsonNode source) {
    return source.path(IndexSchema.DOC_ID).asText()
        + "#"
        + source.path(IndexSchema.ROW_NUMBER).asText();
  }

  /**
   * The stored fields of a hit's {@code _source} as a Lucene document, for {@code StoredRecords}.
   */
  public static Document stored(JsonNode source) {
    Document d = new Document();
    for (FieldSpec f : IndexSchema.FIELDS) {
      if (f.indexing() == IndexSchema.Indexing.KEYWORD) {
        continue;
      }
      JsonNode v = source.get(f.name());
      if (v == null || v.isNull()) {
        continue;
      }
      for (JsonNode one : v.isArray() ? v : java.util.List.of(v)) {
        if (one.isIntegralNumber()) {
          d.add(new StoredField(f.name(), one.longValue()));
        } else {
          d.add(new StoredField(f.name(), one.asText()));
        }
      }
    }
    return d;
  }
}
