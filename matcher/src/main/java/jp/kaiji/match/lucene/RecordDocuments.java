package jp.kaiji.match.lucene;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.kaiji.catalog.ForeignKey;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.schema.IndexSchema;
import jp.kaiji.schema.NormalizedRecord;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;

/** Builds the Lucene document of one record, following {@link IndexSchema}. Thread-safe. */
public final class RecordDocuments {
  private static final JsonFactory JSON = new JsonFactory();

  private RecordDocuments() {}

  /**
   * The document of a record.
   *
   * @param source its source
   * @param rowNumber where it starts in the source
   * @param primaryKey its primary key value (non-blank)
   * @param fields the record as received, in source order
   * @param keys its normalized keys
   */
  public static Document build(
      SourceDefinition source,
      long rowNumber,
      String primaryKey,
      Map<String, String> fields,
      NormalizedRecord keys) {
    return build(source, rowNumber, primaryKey, originalJson(fields), fields, keys);
  }

  /**
   * The document of a record whose original is JSON as the source holds it (a JSON Lines line):
   * stored as it is, so that its types, nesting and order reach the answer unchanged.
   *
   * @param original the record as a JSON object
   */
  public static Document build(
      SourceDefinition source,
      long rowNumber,
      String primaryKey,
      String original,
      Map<String, String> fields,
      NormalizedRecord keys) {
    Document doc = new Document();
    doc.add(
        new StringField(
            IndexSchema.DOC_ID, IndexSchema.docId(source.id(), primaryKey), Field.Store.YES));
    doc.add(new StringField(IndexSchema.SOURCE_ID, source.id(), Field.Store.YES));
    doc.add(new StringField(IndexSchema.COMPANY, source.company(), Field.Store.YES));
    doc.add(new StringField(IndexSchema.CATEGORY, source.category().id(), Field.Store.YES));
    doc.add(new StringField(IndexSchema.PRIMARY_KEY, primaryKey, Field.Store.YES));
    doc.add(new StoredField(IndexSchema.ROW_NUMBER, rowNumber));
    doc.add(new StoredField(IndexSchema.ORIGINAL, original));
    for (ForeignKey fk : source.foreignKeys()) {
      String v = fields.get(fk.column());
      if (v != null && !v.isBlank()) {
        doc.add(
            new StringField(
                IndexSchema.REF, IndexSchema.docId(fk.source(), v.strip()), Field.Store.YES));
      }
    }
    for (NormalizedRecord.Key k : keys.keys()) {
      add(doc, k.field(), k.value());
    }
    for (IndexSchema.Attribute a : IndexSchema.Attribute.values()) {
      if (keys.present().contains(a)) {
        doc.add(new StringField(IndexSchema.ATTRIBUTES_PRESENT, a.id(), Field.Store.YES));
      }
    }
    for (NormalizedRecord.Problem p : keys.problems()) {
      doc.add(
          new StringField(
              IndexSchema.ATTRIBUTES_FAILED,
              p.attribute().id() + "/" + p.column() + "/" + p.code(),
              Field.Store.YES));
    }
    return doc;
  }

  private static void add(Document doc, String field, String value) {
    switch (IndexSchema.field(field).indexing()) {
      case KEYWORD_STORED -> doc.add(new StringField(field, value, Field.Store.YES));
      case KEYWORD -> doc.add(new StringField(field, value, Field.Store.NO));
      case STORED -> doc.add(new StoredField(field, value));
      case LONG_RANGE_STORED -> {
        long n = Long.parseLong(value);
        doc.add(new LongPoint(field, n));
        doc.add(new StoredField(field, n));
      }
    }
  }

  /** The record as a JSON object of its columns in source order; values are strings or null. */
  public static String originalJson(Map<String, String> fields) {
    StringWriter w = new StringWriter(64 + fields.size() * 24);
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      for (Map.Entry<String, String> e : fields.entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** Reads a stored {@link IndexSchema#ORIGINAL} back into its columns, in source order. */
  public static LinkedHashMap<String, String> readOriginal(String json) {
    LinkedHashMap<String, String> out = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("the stored original is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          // A nested value of a JSON original: its JSON text.
          StringWriter w = new StringWriter();
          try (JsonGenerator g = JSON.createGenerator(w)) {
            g.copyCurrentStructure(p);
          }
          out.put(name, w.toString());
        } else {
          out.put(name, t == JsonToken.VALUE_NULL ? null : p.getText());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
