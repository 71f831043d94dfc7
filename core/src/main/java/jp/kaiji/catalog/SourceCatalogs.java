package jp.kaiji.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads the catalogue JSON and checks it structurally: every problem is collected and reported at
 * once, one line each naming the source and the field. Checks that need the data itself (primary
 * key and mapped columns present in the header) are done by the indexer when it samples the
 * sources.
 */
public final class SourceCatalogs {
  /** The charsets a file source may use (canonical names). */
  public static final Set<String> SUPPORTED_CHARSETS = Set.of("UTF-8", "Shift_JIS", "windows-31j");

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern SQL_TABLE =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  private SourceCatalogs() {}

  /** The mapper for catalogue JSON: Optional support, unknown properties rejected. */
  public static ObjectMapper mapper() {
    return JsonMapper.builder()
        .addModule(new Jdk8Module())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();
  }

  /** Reads and validates a catalogue file. */
  public static CatalogFile load(Path file) throws CatalogException {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new CatalogException(name, List.of("no such catalogue file"));
    }
    SourceCatalog catalog;
    try {
      catalog = mapper().readValue(file.toFile(), SourceCatalog.class);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new CatalogException(
          name, List.of("not a valid catalogue" + where + ": " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new CatalogException(name, List.of("cannot read the catalogue: " + e.getMessage()));
    }
    CatalogFile loaded = new CatalogFile(catalog, file);
    List<String> problems = validate(loaded);
    if (!problems.isEmpty()) {
      throw new CatalogException(name, problems);
    }
    return new CatalogFile(HoldingChecks.resolve(resolveCategories(catalog), loaded.dir()), file);
  }

  /** The catalogue with every source's category resolved against the known categories. */
  private static SourceCatalog resolveCategories(SourceCatalog catalog) {
    Map<String, DataCategory> known = catalog.knownCategories();
    List<SourceDefinition> sources = new ArrayList<>(catalog.sources().size());
    for (SourceDefinition s : catalog.sources()) {
      sources.add(
          new SourceDefinition(
              s.id(),
              s.company(),
              s.title(),
              s.kind(),
              s.path(),
              s.jdbc(),
              s.charset(),
              s.primaryKey(),
              s.identity(),
              s.foreignKeys(),
              known.get(s.category().id()),
              s.purpose(),
              s.jointlyUsed(),
              s.xlsx(),
              s.locators(),
              s.retentionDays(),
              s.media()));
    }
    return new SourceCatalog(
        catalog.companies(), catalog.jointUse(), sources, catalog.categories());
  }

  private static void checkCategories(SourceCatalog catalog, List<String> problems) {
    Set<String> declared = new HashSet<>();
    for (int i = 0; i < catalog.categories().size(); i++) {
      DataCategory.Declaration d = catalog.categories().get(i);
      String at = "categories[" + i + "]" + (d.id() == null ? "" : " '" + d.id() + "'") + ": ";
      if (!DataCategory.validId(d.id())) {
        problems.add(at + "id must be lower snake case (e.g. orders, call_recording)");
      } else if (!declared.add(d.id())) {
        problems.add(at + "duplicate category id");
      }
      if (blank(d.label())) {
        problems.add(at + "label is missing (the Japanese name requesters see)");
      }
      if (blank(d.purpose())) {
        problems.add(at + "purpose is missing (the purpose of use)");
      }
      if (blank(d.obtainedBy())) {
        problems.add(at + "obtainedBy is missing (how the data was obtained)");
      }
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * Column names of the identity mapping, the primary key and the foreign keys: never blank; a JSON
   * Pointer only in a jsonl source; one way to map the address and the postcode.
   */
  private static void checkColumns(SourceDefinition s, String at, List<String> problems) {
    List<Map.Entry<String, String>> columns = new ArrayList<>();
    if (s.primaryKey() != null && !s.primaryKey().isBlank()) {
      columns.add(Map.entry("primaryKey", s.primaryKey()));
    }
    for (int i = 0; i < s.foreignKeys().size(); i++) {
      columns.add(Map.entry("foreignKeys[" + i + "].column", s.foreignKeys().get(i).column()));
    }
    IdentityMapping m = s.identity();
    if (m != null) {
      if (m.address().isPresent() && !m.addressColumns().isEmpty()) {
        problems.add(at + "identity has both address and addressColumns; give one");
      }
      if (m.postcode().isPresent() && !m.postcodeColumns().isEmpty()) {
        problems.add(at + "identity has both postcode and postcodeColumns; give one");
      }
      if (m.postcodeColumns().size() > 2) {
        problems.add(
            at
                + "identity.postcodeColumns takes one column or two (the 3 and the 4 digits), got "
                + m.postcodeColumns().size());
      }
      for (int i = 0; i < m.issuedIds().size(); i++) {
        String scheme = m.issuedIds().get(i).scheme();
        if (scheme == null || scheme.isBlank()) {
          problems.add(
              at
                  + "identity.issuedIds["
                  + i
                  + "] names no scheme (the numbering it belongs to, e.g. regate-member)");
        }
      }
      // Work context is never evidence: a column cannot be both a key and context.
      Set<String> keys = new HashSet<>(m.phones());
      keys.addAll(m.emails());
      for (String c : concat(m.workPhones(), m.workEmails())) {
        if (keys.contains(c)) {
          problems.add(
              at + "identity maps '" + c + "' both as a key and as work context; give one");
        }
      }
      m.mappedColumns()
          .forEach(e -> columns.add(Map.entry("identity." + e.getKey(), e.getValue())));
    }
    s.locators()
        .ifPresent(
            l ->
                l.mappedColumns()
                    .forEach(e -> columns.add(Map.entry("locators." + e.getKey(), e.getValue()))));
    s.media().ifPresent(md -> columns.add(Map.entry("media.column", md.column())));
    for (Map.Entry<String, String> e : columns) {
      String col = e.getValue();
      if (col == null || col.isBlank()) {
        problems.add(at + e.getKey() + " names no column");
      } else if (col.startsWith("/")) {
        if (s.kind() != SourceKind.JSONL && s.kind() != SourceKind.JDBC) {
          problems.add(
              at
                  + e.getKey()
                  + " '"
                  + col
                  + "' is a JSON Pointer; only jsonl and jdbc sources take one (kind is "
                  + s.kind().id()
                  + ")");
        } else {
          try {
            com.fasterxml.jackson.core.JsonPointer.compile(col);
          } catch (IllegalArgumentException ex) {
            problems.add(
                at + e.getKey() + " '" + col + "' is not a JSON Pointer: " + ex.getMessage());
          }
        }
      }
    }
  }

  /** Every structural problem of the catalogue, one line each; empty when it is usable. */
  public static List<String> validate(CatalogFile file) {
    SourceCatalog catalog = file.catalog();
    List<String> problems = new ArrayList<>();
    Set<String> companies = new HashSet<>();
    for (Company c : catalog.companies()) {
      if (!companies.add(c.id())) {
        problems.add("company '" + c.id() + "': duplicate company id");
      }
    }
    checkCategories(catalog, problems);
    Map<String, DataCategory> known = catalog.knownCategories();
    Set<String> sourceIds = new HashSet<>();
    for (SourceDefinition s : catalog.sources()) {
      if (s.id() == null || s.id().isBlank()) {
        problems.add("a source has no id");
      } else if (!sourceIds.add(s.id())) {
        problems.add("source '" + s.id() + "': duplicate source id");
      } else if (s.id().contains("/")) {
        problems.add("source '" + s.id() + "': id must not contain '/'");
      }
    }
    for (SourceDefinition s : catalog.sources()) {
      String at = "source '" + s.id() + "': ";
      if (s.company() == null || !companies.contains(s.company())) {
        problems.add(at + "company '" + s.company() + "' is not a company of the catalogue");
      }
      if (s.kind() == null) {
        problems.add(at + "kind is missing (csv, jsonl, jdbc or xlsx)");
        continue;
      }
      if (s.category() == null) {
        problems.add(at + "category is missing");
      }
      if (s.primaryKey() == null || s.primaryKey().isBlank()) {
        problems.add(at + "primaryKey is missing");
      }
      if (s.identity() == null && s.locators().isEmpty()) {
        problems.add(
            at
                + "identity is missing (use {} for a source that reaches its person only by foreign keys)");
      }
      HoldingChecks.check(file, s, at, problems);
      switch (s.kind()) {
        case CSV, JSONL, XLSX -> checkFile(file, s, at, problems);
        case JDBC -> checkJdbc(s, at, problems);
      }
      checkXlsx(s, at, problems);
      checkColumns(s, at, problems);
      if (s.category() != null && !known.containsKey(s.category().id())) {
        problems.add(
            at
                + "category '"
                + s.category().id()
                + "' is neither one of the policy's "
                + DataCategory.policyIds()
                + " nor declared in categories");
      }
      for (int i = 0; i < s.foreignKeys().size(); i++) {
        ForeignKey fk = s.foreignKeys().get(i);
        if (!sourceIds.contains(fk.source())) {
          problems.add(
              at
                  + "foreignKeys["
                  + i
                  + "].source '"
                  + fk.source()
                  + "' is not a source of the catalogue");
        }
      }
    }
    JointUse joint = catalog.jointUse();
    if (joint != null) {
      for (String c : joint.companies()) {
        if (!companies.contains(c)) {
          problems.add("jointUse: companies entry '" + c + "' is not a company of the catalogue");
        }
      }
      if (joint.responsibleParty() != null && !companies.contains(joint.responsibleParty())) {
        problems.add(
            "jointUse: responsibleParty '"
                + joint.responsibleParty()
                + "' is not a company of the catalogue");
      }
    }
    return problems;
  }

  private static void checkFile(
      CatalogFile file, SourceDefinition s, String at, List<String> problems) {
    if (s.jdbc().isPresent()) {
      problems.add(at + "jdbc is given but kind is " + s.kind().id());
    }
    if (s.path().isEmpty() || s.path().get().isBlank()) {
      problems.add(at + "path is missing (required for kind " + s.kind().id() + ")");
    } else {
      Path p = file.pathOf(s);
      if (!Files.isRegularFile(p)) {
        problems.add(at + "path '" + s.path().get() + "' does not exist (resolved to " + p + ")");
      } else if (!Files.isReadable(p)) {
        problems.add(at + "path '" + s.path().get() + "' is not readable");
      }
    }
    s.charset()
        .ifPresent(
            cs -> {
              try {
                String canonical = Charset.forName(cs).name();
                if (!SUPPORTED_CHARSETS.contains(canonical)) {
                  problems.add(
                      at
                          + "charset '"
                          + cs
                          + "' is not supported; use UTF-8, Shift_JIS or Windows-31J");
                }
              } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                problems.add(
                    at + "charset '" + cs + "' is unknown; use UTF-8, Shift_JIS or Windows-31J");
              }
            });
  }

  /** The sheet of an xlsx source; no sheet on another kind; no charset (the workbook says it). */
  private static void checkXlsx(SourceDefinition s, String at, List<String> problems) {
    if (s.kind() != SourceKind.XLSX) {
      if (s.xlsx().isPresent()) {
        problems.add(at + "xlsx is given but kind is " + s.kind().id());
      }
      return;
    }
    if (s.charset().isPresent()) {
      problems.add(at + "charset does not apply to kind xlsx (a workbook's text is Unicode)");
    }
    if (s.xlsx().isEmpty()) {
      problems.add(at + "xlsx is missing (required for kind xlsx: {\"sheet\": ...})");
      return;
    }
    XlsxLocation x = s.xlsx().get();
    if (blank(x.sheet())) {
      problems.add(at + "xlsx.sheet is missing (the sheet's name as on its tab)");
    }
    if (x.headerRow().isPresent() && x.headerRow().get() < 1) {
      problems.add(at + "xlsx.headerRow must be 1 or more, got " + x.headerRow().get());
    }
    if (x.firstDataRow().isPresent() && x.firstDataRow().get() <= x.header()) {
      problems.add(
          at
              + "xlsx.firstDataRow "
              + x.firstDataRow().get()
              + " must come after the header row "
              + x.header());
    }
  }

  private static void checkJdbc(SourceDefinition s, String at, List<String> problems) {
    if (s.path().isPresent()) {
      problems.add(at + "path is given but kind is jdbc");
    }
    if (s.charset().isPresent()) {
      problems.add(at + "charset does not apply to kind jdbc (the driver decodes text)");
    }
    if (s.jdbc().isEmpty()) {
      problems.add(at + "jdbc is missing (required for kind jdbc)");
      return;
    }
    JdbcLocation j = s.jdbc().get();
    if (j.url() == null || !j.url().startsWith("jdbc:")) {
      problems.add(at + "jdbc.url must start with 'jdbc:'");
    }
    if (j.query().isPresent() == j.table().isPresent()) {
      problems.add(at + "jdbc needs exactly one of query or table");
    }
    j.table()
        .ifPresent(
            t -> {
              if (!SQL_TABLE.matcher(t).matches()) {
                problems.add(at + "jdbc.table '" + t + "' is not a plain table name");
              }
            });
    j.userEnv().ifPresent(v -> checkEnv(at, "jdbc.userEnv", v, problems));
    j.passwordEnv().ifPresent(v -> checkEnv(at, "jdbc.passwordEnv", v, problems));
  }

  private static void checkEnv(String at, String field, String name, List<String> problems) {
    if (!ENV_NAME.matcher(name).matches()) {
      problems.add(at + field + " '" + name + "' is not an environment variable name");
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
