package jp.kaiji.match.lucene;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kaiji.match.IndexedRecord;
import jp.kaiji.schema.IdentityKeys;
import jp.kaiji.schema.IdentityKeys.AddressKey;
import jp.kaiji.schema.IdentityKeys.NameKey;
import jp.kaiji.schema.IdentityKeys.PhoneKey;
import jp.kaiji.schema.IdentityKeys.ReadingKey;
import jp.kaiji.schema.IndexSchema;
import jp.kaiji.schema.KeyRules;
import jp.kaiji.schema.RecordNormalizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFieldVisitor;

/** Reads an {@link IndexedRecord} back from a stored Lucene document written by the indexer. */
public final class StoredRecords {
  private StoredRecords() {}

  /**
   * A document's stored values by field, in the order written. Reading a record asks for some
   * thirty fields; a {@link Document} finds each by scanning all of its fields.
   */
  static final class Values extends StoredFieldVisitor {
    private final Map<String, List<String>> byField = new HashMap<>(64);

    void add(String field, String value) {
      byField.computeIfAbsent(field, f -> new ArrayList<>(2)).add(value);
    }

    String get(String field) {
      List<String> v = byField.get(field);
      return v == null ? null : v.getFirst();
    }

    List<String> getValues(String field) {
      List<String> v = byField.get(field);
      return v == null ? List.of() : Collections.unmodifiableList(v);
    }

    @Override
    public Status needsField(FieldInfo fieldInfo) {
      return Status.YES;
    }

    @Override
    public void stringField(FieldInfo fieldInfo, String value) {
      add(fieldInfo.name, value);
    }

    @Override
    public void intField(FieldInfo fieldInfo, int value) {
      add(fieldInfo.name, Integer.toString(value));
    }

    @Override
    public void longField(FieldInfo fieldInfo, long value) {
      add(fieldInfo.name, Long.toString(value));
    }

    @Override
    public void floatField(FieldInfo fieldInfo, float value) {
      add(fieldInfo.name, Float.toString(value));
    }

    @Override
    public void doubleField(FieldInfo fieldInfo, double value) {
      add(fieldInfo.name, Double.toString(value));
    }
  }

  public static IndexedRecord toRecord(Document doc) {
    // As Document.get and getValues read them: every field with a string (or number) value.
    Values d = new Values();
    for (IndexableField f : doc) {
      String v = f.stringValue();
      if (v != null) {
        d.add(f.name(), v);
      }
    }
    return toRecord(d);
  }

  /** The record of the stored values a {@link Values} visitor collected. */
  static IndexedRecord toRecord(Values d) {
    IdentityKeys identity =
        new IdentityKeys(
            names(d),
            readings(d),
            birthDates(d),
            address(d),
            phones(d),
            list(d, IndexSchema.EMAIL_KEY),
            list(d, IndexSchema.PHONE_SHA256),
            list(d, IndexSchema.EMAIL_SHA256),
            Optional.ofNullable(d.get(IndexSchema.SEX)),
            list(d, IndexSchema.ISSUED_ID));
    String rowNumber = d.get(IndexSchema.ROW_NUMBER);
    return new IndexedRecord(
        d.get(IndexSchema.SOURCE_ID),
        d.get(IndexSchema.PRIMARY_KEY),
        d.get(IndexSchema.COMPANY),
        d.get(IndexSchema.CATEGORY),
        rowNumber == null ? 0 : Long.parseLong(rowNumber),
        d.get(IndexSchema.ORIGINAL),
        list(d, IndexSchema.REF),
        identity,
        Optional.ofNullable(d.get(IndexSchema.RECORD_DATE)));
  }

  // Family and given keys are stored only where known; with one name (the usual case) they
  // belong to it, with several they line up in column order.
  private static List<NameKey> names(Values d) {
    List<String> full = list(d, IndexSchema.NAME_FULL);
    List<String> family = list(d, IndexSchema.NAME_FAMILY);
    List<String> given = list(d, IndexSchema.NAME_GIVEN);
    List<String> script = list(d, IndexSchema.NAME_SCRIPT);
    List<String> foldings = list(d, IndexSchema.NAME_FOLDINGS);
    List<NameKey> out = new ArrayList<>();
    for (int i = 0; i < full.size(); i++) {
      boolean aligned = family.size() == full.size() && given.size() == full.size();
      out.add(
          new NameKey(
              Optional.of(full.get(i)),
              aligned ? Optional.of(family.get(i)) : Optional.empty(),
              aligned ? Optional.of(given.get(i)) : Optional.empty(),
              i < script.size() && script.get(i).equals("LATIN"),
              false,
              i < foldings.size() && !foldings.get(i).isEmpty()
                  ? List.of(foldings.get(i).split(","))
                  : List.of()));
    }
    for (String former : list(d, IndexSchema.NAME_FORMER_FAMILY)) {
      out.add(
          new NameKey(
              Optional.empty(), Optional.of(former), Optional.empty(), false, true, List.of()));
    }
    return out;
  }

  private static List<ReadingKey> readings(Values d) {
    List<String> keys = list(d, IndexSchema.READING_KEY);
    List<String> loose = list(d, IndexSchema.READING_LOOSE);
    List<String> family = list(d, IndexSchema.READING_FAMILY);
    List<String> given = list(d, IndexSchema.READING_GIVEN);
    boolean aligned = family.size() == keys.size() && given.size() == keys.size();
    List<ReadingKey> out = new ArrayList<>();
    for (String name : list(d, IndexSchema.NAME_FULL)) {
      if (!keys.contains(name)) {
        KeyRules.readingOfName(name).ifPresent(out::add);
      }
    }
    for (int i = 0; i < keys.size(); i++) {
      out.add(
          new ReadingKey(
              keys.get(i),
              i < loose.size() ? loose.get(i) : keys.get(i),
              aligned ? Optional.of(family.get(i)) : Optional.empty(),
              aligned ? Optional.of(given.get(i)) : Optional.empty()));
    }
    return out;
  }

  // A near-miss date (a day that does not exist) is read back beside the exact one.
  private static List<String> birthDates(Values d) {
    List<String> exact = list(d, IndexSchema.BIRTH_DATE);
    List<String> nearMiss = list(d, IndexSchema.BIRTH_DATE_NEAR_MISS);
    if (nearMiss.isEmpty()) {
      return exact;
    }
    List<String> out = new ArrayList<>(exact);
    out.addAll(nearMiss);
    return out;
  }

  private static List<AddressKey> address(Values d) {
    Optional<String> postcode = Optional.ofNullable(d.get(IndexSchema.POSTCODE));
    Optional<String> city = Optional.ofNullable(d.get(IndexSchema.ADDRESS_PREFECTURE_CITY));
    Optional<String> town = Optional.ofNullable(d.get(IndexSchema.ADDRESS_TOWN));
    Optional<String> block = Optional.ofNullable(d.get(IndexSchema.ADDRESS_BLOCK));
    Optional<String> text = Optional.ofNullable(d.get(IndexSchema.ADDRESS_TEXT));
    if (postcode.isEmpty() && city.isEmpty() && text.isEmpty()) {
      return List.of();
    }
    return List.of(new AddressKey(postcode, city, town, block, false, text));
  }

  private static List<PhoneKey> phones(Values d) {
    List<PhoneKey> out = new ArrayList<>();
    for (String line : list(d, IndexSchema.PHONE_LINE)) {
      int space = line.indexOf(' ');
      String e164 = space < 0 ? line : line.substring(0, space);
      String type = space < 0 ? "" : line.substring(space + 1);
      out.add(new PhoneKey(e164, type.equals("MOBILE"), !type.equals(RecordNormalizer.UNVERIFIED)));
    }
    return out;
  }

  private static List<String> list(Values d, String field) {
    return d.getValues(field);
  }
}
