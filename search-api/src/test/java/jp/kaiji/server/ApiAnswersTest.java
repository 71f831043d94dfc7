package jp.kaiji.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The checker that every API answer in the integration tests goes through ({@link ApiAnswers}):
 * that it does reject what the document does not allow, and the rules the document keeps for a
 * client generator (typed answers, operation ids, servers).
 */
class ApiAnswersTest {
  static final Optional<String> JSON = Optional.of("application/json; charset=utf-8");

  static final String RESULT =
      """
      {"requestReference": null, "searchedAt": "2025-04-01T00:00:00Z",
       "generation": {"id": "gen-1", "builtAt": "2025-04-01T00:00:00Z"},
       "summary": {"records": 1, "confirmed": 1, "needsReview": 0},
       "companies": [{"company": "shop", "legalName": "株式会社", "sources": [{"source": "s", "title": "t",
         "category": "customer", "categoryLabel": null, "purpose": "p", "jointlyUsed": false,
         "records": [{"id": "s/1", "key": "1", "tier": "confirmed", "score": 9.5, "foundBy": "DIRECT",
           "via": %s, "explanation": ["name: same"], "attributes": [], "original": {"氏名": "山田"}}]}]}],
       "sourcesSearched": [{"source": "s", "company": "shop", "records": 10, "hits": 1}],
       "unusableIdentifiers": [{"field": "phones[1]", "code": "phone.invalid", "reason": "r"}]}""";

  @Test
  void aDirectRecordWithoutViaIsValidAndAWrongShapeIsNot() {
    assertThatCode(
            () ->
                ApiAnswers.check(
                    "POST", "/api/subject-search", 200, JSON, RESULT.replace("%s", "null")))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                ApiAnswers.check(
                    "POST", "/api/requests/R-1/search", 200, JSON, RESULT.replace("%s", "\"s/2\"")))
        .doesNotThrowAnyException();
    // The old shape of a request's search: generation as a string, no summary.
    assertThatThrownBy(
            () ->
                ApiAnswers.check(
                    "POST",
                    "/api/requests/R-1/search",
                    200,
                    JSON,
                    "{\"generation\": \"gen-1\", \"generationBuiltAt\": \"x\", \"searchedAt\": \"x\","
                        + " \"companies\": [], \"sourcesSearched\": []}"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("summary");
    assertThatThrownBy(
            () -> ApiAnswers.check("POST", "/api/subject-search", 200, JSON, "{\"surprise\": 1}"))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void anUndocumentedStatusOrMediaTypeFails() {
    assertThatThrownBy(
            () ->
                ApiAnswers.check(
                    "GET", "/api/requests", 418, JSON, "{\"error\": {\"code\": \"x\"}}"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("418");
    assertThatThrownBy(
            () ->
                ApiAnswers.check(
                    "GET", "/api/requests/R-1/package", 200, Optional.of("text/html"), ""))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("application/zip");
    assertThatThrownBy(
            () ->
                ApiAnswers.check(
                    "GET", "/api/requests", 401, JSON, "{\"error\": {\"code\": \"KJ-401-01\"}}"))
        .as("an error without status and message")
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void everySuccessIsATypedSchemaWithAnOperationIdAndAServer() throws Exception {
    JsonNode doc;
    try (InputStream in = getClass().getResourceAsStream("/jp/kaiji/http/openapi.json")) {
      doc = new ObjectMapper().readTree(in);
    }
    assertThat(doc.path("servers").size()).isPositive();
    Set<String> ids = new HashSet<>();
    List<String> untyped = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        String where = op.getKey() + " " + path.getKey();
        assertThat(op.getValue().path("operationId").asText()).as(where).isNotEmpty();
        assertThat(ids.add(op.getValue().path("operationId").asText())).as(where).isTrue();
        for (Map.Entry<String, JsonNode> r : op.getValue().path("responses").properties()) {
          JsonNode schema = r.getValue().path("content").path("application/json").path("schema");
          if (r.getKey().startsWith("2") && !schema.isMissingNode()) {
            assertThat(schema.path("$ref").asText())
                .as("%s %s is a named schema", where, r.getKey())
                .startsWith("#/components/schemas/");
          }
        }
      }
    }
    untyped(doc.path("components").path("schemas"), "#/components/schemas", untyped);
    assertThat(untyped).as("objects without properties, arrays without items").isEmpty();
  }

  /**
   * Collects objects that say nothing of their properties and arrays without items; a free-form
   * object must say so ({@code additionalProperties: true}).
   */
  static void untyped(JsonNode node, String where, List<String> out) {
    if (node.isObject()) {
      JsonNode type = node.path("type");
      boolean object = type.asText().equals("object") || type.toString().contains("\"object\"");
      boolean array = type.asText().equals("array");
      if (object && !node.has("properties") && !node.path("additionalProperties").asBoolean()) {
        out.add(where);
      }
      if (array && !node.has("items")) {
        out.add(where);
      }
      node.properties().forEach(e -> untyped(e.getValue(), where + "/" + e.getKey(), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        untyped(node.get(i), where + "/" + i, out);
      }
    }
  }
}
