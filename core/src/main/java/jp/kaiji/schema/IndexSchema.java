package jp.kaiji.schema;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one description of the record index: every field name and how it is indexed. The indexer
 * writes documents with exactly these fields; the search reads them by these names. The description
 * is engine-neutral ({@link Indexing}), so another engine (e.g. OpenSearch) can map it.
 *
 * <p>One document per source record. Every identity key is an exact keyword produced by the {@code
 * jp.kaiji.normalize} normalizers: the search normalizes the request the same way and asks for
 * equal terms. There is no analyzed text field: fuzzy agreement of names and readings is done by
 * the search with edit-distance queries (Lucene {@code FuzzyQuery}) on the keyword fields {@link
 * #NAME_FULL}, {@link #READING_KEY} and {@link #READING_LOOSE}.
 *
 * <p>Multi-valued fields (phones, e-mails, former names, references) carry one value per column
 * value. Stored values come back in the order they were added.
 */
public final class IndexSchema {
  private IndexSchema() {}

  /** How a field is indexed, independent of the engine. */
  public enum Indexing {
    /** Exact, untokenized term; searchable by equality (and edit distance); value stored. */
    KEYWORD_STORED,
    /**
     * Exact, untokenized term; searchable by equality; not stored (the value is in the original).
     */
    KEYWORD,
    /** Stored only, not searchable. */
    STORED,
    /** A 64-bit number indexed for ranges (a Lucene LongPoint) and also stored. */
    LONG_RANGE_STORED
  }

  /** One field: its name, how it is indexed, whether it may repeat, and what it holds. */
  public record FieldSpec(String name, Indexing indexing, boolean multiValued, String meaning) {}

  // Record identity and provenance.
  public static final String DOC_ID = "doc_id";
  public static final String SOURCE_ID = "source_id";
  public static final String COMPANY = "company";
  public static final String CATEGORY = "category";
  public static final String PRIMARY_KEY = "pk";
  public static final String ROW_NUMBER = "row_number";
  public static final String ORIGINAL = "original";
  public static final String REF = "ref";

  // Identity keys.
  public static final String NAME_FULL = "name_full";
  public static final String NAME_FAMILY = "name_family";
  public static final String NAME_GIVEN = "name_given";
  public static final String NAME_FORMER_FAMILY = "name_former_family";
  public static final String NAME_WORD = "name_word";
  public static final String NAME_SCRIPT = "name_script";
  public static final String NAME_FOLDINGS = "name_foldings";
  public static final String READING_KEY = "reading_key";
  public static final String READING_LOOSE = "reading_loose";
  public static final String READING_FAMILY = "reading_family";
  public static final String READING_GIVEN = "reading_given";
  public static final String BIRTH_DATE = "birth_date";
  public static final String BIRTH_DATE_NEAR_MISS = "birth_date_near_miss";
  public static final String POSTCODE = "postcode";
  public static final String ADDRESS_PREFECTURE_CITY = "addr_pref_city";
  public static final String ADDRESS_TOWN = "addr_town";
  public static final String ADDRESS_BLOCK = "addr_block";
  public static final String ADDRESS_BUILDING = "addr_building";
  public static final String ADDRESS_TEXT = "addr_text";
  public static final String PHONE_E164 = "phone_e164";
  public static final String PHONE_LINE = "phone_line";
  public static final String PHONE_SHA256 = "phone_sha256";
  public static final String EMAIL_KEY = "email_key";
  public static final String EMAIL_SHA256 = "email_sha256";
  public static final String SEX = "sex";
  public static final String ISSUED_ID = "issued_id";
  public static final String WORK_CONTEXT = "work_context";
  public static final String RECORD_DATE = "record_date";

  // Locators: what a holding without identity columns is found by (footage, call and web logs).
  public static final String LOC_STORE = "loc_store";
  public static final String LOC_PHONE = "loc_phone";
  public static final String LOC_COOKIE = "loc_cookie";
  public static final String LOC_IP = "loc_ip";
  public static final String LOC_START = "loc_start";
  public static final String LOC_END = "loc_end";

  // Quality of the record's identifiers.
  public static final String ATTRIBUTES_PRESENT = "attrs_present";
  public static final String ATTRIBUTES_FAILED = "attrs_failed";

  /** Values of {@link #ATTRIBUTES_PRESENT} and the first part of {@link #ATTRIBUTES_FAILED}. */
  public enum Attribute {
    NAME,
    FORMER_NAME,
    READING,
    BIRTH_DATE,
    POSTCODE,
    ADDRESS,
    PHONE,
    EMAIL,
    PHONE_SHA256,
    EMAIL_SHA256,
    SEX,
    ISSUED_ID,
    RECORD_DATE,
    LOCATOR;

    /** The spelling stored in the index, e.g. {@code birth_date}. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Every field, in the order a document is written. */
  public static final List<FieldSpec> FIELDS =
      List.of(
          new FieldSpec(DOC_ID, Indexing.KEYWORD_STORED, false, "unique id: sourceId/primaryKey"),
          new FieldSpec(SOURCE_ID, Indexing.KEYWORD_STORED, false, "the catalogue's source id"),
          new FieldSpec(
              COMPANY, Indexing.STORED, false, "the catalogue's company id holding the source"),
          new FieldSpec(CATEGORY, Indexing.STORED, false, "data category id, e.g. customer"),
          new FieldSpec(PRIMARY_KEY, Indexing.STORED, false, "the record's primary key value"),
          new FieldSpec(
              ROW_NUMBER,
              Indexing.STORED,
              false,
              "line (csv, jsonl) or row (jdbc) where the record starts"),
          new FieldSpec(
              ORIGINAL,
              Indexing.STORED,
              false,
              "the record as received: a JSON object of every column in source order, values as strings"
                  + " (null for SQL NULL / JSON null; nested JSON as its JSON text)"),
          new FieldSpec(
              REF, Indexing.KEYWORD_STORED, true, "foreign key: targetSourceId/targetPrimaryKey"),
          new FieldSpec(
              NAME_FULL, Indexing.KEYWORD_STORED, true, "PersonName.fullKey of every name column"),
          new FieldSpec(
              NAME_FAMILY, Indexing.KEYWORD_STORED, true, "PersonName.familyKey, where known"),
          new FieldSpec(
              NAME_GIVEN, Indexing.KEYWORD_STORED, true, "PersonName.givenKey, where known"),
          new FieldSpec(
              NAME_WORD,
              Indexing.KEYWORD,
              true,
              "each word of a Latin-script name of two or more words (PersonName.fullKey split at spaces): pairs with the birth date in retrieval whatever the words' order, a middle name or a slip in another word"),
          new FieldSpec(
              NAME_FORMER_FAMILY,
              Indexing.KEYWORD_STORED,
              true,
              "fullKey of each former family name (旧姓)"),
          new FieldSpec(
              NAME_SCRIPT,
              Indexing.STORED,
              true,
              "PersonName.Script of each name: JAPANESE or LATIN"),
          new FieldSpec(
              NAME_FOLDINGS,
              Indexing.STORED,
              true,
              "PersonName.foldings of each name joined by ',' (empty when none), e.g. 髙→高: explains an equivalent match"),
          new FieldSpec(
              READING_KEY, Indexing.KEYWORD_STORED, true, "Reading.key (katakana, no spaces)"),
          new FieldSpec(READING_LOOSE, Indexing.KEYWORD_STORED, true, "Reading.looseKey"),
          new FieldSpec(
              READING_FAMILY, Indexing.KEYWORD_STORED, true, "Reading.familyKey, where known"),
          new FieldSpec(
              READING_GIVEN, Indexing.KEYWORD_STORED, true, "Reading.givenKey, where known"),
          new FieldSpec(
              BIRTH_DATE, Indexing.KEYWORD_STORED, false, "BirthDate.key(): ISO yyyy-MM-dd"),
          new FieldSpec(
              BIRTH_DATE_NEAR_MISS,
              Indexing.STORED,
              false,
              "BirthDates.nearMissDigits: yyyyMMdd of a day that does not exist; compared as a near miss, never a key"),
          new FieldSpec(POSTCODE, Indexing.KEYWORD_STORED, false, "Address.postcode: 7 digits"),
          new FieldSpec(
              ADDRESS_PREFECTURE_CITY,
              Indexing.KEYWORD_STORED,
              false,
              "Address key at PREFECTURE_CITY"),
          new FieldSpec(ADDRESS_TOWN, Indexing.KEYWORD_STORED, false, "Address key at TOWN"),
          new FieldSpec(ADDRESS_BLOCK, Indexing.KEYWORD_STORED, false, "Address key at BLOCK"),
          new FieldSpec(
              ADDRESS_BUILDING, Indexing.STORED, false, "Address.building, kept for explanations"),
          new FieldSpec(
              ADDRESS_TEXT,
              Indexing.STORED,
              false,
              "KeyRules.freeTextAddress of an address the gazetteer cannot resolve (abroad): NFKC, case-folded, no punctuation; compared by tokens"),
          new FieldSpec(
              PHONE_E164, Indexing.KEYWORD_STORED, true, "Phone.e164 of every phone column"),
          new FieldSpec(
              PHONE_LINE,
              Indexing.STORED,
              true,
              "e164 + ' ' + LineType (MOBILE, FIXED_LINE, OTHER), or UNVERIFIED for a domestic-shaped number libphonenumber does not know"),
          new FieldSpec(
              PHONE_SHA256,
              Indexing.KEYWORD_STORED,
              true,
              "lower-case hex SHA-256 of E.164, from hashed columns only: a search hashes the requester's numbers to find these, and finds clear ones by PHONE_E164"),
          new FieldSpec(
              EMAIL_KEY, Indexing.KEYWORD_STORED, true, "Email.key of every e-mail column"),
          new FieldSpec(
              EMAIL_SHA256,
              Indexing.KEYWORD_STORED,
              true,
              "lower-case hex SHA-256 of Email.key, from hashed columns only (as PHONE_SHA256)"),
          new FieldSpec(SEX, Indexing.STORED, false, "Sexes.normalize: M or F"),
          new FieldSpec(
              ISSUED_ID,
              Indexing.KEYWORD_STORED,
              true,
              "scheme:value of every number the group issued (member, customer, employee numbers)"),
          new FieldSpec(
              WORK_CONTEXT,
              Indexing.STORED,
              true,
              "'workplace: …', 'work phone: …', 'work e-mail: …' as the source holds them: context for the reviewer, never a key"),
          new FieldSpec(
              RECORD_DATE, Indexing.STORED, false, "when the record was made: ISO yyyy-MM-dd"),
          new FieldSpec(
              LOC_STORE, Indexing.KEYWORD_STORED, false, "Locators.storeKey: NFKC, upper case"),
          new FieldSpec(
              LOC_PHONE, Indexing.KEYWORD_STORED, false, "Phone.e164 of a call log's number"),
          new FieldSpec(
              LOC_COOKIE, Indexing.KEYWORD_STORED, true, "cookie or device id, as held (trimmed)"),
          new FieldSpec(
              LOC_IP, Indexing.KEYWORD_STORED, false, "Locators.ipKey: canonical IP text"),
          new FieldSpec(
              LOC_START,
              Indexing.LONG_RANGE_STORED,
              false,
              "when the record begins, epoch second: found by time windows (ranges)"),
          new FieldSpec(
              LOC_END,
              Indexing.LONG_RANGE_STORED,
              false,
              "when it ends, epoch second (= start for an instant); with LOC_START an interval"),
          new FieldSpec(
              ATTRIBUTES_PRESENT,
              Indexing.STORED,
              true,
              "Attribute ids with at least one non-blank mapped column (normalized or not)"),
          new FieldSpec(
              ATTRIBUTES_FAILED,
              Indexing.STORED,
              true,
              "attribute/column/failureCode for every value that could not be normalized"));

  private static final Map<String, FieldSpec> BY_NAME =
      FIELDS.stream().collect(Collectors.toUnmodifiableMap(FieldSpec::name, Function.identity()));

  /** The spec of a field by name, or an exception naming the unknown field. */
  public static FieldSpec field(String name) {
    FieldSpec spec = BY_NAME.get(name);
    if (spec == null) {
      throw new IllegalArgumentException("no index field named '" + name + "'");
    }
    return spec;
  }

  /** The doc id of a record: {@code sourceId/primaryKey}; also the form of a {@link #REF} value. */
  public static String docId(String sourceId, String primaryKey) {
    return sourceId + "/" + primaryKey;
  }
}
