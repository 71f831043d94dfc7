package jp.kaiji.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.kaiji.catalog.SourceCatalogs;
import jp.kaiji.match.lucene.IndexGenerations;
import jp.kaiji.match.lucene.SourceStats;
import jp.kaiji.schema.IndexSchema;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed sample's sources in their real layouts (split columns, nested JSON Lines, an Excel
 * sheet, a JSON column over JDBC) index without quarantine, and their stored originals keep the
 * source's types and nesting.
 */
class SampleLayoutsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void everyLayoutOfTheSampleIndexesAndKeepsItsOriginal() throws Exception {
    Path here = Path.of("").toAbsolutePath();
    Path root = Files.exists(here.resolve("fixtures/sample")) ? here : here.getParent();
    IndexGenerations gens = new IndexGenerations(dir.resolve("data"));
    RebuildJob job =
        new RebuildJob(SourceCatalogs.load(root.resolve("fixtures/sample/catalog.json")), gens);
    job.run();
    assertThat(job.progress().state())
        .as(job.progress().message().orElse(""))
        .isEqualTo(RebuildJob.State.SUCCEEDED);
    List<String> truth =
        Files.readAllLines(root.resolve("fixtures/sample/truth.csv"), StandardCharsets.UTF_8);
    RebuildReport report = job.report().orElseThrow();
    for (String source :
        List.of("regate-members", "iza-campaign", "rext-lab-seminars", "rext-shared-employees")) {
      long expected = truth.stream().filter(l -> l.startsWith(source + ",")).count();
      SourceStats stats =
          report.sources().stream()
              .filter(x -> x.source().equals(source))
              .findFirst()
              .orElseThrow();
      assertThat(expected).as(source).isPositive();
      assertThat(stats.indexed()).as(source).isEqualTo(expected);
    }
    try (DirectoryReader reader = gens.openCurrent()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      JsonNode employee = original(searcher, "rext-shared-employees/E00000001");
      assertThat(employee.path("CONTACT").isObject()).isTrue();
      assertThat(employee.path("CONTACT").path("phone").isTextual()).isTrue();
      assertThat(employee.path("BIRTH_DATE").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
      JsonNode seminar = original(searcher, "rext-lab-seminars/SM00000001");
      assertThat(seminar.path("開催日").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
      assertThat(seminar.path("申込日時").asText())
          .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?");
      assertThat(seminar.path("電話番号").asText()).startsWith("0");
      JsonNode campaign = original(searcher, "iza-campaign/CP00000001");
      assertThat(campaign.path("applicant").path("name").isTextual()).isTrue();
      JsonNode member = original(searcher, "regate-members/RG00000001");
      assertThat(member.has("市区町村") && member.has("郵便番号1")).isTrue();
    }
  }

  private static JsonNode original(IndexSearcher searcher, String id) throws Exception {
    TopDocs hits = searcher.search(new TermQuery(new Term(IndexSchema.DOC_ID, id)), 2);
    assertThat(hits.scoreDocs).as(id).hasSize(1);
    return JSON.readTree(
        searcher.storedFields().document(hits.scoreDocs[0].doc).get(IndexSchema.ORIGINAL));
  }
}
