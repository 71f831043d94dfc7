package jp.kaiji.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import jp.kaiji.match.MatchPolicy;

/**
 * Reads the operator's match policy file ({@code matchPolicy} in the server configuration). Every
 * key of the shipped {@code match-policy.json} must be present: a forgotten threshold must not
 * silently become 0. Errors name the file and the key.
 */
final class MatchPolicyFile {
  private static final ObjectMapper STRICT =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private MatchPolicyFile() {}

  /**
   * The policy in {@code file}.
   *
   * @throws IllegalArgumentException naming the file and, where one is at fault, the key
   */
  static MatchPolicy load(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "match policy " + file + " cannot be read (" + e.getClass().getSimpleName() + ")", e);
    }
    try {
      return STRICT.readValue(bytes, MatchPolicy.class);
    } catch (ValueInstantiationException e) {
      // The policy's own checks (e.g. reviewMinScore above confirmedMinScore) name their keys.
      Throwable why = e.getCause() == null ? e : e.getCause();
      throw new IllegalArgumentException("match policy " + file + ": " + why.getMessage(), e);
    } catch (JsonMappingException e) {
      String key =
          e.getPath().stream()
              .map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
              .collect(Collectors.joining("."));
      throw new IllegalArgumentException(
          "match policy "
              + file
              + (key.isEmpty() ? "" : ", key '" + key + "'")
              + ": "
              + e.getOriginalMessage().lines().findFirst().orElse(""),
          e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "match policy "
              + file
              + " is not valid JSON (line "
              + e.getLocation().getLineNr()
              + "): "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new IllegalArgumentException("match policy " + file + " cannot be read", e);
    }
  }
}
