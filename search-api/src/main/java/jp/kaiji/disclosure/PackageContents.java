package jp.kaiji.disclosure;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kaiji.catalog.SourceCatalog;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.normalize.Hashes;

/**
 * The files of one disclosure package, in archive order: {@code index.html} (the answer in
 * Japanese), {@code data.json} (the disclosed records grouped company → source with category and
 * purpose), {@code csv/<source>.csv} (UTF-8 with BOM, CRLF, for Excel), and {@code manifest.json}
 * (request, generation, every source searched with its hits, SHA-256 of every other file).
 *
 * <p>Deterministic: built only from the stored request, its frozen search result, its decisions and
 * redactions, and the catalogue; the one timestamp is the moment the request was marked ready.
 */
public final class PackageContents {
  /** The format id in {@code manifest.json}. */
  public static final String FORMAT = "kaiji-disclosure-package/1";

  private static final ObjectMapper JSON =
      new ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module());
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private PackageContents() {}

  /** One disclosed record after redaction. */
  record Disclosed(ResultSnapshot.Hit hit, JsonNode data, List<Redaction> redactions) {}

  /** A source with the records it discloses. */
  record SourceDisclosure(
      String company, String legalName, ResultSnapshot.Source source, List<Disclosed> records) {}

  /** A record of provision to third parties, as the index page lists it. */
  record Provision(
      String company,
      String source,
      String recordId,
      String recipient,
      String items,
      String date) {}

  /** The package's files, name → bytes, in archive order. */
  public static Map<String, byte[]> build(DisclosureCase c, SourceCatalog catalog) {
    ResultSnapshot result =
        c.result()
            .orElseThrow(() -> new IllegalStateException(c.reference() + " has no search result"));
    String generatedAt =
        c.readyAt()
            .orElseThrow(
                () -> new IllegalStateException(c.reference() + " was never marked ready"));
    List<SourceDisclosure> sources = disclosed(c, result);
    List<Provision> provisions = provisions(sources, catalog);

    Map<String, byte[]> files = new LinkedHashMap<>();
    // Referenced files (recordings) follow the documents; they are collected first to name them.
    Map<String, byte[]> mediaFiles = new LinkedHashMap<>();
    Map<String, PackageMedia.Entry> media = PackageMedia.collect(sources, catalog, mediaFiles);
    files.put(
        "index.html",
        IndexHtml.render(c, generatedAt, sources, provisions, catalog, media)
            .getBytes(StandardCharsets.UTF_8));
    files.put("data.json", json(data(c, generatedAt, sources, provisions, catalog, media)));
    for (SourceDisclosure s : sources) {
      files.put(
          csvName(s.source().source()),
          Csv.write(s.records().stream().map(Disclosed::data).toList()));
    }
    files.putAll(mediaFiles);
    files.put("manifest.json", json(manifest(c, generatedAt, result, sources, files)));
    return files;
  }

  static String csvName(String sourceId) {
    return "csv/" + sourceId.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
  }

  private static List<SourceDisclosure> disclosed(DisclosureCase c, ResultSnapshot result) {
    List<SourceDisclosure> out = new ArrayList<>();
    for (ResultSnapshot.Company company : result.companies()) {
      for (ResultSnapshot.Source s : company.sources()) {
        List<Disclosed> records = new ArrayList<>();
        for (ResultSnapshot.Hit h : s.records()) {
          if (c.disclosed(h)) {
            List<Redaction> rs =
                c.redactions().stream().filter(r -> r.recordId().equals(h.id())).toList();
            records.add(new Disclosed(h, Redactions.apply(h.original(), rs), rs));
          }
        }
        if (!records.isEmpty()) {
          out.add(new SourceDisclosure(company.company(), company.legalName(), s, records));
        }
      }
    }
    return out;
  }

  private static List<Provision> provisions(List<SourceDisclosure> sources, SourceCatalog catalog) {
    List<Provision> out = new ArrayList<>();
    for (SourceDisclosure s : sources) {
      if (!"third_party_provision".equals(s.source().category())) {
        continue;
      }
      Optional<String> dateColumn =
          catalog.sources().stream()
              .filter(d -> d.id().equals(s.source().source()))
              .findFirst()
              .map(SourceDefinition::identity)
              .flatMap(i -> i.recordDate());
      for (Disclosed d : s.records()) {
        String date =
            dateColumn
                .map(col -> text(d.data(), col))
                .filter(v -> !v.isEmpty())
                .orElseGet(() -> first(d.data(), "提供日", "date", "provided_on"));
        out.add(
            new Provision(
                s.legalName(),
                s.source().title(),
                d.hit().id(),
                first(d.data(), "提供先", "recipient"),
                first(d.data(), "提供項目", "items"),
                date));
      }
    }
    return out;
  }

  private static String first(JsonNode data, String... columns) {
    for (String col : columns) {
      String v = text(data, col);
      if (!v.isEmpty()) {
        return v;
      }
    }
    return "";
  }

  static String text(JsonNode data, String column) {
    JsonNode v = data.get(column);
    return v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString();
  }

  private static ObjectNode data(
      DisclosureCase c,
      String generatedAt,
      List<SourceDisclosure> sources,
      List<Provision> provisions,
      SourceCatalog catalog,
      Map<String, PackageMedia.Entry> media) {
    ObjectNode root = JSON.createObjectNode();
    root.put("requestReference", c.reference());
    root.put("receivedOn", c.form().receivedOn());
    root.put("generatedAt", generatedAt);
    root.put("nothingHeld", sources.isEmpty());
    root.set("categories", JSON.valueToTree(HoldingsSection.states(c, sources)));
    ArrayNode companies = root.putArray("companies");
    String current = null;
    ArrayNode companySources = null;
    for (SourceDisclosure s : sources) {
      if (!s.company().equals(current)) {
        current = s.company();
        ObjectNode co = companies.addObject();
        co.put("company", s.company());
        co.put("legalName", s.legalName());
        companySources = co.putArray("sources");
      }
      ObjectNode so = companySources.addObject();
      so.put("source", s.source().source());
      so.put("title", s.source().title());
      so.put("category", s.source().category());
      so.put("categoryLabel", s.source().categoryLabel());
      so.put("purpose", s.source().purpose());
      so.put("jointlyUsed", s.source().jointlyUsed());
      ArrayNode records = so.putArray("records");
      for (Disclosed d : s.records()) {
        ObjectNode r = records.addObject();
        r.put("id", d.hit().id());
        r.put("key", d.hit().key());
        r.set("data", d.data());
        PackageMedia.Entry m = media.get(d.hit().id());
        if (m != null) {
          ObjectNode mo = r.putObject("media").put("referenced", m.referenced());
          m.packaged().ifPresent(f -> mo.put("file", f));
          m.sha256().ifPresent(h -> mo.put("sha256", h).put("bytes", m.bytes()));
          mo.put("statement", m.statement());
        }
        ArrayNode red = r.putArray("redactions");
        d.redactions()
            .forEach(x -> red.addObject().put("field", x.field()).put("reason", x.reason()));
      }
    }
    ArrayNode prov = root.putArray("thirdPartyProvisions");
    provisions.forEach(
        p ->
            prov.addObject()
                .put("company", p.company())
                .put("source", p.source())
                .put("recordId", p.recordId())
                .put("recipient", p.recipient())
                .put("items", p.items())
                .put("date", p.date()));
    ObjectNode joint = root.putObject("jointUse");
    var ju = catalog.jointUse();
    if (ju != null) {
      ju.items().forEach(joint.putArray("items")::add);
      ArrayNode jc = joint.putArray("companies");
      ju.companies().forEach(id -> jc.add(legalName(catalog, id)));
      joint.put("purpose", ju.purpose());
      joint.put("responsibleParty", legalName(catalog, ju.responsibleParty()));
    }
    return root;
  }

  static String legalName(SourceCatalog catalog, String companyId) {
    return catalog.companies().stream()
        .filter(co -> co.id().equals(companyId))
        .findFirst()
        .map(co -> co.legalName())
        .orElse(companyId);
  }

  private static ObjectNode manifest(
      DisclosureCase c,
      String generatedAt,
      ResultSnapshot result,
      List<SourceDisclosure> sources,
      Map<String, byte[]> files) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("requestReference", c.reference());
    root.put("receivedOn", c.form().receivedOn());
    root.put("generatedAt", generatedAt);
    root.putObject("indexGeneration")
        .put("id", result.generation())
        .put("builtAt", result.generationBuiltAt());
    root.put("searchedAt", result.searchedAt());
    root.put("nothingHeld", sources.isEmpty());
    ArrayNode searched = root.putArray("sourcesSearched");
    for (ResultSnapshot.SourceSearched s : result.sourcesSearched()) {
      long disclosed =
          sources.stream()
              .filter(d -> d.source().source().equals(s.source()))
              .mapToLong(d -> d.records().size())
              .sum();
      searched
          .addObject()
          .put("source", s.source())
          .put("company", s.company())
          .put("records", s.records())
          .put("hits", s.hits())
          .put("disclosed", disclosed);
    }
    ArrayNode list = root.putArray("files");
    Set<String> names = new LinkedHashSet<>(files.keySet());
    for (String name : names) {
      list.addObject()
          .put("name", name)
          .put("bytes", files.get(name).length)
          .put("sha256", sha256(files.get(name)));
    }
    return root;
  }

  private static byte[] json(JsonNode node) {
    try {
      return (JSON.writer(PRETTY).writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String sha256(byte[] bytes) {
    return Hashes.sha256Hex(bytes);
  }
}
