package jp.kaiji.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import jp.kaiji.indexer.QuarantineLog;
import jp.kaiji.match.lucene.GenerationInfo;

/**
 * The reasons rows of one source were quarantined in a generation, as counts per stable code (e.g.
 * {@code phone.invalid ×3}): codes and column names only, never a value or a row.
 */
final class QuarantineSummary {
  private static final ObjectMapper JSON = new ObjectMapper();

  private QuarantineSummary() {}

  /** Code (with the column, when one) → count; empty when the source quarantined nothing. */
  static Map<String, Long> of(GenerationInfo generation, String sourceId) {
    Map<String, Long> counts = new TreeMap<>();
    Path file = QuarantineLog.fileOf(generation.dir(), sourceId);
    if (!Files.isRegularFile(file)) {
      return counts;
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode e = JSON.readTree(line);
        String column = e.path("column").asText("");
        counts.merge(
            e.path("code").asText("?") + (column.isEmpty() ? "" : " (" + column + ")"),
            1L,
            Long::sum);
      }
    } catch (IOException e) {
      counts.merge("unreadable quarantine report", 1L, Long::sum);
    }
    return counts;
  }
}
