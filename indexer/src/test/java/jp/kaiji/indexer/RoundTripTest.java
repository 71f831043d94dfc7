package jp.kaiji.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.kaiji.catalog.SourceCatalogs;
import jp.kaiji.match.lucene.IndexGenerations;
import jp.kaiji.match.lucene.RecordDocuments;
import jp.kaiji.schema.IndexSchema;
import jp.kaiji.testing.TestSeed;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Random records written to CSV and JSON Lines come back unchanged from the stored original. */
class RoundTripTest {
  @RegisterExtension final TestSeed testSeed = new TestSeed();

  private static final String[] PIECES = {
    "山田", "髙橋", "ｶﾀｶﾅ", "ヤマダ", " ", "　", ",", "\"", "\"\"", "\n", "\r\n", "'", "a", "Z", "0", "-",
    "＠", "①", "～", "𠮷", "\t", "\\", "{}", "null"
  };

  @TempDir Path dir;

  @Test
  void recordsComeBackIdenticalFromTheIndex() throws Exception {
    long seed = testSeed.value();
    Random random = testSeed.random();
    List<String> columns = List.of("id", "氏名", "住所", "メモ");
    List<Map<String, String>> records = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      LinkedHashMap<String, String> r = new LinkedHashMap<>();
      r.put("id", "r" + i);
      for (String c : columns.subList(1, columns.size())) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(8);
        for (int k = 0; k < n; k++) {
          sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        r.put(c, sb.toString());
      }
      records.add(r);
    }
    Files.writeString(dir.resolve("r.csv"), csv(columns, records), Charset.forName("UTF-8"));
    ObjectMapper json = new ObjectMapper();
    StringBuilder jsonl = new StringBuilder();
    for (Map<String, String> r : records) {
      jsonl.append(json.writeValueAsString(r)).append('\n');
    }
    Files.writeString(dir.resolve("r.jsonl"), jsonl);
    Files.writeString(
        dir.resolve("catalog.json"),
        """
        {"companies": [{"id": "co", "legalName": "株式会社テスト"}], "sources": [
          {"id": "csv", "company": "co", "title": "t", "kind": "csv", "path": "r.csv", "primaryKey": "id",
           "identity": {"fullName": "氏名", "address": "住所"}, "category": "customer", "purpose": "p", "jointlyUsed": false},
          {"id": "jsonl", "company": "co", "title": "t", "kind": "jsonl", "path": "r.jsonl", "primaryKey": "id",
           "identity": {"fullName": "氏名"}, "category": "customer", "purpose": "p", "jointlyUsed": false}]}
        """);
    IndexGenerations gens = new IndexGenerations(dir.resolve("data"));
    RebuildJob job = new RebuildJob(SourceCatalogs.load(dir.resolve("catalog.json")), gens);
    job.run();
    assertThat(job.progress().state())
        .as("seed " + seed + ": " + job.progress().message())
        .isEqualTo(RebuildJob.State.SUCCEEDED);

    try (DirectoryReader reader = gens.openCurrent()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = searcher.storedFields();
      for (String source : List.of("csv", "jsonl")) {
        for (Map<String, String> r : records) {
          TopDocs hits =
              searcher.search(
                  new TermQuery(new Term(IndexSchema.DOC_ID, source + "/" + r.get("id"))), 2);
          assertThat(hits.scoreDocs).as("seed %d, %s/%s", seed, source, r.get("id")).hasSize(1);
          Document doc = stored.document(hits.scoreDocs[0].doc);
          assertThat(RecordDocuments.readOriginal(doc.get(IndexSchema.ORIGINAL)))
              .as("seed %d, %s/%s", seed, source, r.get("id"))
              .containsExactlyEntriesOf(r);
        }
      }
    }
  }

  private static String csv(List<String> columns, List<Map<String, String>> records) {
    StringBuilder sb = new StringBuilder(String.join(",", columns)).append("\r\n");
    for (Map<String, String> r : records) {
      List<String> cells = new ArrayList<>();
      for (String c : columns) {
        String v = r.get(c);
        boolean quote =
            v.isEmpty()
                || v.contains(",")
                || v.contains("\"")
                || v.contains("\n")
                || v.contains("\r");
        cells.add(quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
      }
      sb.append(String.join(",", cells)).append("\r\n");
    }
    return sb.toString();
  }
}
