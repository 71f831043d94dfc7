package jp.kaiji.match.lucene;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

/** Reads an {@link IndexedRecord} back from a stored Lucene document written by the indexer. */
public final class StoredRecords {
  private StoredRecords() {}

  public static IndexedRecord toRecord(Document d) {
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
  private static List<NameKey> names(Document d) {
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

  private static List<ReadingKey> readings(Document d) {
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
  private static List<String> birthDates(Document d) {
    List<String> exact = list(d, IndexSchema.BIRTH_DATE);
    List<String> nearMiss = list(d, IndexSchema.BIRTH_DATE_NEAR_MISS);
    if (nearMiss.isEmpty()) {
      return exact;
    }
    List<String> out = new ArrayList<>(exact);
    out.addAll(nearMiss);
    return out;
  }

  private static List<AddressKey> address(Document d) {
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

  private static List<PhoneKey> phones(Document d) {
    List<PhoneKey> out = new ArrayList<>();
    for (String line : list(d, IndexSchema.PHONE_LINE)) {
      int space = line.indexOf(' ');
      String e164 = space < 0 ? line : line.substring(0, space);
      String type = space < 0 ? "" : line.substring(space + 1);
      out.add(new PhoneKey(e164, type.equals("MOBILE"), !type.equals(RecordNormalizer.UNVERIFIED)));
    }
    return out;
  }

  private static List<String> list(Document d, String field) {
    return Arrays.asList(d.getValues(field));
  }
}
