package jp.kaiji.match;

import static jp.kaiji.testing.Mappings.mapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kaiji.catalog.DataCategory;
import jp.kaiji.catalog.ForeignKey;
import jp.kaiji.catalog.IdentityMapping;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.catalog.SourceKind;
import jp.kaiji.schema.IndexSchema;
import jp.kaiji.schema.NormalizedRecord;
import jp.kaiji.schema.RecordNormalizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link SubjectIndex} backend promises, checked against real generations built by the
 * backend's own writer. A backend's test extends this class and says how to build a generation
 * ({@link Backend#publish}); the cases stay the same for Lucene and any engine that follows.
 *
 * <p>The world: customers (three people, two sharing a phone), orders pointing at customers by a
 * foreign key, and an empty source. All data made up.
 */
public abstract class SubjectIndexContract {

  /** One source's records for a generation, in source order. */
  public record SourceRows(SourceDefinition source, List<Map<String, String>> rows) {
    public SourceRows {
      rows = List.copyOf(rows);
    }
  }

  /** A backend under test: its index and the writer that publishes generations to it. */
  public interface Backend extends AutoCloseable {
    SubjectIndex index();

    /**
     * Builds one generation from these sources with the backend's real writer (keys from {@link
     * RecordNormalizer}) and makes it the serving one.
     */
    void publish(List<SourceRows> sources) throws Exception;
  }

  /** A fresh backend with no generation, storing under {@code dir}. */
  protected abstract Backend newBackend(Path dir) throws Exception;

  protected static final SourceDefinition CUSTOMERS =
      source(
          "customers",
          "customer_id",
          mapping().fullName("name").birthDate("birth").phones("phone").emails("email").build(),
          List.of());
  protected static final SourceDefinition ORDERS =
      source(
          "orders",
          "order_id",
          mapping().build(),
          List.of(new ForeignKey("customer_id", "customers")));
  protected static final SourceDefinition EMPTY =
      source("returns", "return_id", mapping().phones("phone").build(), List.of());

  private static final List<Map<String, String>> CUSTOMER_ROWS =
      List.of(
          row(
              "customer_id",
              "c1",
              "name",
              "山田 太郎",
              "birth",
              "1975-03-05",
              "phone",
              "090-1234-5678",
              "email",
              "taro.yamada@example.jp"),
          row(
              "customer_id",
              "c2",
              "name",
              "山田 花子",
              "birth",
              "1977-08-21",
              "phone",
              "090-1234-5678",
              "email",
              "hanako@example.jp"),
          row(
              "customer_id",
              "c3",
              "name",
              "佐藤 次郎",
              "birth",
              "1980-01-02",
              "phone",
              "06-4400-1876",
              "email",
              "jiro.sato@example.net"));
  private static final List<Map<String, String>> ORDER_ROWS =
      List.of(
          row("order_id", "o1", "customer_id", "c1", "amount", "1500"),
          row("order_id", "o2", "customer_id", "c1", "amount", "300"),
          row("order_id", "o3", "customer_id", "c3", "amount", "10"));

  private Backend backend;
  @TempDir Path dir;

  @BeforeEach
  void open() throws Exception {
    backend = newBackend(dir);
  }

  @AfterEach
  void close() throws Exception {
    backend.close();
  }

  private void publishWorld() throws Exception {
    backend.publish(
        List.of(
            new SourceRows(CUSTOMERS, CUSTOMER_ROWS),
            new SourceRows(ORDERS, ORDER_ROWS),
            new SourceRows(EMPTY, List.of())));
  }

  @Test
  void emptyBeforeTheFirstBuild() {
    assertTrue(backend.index().acquire().isEmpty(), "no snapshot before any generation");
  }

  @Test
  void exactFindReturnsEveryHolderOfAKey() throws Exception {
    publishWorld();
    try (SubjectIndex.Snapshot s = backend.index().acquire().orElseThrow()) {
      assertEquals(
          Set.of("c1", "c2"),
          keys(s.find(exact(IndexSchema.PHONE_E164, key("c1", IndexSchema.PHONE_E164)), 10)));
      assertEquals(
          Set.of("c3"),
          keys(s.find(exact(IndexSchema.EMAIL_KEY, key("c3", IndexSchema.EMAIL_KEY)), 10)));
      assertEquals(
          Set.of(), keys(s.find(exact(new SubjectIndex.KeyTerm(IndexSchema.EMAIL_KEY, "x")), 10)));
      assertEquals(List.of(), s.find(SubjectIndex.CandidateQuery.exactly(List.of()), 10));
      assertEquals(
          1,
          s.find(exact(IndexSchema.PHONE_E164, key("c1", IndexSchema.PHONE_E164)), 1).size(),
          "limit holds");
    }
  }

  @Test
  void fuzzyFindToleratesOneEditAndNoMore() throws Exception {
    publishWorld();
    String email = key("c3", IndexSchema.EMAIL_KEY);
    String oneEdit = email.substring(0, 2) + "q" + email.substring(3);
    String twoEdits = "qq" + email.substring(2);
    try (SubjectIndex.Snapshot s = backend.index().acquire().orElseThrow()) {
      assertEquals(Set.of("c3"), keys(s.find(fuzzy(IndexSchema.EMAIL_KEY, oneEdit), 10)));
      assertEquals(Set.of(), keys(s.find(fuzzy(IndexSchema.EMAIL_KEY, twoEdits), 10)));
    }
  }

  @Test
  void aBirthDateOrANeighbourOfTheNameRetrievesOnlyInPairs() throws Exception {
    publishWorld();
    var birth = new SubjectIndex.KeyTerm(IndexSchema.BIRTH_DATE, key("c1", IndexSchema.BIRTH_DATE));
    var family =
        new SubjectIndex.KeyTerm(IndexSchema.NAME_FAMILY, key("c1", IndexSchema.NAME_FAMILY));
    String full = key("c1", IndexSchema.NAME_FULL);
    var neighbour =
        new SubjectIndex.KeyTerm(IndexSchema.NAME_FULL, full.substring(0, full.length() - 1) + "一");
    var email = new SubjectIndex.KeyTerm(IndexSchema.EMAIL_KEY, key("c3", IndexSchema.EMAIL_KEY));
    try (SubjectIndex.Snapshot s = backend.index().acquire().orElseThrow()) {
      assertEquals(Set.of("c1"), keys(s.find(exact(birth), 10)), "unpaired, it retrieves alone");
      assertEquals(Set.of(), keys(s.find(paired(List.of(), List.of(), birth, List.of()), 10)));
      assertEquals(
          Set.of("c1"),
          keys(s.find(paired(List.of(), List.of(), birth, List.of(family)), 10)),
          "the birth date with the family name: c2 shares the name, not the date");
      assertEquals(
          Set.of(), keys(s.find(paired(List.of(), List.of(neighbour), null, List.of(family)), 10)));
      assertEquals(
          Set.of("c1"), keys(s.find(paired(List.of(), List.of(neighbour), birth, List.of()), 10)));
      assertEquals(
          Set.of("c1", "c3"),
          keys(s.find(paired(List.of(email), List.of(neighbour), birth, List.of()), 10)),
          "an exact key still retrieves alone");
    }
  }

  @Test
  void aCommonNameRetrievesOnlyWithABirthDatePlaceOrIdentifier() throws Exception {
    publishWorld();
    var name = new SubjectIndex.KeyTerm(IndexSchema.NAME_FULL, key("c1", IndexSchema.NAME_FULL));
    var birth = new SubjectIndex.KeyTerm(IndexSchema.BIRTH_DATE, key("c1", IndexSchema.BIRTH_DATE));
    var otherBirth =
        new SubjectIndex.KeyTerm(IndexSchema.BIRTH_DATE, key("c3", IndexSchema.BIRTH_DATE));
    var otherName =
        new SubjectIndex.KeyTerm(IndexSchema.NAME_FULL, key("c3", IndexSchema.NAME_FULL));
    try (SubjectIndex.Snapshot s = backend.index().acquire().orElseThrow()) {
      assertEquals(Set.of(), keys(s.find(common(name, List.of(), null), 10)), "alone: nothing");
      assertEquals(Set.of("c1"), keys(s.find(common(name, List.of(), birth), 10)));
      assertEquals(Set.of(), keys(s.find(common(name, List.of(), otherBirth), 10)));
      assertEquals(
          Set.of("c3"),
          keys(s.find(common(name, List.of(otherName), null), 10)),
          "another name retrieves its own holders, and pairs with no common name");
    }
  }

  private static SubjectIndex.CandidateQuery common(
      SubjectIndex.KeyTerm name, List<SubjectIndex.KeyTerm> exact, SubjectIndex.KeyTerm birth) {
    return new SubjectIndex.CandidateQuery(
        exact,
        List.of(),
        Optional.of(
            new SubjectIndex.Pairing(
                birth == null ? List.of() : List.of(birth),
                List.of(),
                List.of(),
                List.of(),
                List.of(name))));
  }

  private static SubjectIndex.CandidateQuery paired(
      List<SubjectIndex.KeyTerm> exact,
      List<SubjectIndex.KeyTerm> fuzzy,
      SubjectIndex.KeyTerm birth,
      List<SubjectIndex.KeyTerm> nameParts) {
    return new SubjectIndex.CandidateQuery(
        exact,
        fuzzy,
        Optional.of(
            new SubjectIndex.Pairing(
                birth == null ? List.of() : List.of(birth), nameParts, List.of())));
  }

  @Test
  void getReturnsTheRecordAsIndexed() throws Exception {
    publishWorld();
    try (SubjectIndex.Snapshot s = backend.index().acquire().orElseThrow()) {
      IndexedRecord r = s.get("customers", "c2").orElseThrow();
      assertEquals("customers", r.sourceId());
      assertEquals("c2", r.primaryKey());
      assertEquals("customers/c2", r.docId());
      assertEquals("group", r.company());
      assertEquals(DataCategory.CUSTOMER.id(), r.category());
      assertEquals(2, r.rowNumber());
      assertTrue(r.originalJson().contains("hanako@example.jp"), r.originalJson());
      assertTrue(s.get("customers", "c9").isEmpty());
      assertTrue(s.get("orders", "c2").isEmpty(), "a key is looked up within its source");
    }
  }

  @Test
  void referencingFollowsForeignKeys() throws Exception {
    publishWorld();
    try (SubjectIndex.Snapshot s = backend.index().acquire().orElseThrow()) {
      assertEquals(Set.of("o1", "o2"), keys(s.referencing("customers/c1", 10)));
      assertEquals(Set.of("o3"), keys(s.referencing("customers/c3", 10)));
      assertEquals(Set.of(), keys(s.referencing("customers/c2", 10)));
      assertEquals(List.of("customers/c1"), s.get("orders", "o2").orElseThrow().refs());
    }
  }

  @Test
  void countsPerSourceIncludeEmptySources() throws Exception {
    publishWorld();
    try (SubjectIndex.Snapshot s = backend.index().acquire().orElseThrow()) {
      assertEquals(Map.of("customers", 3L, "orders", 3L, "returns", 0L), s.recordsPerSource());
    }
  }

  @Test
  void termStatisticsCountRecords() throws Exception {
    publishWorld();
    try (SubjectIndex.Snapshot s = backend.index().acquire().orElseThrow()) {
      assertEquals(6, s.docCount());
      assertEquals(2, s.docFreq(IndexSchema.PHONE_E164, key("c1", IndexSchema.PHONE_E164)));
      assertEquals(1, s.docFreq(IndexSchema.PHONE_E164, key("c3", IndexSchema.PHONE_E164)));
      assertEquals(0, s.docFreq(IndexSchema.PHONE_E164, "+810000000000"));
    }
  }

  @Test
  void aSnapshotKeepsItsGenerationAcrossASwitch() throws Exception {
    publishWorld();
    SubjectIndex.Snapshot before = backend.index().acquire().orElseThrow();
    try {
      backend.publish(
          List.of(
              new SourceRows(CUSTOMERS, CUSTOMER_ROWS.subList(2, 3)),
              new SourceRows(ORDERS, List.of()),
              new SourceRows(EMPTY, List.of())));
      try (SubjectIndex.Snapshot after = backend.index().acquire().orElseThrow()) {
        assertTrue(
            !after.generation().id().equals(before.generation().id()),
            "a new generation serves after the switch");
        assertEquals(1, after.docCount());
        assertTrue(after.get("customers", "c1").isEmpty());
        assertEquals(
            Map.of("customers", 1L, "orders", 0L, "returns", 0L), after.recordsPerSource());
      }
      // The snapshot taken before the switch still answers from its own generation.
      assertEquals(6, before.docCount());
      assertTrue(before.get("customers", "c1").isPresent());
      assertEquals(Set.of("o1", "o2"), keys(before.referencing("customers/c1", 10)));
      assertEquals(Map.of("customers", 3L, "orders", 3L, "returns", 0L), before.recordsPerSource());
    } finally {
      before.close();
    }
  }

  /** The normalized key of one customer in {@code field}, as the writer indexes it. */
  private static String key(String customerId, String field) {
    Map<String, String> row =
        CUSTOMER_ROWS.stream()
            .filter(r -> r.get("customer_id").equals(customerId))
            .findFirst()
            .orElseThrow();
    NormalizedRecord n = RecordNormalizer.normalize(CUSTOMERS.identity(), row);
    return n.keys().stream()
        .filter(k -> k.field().equals(field))
        .map(NormalizedRecord.Key::value)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + field + " key for " + customerId));
  }

  private static SubjectIndex.CandidateQuery exact(String field, String value) {
    return exact(new SubjectIndex.KeyTerm(field, value));
  }

  private static SubjectIndex.CandidateQuery exact(SubjectIndex.KeyTerm term) {
    return SubjectIndex.CandidateQuery.exactly(List.of(term));
  }

  private static SubjectIndex.CandidateQuery fuzzy(String field, String value) {
    return new SubjectIndex.CandidateQuery(
        List.of(), List.of(new SubjectIndex.KeyTerm(field, value)), Optional.empty());
  }

  private static Set<String> keys(List<IndexedRecord> records) {
    return records.stream().map(IndexedRecord::primaryKey).collect(Collectors.toSet());
  }

  /** A source row from column/value pairs, in order. */
  public static Map<String, String> row(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  /** A JSON Lines source of company "group", category customer. */
  public static SourceDefinition source(
      String id, String primaryKey, IdentityMapping identity, List<ForeignKey> foreignKeys) {
    return new SourceDefinition(
        id,
        "group",
        id,
        SourceKind.JSONL,
        Optional.of(id + ".jsonl"),
        Optional.empty(),
        Optional.empty(),
        primaryKey,
        identity,
        foreignKeys,
        DataCategory.CUSTOMER,
        "synthetic test data",
        false);
  }
}
