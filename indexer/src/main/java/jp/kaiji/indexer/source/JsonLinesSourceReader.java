package jp.kaiji.indexer.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads JSON Lines: one JSON object per line. A line that is not a JSON object is quarantined and
 * reading continues. For the normalizers, strings are kept as they are, numbers and booleans as
 * their JSON text, nested objects and arrays as their JSON text, JSON null as null; the values the
 * source maps by JSON Pointer ({@code /pickup/address}) are added under the pointer. The original
 * is the line's object itself, types, nesting and order kept. Blank lines are skipped.
 */
final class JsonLinesSourceReader implements SourceReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final BufferedReader in;
  private final List<String> pointers;
  private long line;

  JsonLinesSourceReader(String name, Path file, Charset charset) {
    this(name, file, charset, List.of());
  }

  /**
   * @param pointers the JSON Pointers the source maps (columns starting with {@code /})
   */
  JsonLinesSourceReader(String name, Path file, Charset charset, List<String> pointers) {
    this.name = name;
    this.pointers = List.copyOf(pointers);
    InputStream stream;
    try {
      stream = Files.newInputStream(file);
    } catch (IOException e) {
      throw new SourceUnavailableException(
          "source '" + name + "': cannot open " + file + ": " + e.getClass().getSimpleName(), e);
    }
    this.in = new BufferedReader(new DecodingReader(stream, charset), 64 * 1024);
  }

  @Override
  public List<String> columns() {
    return List.of();
  }

  @Override
  public Optional<SourceItem> next() {
    while (true) {
      String text;
      try {
        text = in.readLine();
      } catch (IOException e) {
        throw new SourceUnavailableException(
            "source '"
                + name
                + "': read failed after line "
                + line
                + ": "
                + e.getClass().getSimpleName(),
            e);
      }
      if (text == null) {
        return Optional.empty();
      }
      line++;
      if (text.isBlank()) {
        continue;
      }
      if (text.indexOf(DecodingReader.MALFORMED) >= 0) {
        return Optional.of(
            new SourceItem.MalformedRow(
                line, "charset.malformed", "bytes that are not valid in the source's charset"));
      }
      JsonNode node;
      try {
        node = JSON.readTree(text);
      } catch (JsonProcessingException e) {
        return Optional.of(
            new SourceItem.MalformedRow(
                line,
                "jsonl.syntax",
                "not valid JSON"
                    + (e.getLocation() == null
                        ? ""
                        : " (column " + e.getLocation().getColumnNr() + ")")));
      }
      if (node == null || !node.isObject()) {
        return Optional.of(
            new SourceItem.MalformedRow(
                line, "jsonl.not_object", "the line is JSON but not an object"));
      }
      LinkedHashMap<String, String> fields = LinkedHashMap.newLinkedHashMap(node.size());
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        fields.put(e.getKey(), text(e.getValue()));
      }
      for (String pointer : pointers) {
        fields.put(pointer, text(node.at(pointer)));
      }
      return Optional.of(new SourceItem.SourceRow(line, fields, Optional.of(node.toString())));
    }
  }

  private static String text(JsonNode v) {
    return v.isNull() || v.isMissingNode()
        ? null
        : v.isTextual() ? v.textValue() : v.isValueNode() ? v.asText() : v.toString();
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // Read-only: nothing to lose.
    }
  }
}
