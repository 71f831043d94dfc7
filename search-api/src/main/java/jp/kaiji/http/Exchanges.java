package jp.kaiji.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reading JSON bodies and writing JSON answers, with the API's error rules. */
public final class Exchanges {
  /**
   * Request bodies are small forms; anything bigger is a mistake or an attack: 413 (KJ-413-01),
   * decided from the Content-Length before reading when one is given, else after reading one byte
   * more than the limit. Documented in the README's "Limits".
   */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private final ObjectMapper json;

  public Exchanges(ObjectMapper json) {
    this.json = json;
  }

  public ObjectMapper json() {
    return json;
  }

  /**
   * The 413, with the connection closed after it: the rest of the body is still unread on it, and a
   * client that sent its next request on the same connection would have it read as that body.
   */
  private static ApiException tooLarge(HttpServerExchange exchange) {
    exchange.setPersistent(false);
    return ErrorCode.PAYLOAD_TOO_LARGE.exception(MAX_BODY_BYTES);
  }

  /** Reads the body as {@code type}; must run on a worker thread (blocking). */
  public <T> T readBody(HttpServerExchange exchange, Class<T> type) {
    String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw ErrorCode.UNSUPPORTED_MEDIA_TYPE.exception();
    }
    String length = exchange.getRequestHeaders().getFirst(Headers.CONTENT_LENGTH);
    if (length != null) {
      long declared;
      try {
        declared = Long.parseLong(length.strip());
      } catch (NumberFormatException e) {
        throw ErrorCode.BAD_PARAMETER.exception("Content-Length", "not a number");
      }
      if (declared > MAX_BODY_BYTES) {
        throw tooLarge(exchange);
      }
    }
    byte[] body;
    try {
      exchange.startBlocking();
      InputStream in = exchange.getInputStream();
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      // The client ended the body before its Content-Length, or sent broken chunks.
      throw ErrorCode.UNREADABLE_BODY.exception();
    }
    if (body.length > MAX_BODY_BYTES) {
      throw tooLarge(exchange);
    }
    try {
      T value = json.readValue(body, type);
      if (value == null) {
        throw ErrorCode.MALFORMED_JSON.exception("expected a JSON object");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw ErrorCode.UNKNOWN_FIELD.exception(path(e));
    } catch (ValueInstantiationException e) {
      // A record rejected its own values: a missing required field (its name is the message of
      // requireNonNull) or a value its constructor checks (the message starts with the field).
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String message = String.valueOf(cause.getMessage());
      String field = cause instanceof NullPointerException ? message : message.split(" ", 2)[0];
      String prefix = path(e);
      // An enum's creator names its own field, which the path already ends with.
      String full =
          prefix.isEmpty()
              ? field
              : prefix.equals(field) || prefix.endsWith("." + field)
                  ? prefix
                  : prefix + "." + field;
      throw ErrorCode.INVALID_FIELD.exception(
          full, cause instanceof NullPointerException ? "is required" : message);
    } catch (InvalidFormatException e) {
      throw ErrorCode.INVALID_FIELD.exception(
          path(e), "expected " + e.getTargetType().getSimpleName());
    } catch (MismatchedInputException e) {
      String path = path(e);
      if (path.isEmpty()) {
        throw ErrorCode.MALFORMED_JSON.exception("expected a JSON object");
      }
      throw ErrorCode.INVALID_FIELD.exception(path, "wrong type");
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      throw ErrorCode.MALFORMED_JSON.exception(
          loc == null
              ? "syntax error"
              : "syntax error at line " + loc.getLineNr() + ", column " + loc.getColumnNr());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      // A record's own validation rejected a value; its message names the field.
      throw ErrorCode.INVALID_FIELD.exception("body", e.getMessage());
    }
  }

  private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  /** Sends {@code value} as JSON with {@code status}. */
  public void send(HttpServerExchange exchange, int status, Object value) {
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
    }
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
    exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(bytes));
  }

  /** A single query parameter, if given. */
  public static Optional<String> query(HttpServerExchange exchange, String name) {
    Deque<String> values = exchange.getQueryParameters().get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
  }

  /** A path template parameter (always present when the route matched). */
  public static String pathParam(HttpServerExchange exchange, String name) {
    Deque<String> values = exchange.getQueryParameters().get(name);
    if (values == null || values.isEmpty()) {
      throw new IllegalStateException("route has no parameter " + name);
    }
    try {
      return java.net.URLDecoder.decode(values.getFirst(), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ErrorCode.BAD_PARAMETER.exception(name, "not a valid percent-encoded path segment");
    }
  }
}
