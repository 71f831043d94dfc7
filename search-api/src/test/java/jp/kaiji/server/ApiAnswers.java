package jp.kaiji.server;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Checks every answer of the API that a test receives against {@code openapi.json}: the route and
 * method must be documented, the status must be one the operation documents, and a JSON body must
 * validate (JSON Schema 2020-12, the dialect of OpenAPI 3.1) against the schema the document gives
 * for that route and status; a documented non-JSON answer must carry its media type.
 *
 * <p>Tests get this check by sending through {@link #client}: an {@link HttpClient} that validates
 * each answer to {@code /api/...} and {@code /health} before the test sees it, and fails the test
 * with the schema errors otherwise. Console pages ({@code /console/...}) are HTML and pass through.
 */
public final class ApiAnswers {
  private static final String DOCUMENT_URI = "https://kaiji.invalid/api/openapi.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode DOCUMENT = load();
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          b -> b.schemas(Map.of(DOCUMENT_URI, DOCUMENT.toString())));
  private static final List<Route> ROUTES = routes();
  private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

  /**
   * Every operation and status validated so far in this JVM, e.g. {@code post /api/requests 201}.
   */
  public static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

  private record Route(String template, Pattern pattern) {}

  private ApiAnswers() {}

  private static JsonNode load() {
    try (InputStream in = ApiAnswers.class.getResourceAsStream("/jp/kaiji/http/openapi.json")) {
      return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Route> routes() {
    List<Route> out = new ArrayList<>();
    for (String template : DOCUMENT.path("paths").propertyNames()) {
      String regex =
          Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q").replace("\\Q\\E", "");
      out.add(new Route(template, Pattern.compile(regex)));
    }
    // Literal routes before templated ones, so /api/requests never matches /api/requests/{ref}.
    out.sort((a, b) -> Long.compare(braces(a.template), braces(b.template)));
    return out;
  }

  private static long braces(String template) {
    return template.chars().filter(c -> c == '{').count();
  }

  /** Whether the path belongs to the JSON API described by the document. */
  public static boolean isApi(String path) {
    return path.equals("/health") || path.startsWith("/api/");
  }

  /**
   * Fails unless the answer matches the document.
   *
   * @param body the body as text, or empty for a binary answer
   */
  public static void check(
      String method, String path, int status, Optional<String> contentType, String body) {
    String m = method.toLowerCase(Locale.ROOT);
    Route route =
        ROUTES.stream()
            .filter(r -> r.pattern.matcher(path).matches())
            .filter(r -> DOCUMENT.path("paths").path(r.template).has(m))
            .findFirst()
            .orElse(null);
    if (route == null) {
      // An undocumented route or method: the document must describe the 404 or 405 answer.
      String code = status == 405 ? "405" : "404";
      if (status != Integer.parseInt(code)) {
        throw new AssertionError(
            method + " " + path + " is not in openapi.json but answered " + status);
      }
      validate(
          "#/components/responses/" + (status == 405 ? "MethodNotAllowed" : "NotFound"),
          method + " " + path,
          status,
          contentType,
          body);
      return;
    }
    String pointer =
        "#/paths/" + route.template.replace("~", "~0").replace("/", "~1") + "/" + m + "/responses";
    JsonNode responses = node(pointer);
    String key = String.valueOf(status);
    if (!responses.has(key)) {
      throw new AssertionError(
          method
              + " "
              + route.template
              + " answered "
              + status
              + ", which openapi.json does not document"
              + " (documents "
              + responses.propertyNames()
              + "): "
              + body);
    }
    SEEN.add(m + " " + route.template + " " + status);
    validate(pointer + "/" + key, method + " " + route.template, status, contentType, body);
  }

  private static void validate(
      String responsePointer, String what, int status, Optional<String> contentType, String body) {
    JsonNode response = node(responsePointer);
    if (response.has("$ref")) {
      responsePointer = response.get("$ref").asString();
      response = node(responsePointer);
    }
    JsonNode content = response.path("content");
    if (content.isMissingNode() || content.isEmpty()) {
      return;
    }
    String type = contentType.orElse("").split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (!content.has(type)) {
      throw new AssertionError(
          what + " " + status + " answered " + type + ", documented " + content.propertyNames());
    }
    if (!type.equals("application/json")) {
      return;
    }
    String schemaPointer = responsePointer + "/content/" + type.replace("/", "~1") + "/schema";
    Schema schema =
        COMPILED.computeIfAbsent(
            schemaPointer, p -> SCHEMAS.getSchema(SchemaLocation.of(DOCUMENT_URI + p)));
    List<Error> errors = schema.validate(body, com.networknt.schema.InputFormat.JSON);
    if (!errors.isEmpty()) {
      StringBuilder b =
          new StringBuilder(
              what + " " + status + " does not match openapi.json (" + schemaPointer + "):");
      errors.forEach(e -> b.append("\n  ").append(e));
      b.append("\n  body: ").append(body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
      throw new AssertionError(b.toString());
    }
  }

  private static JsonNode node(String pointer) {
    JsonNode n = DOCUMENT.at(pointer.substring(1));
    if (n.isMissingNode()) {
      throw new AssertionError("openapi.json has no " + pointer);
    }
    return n;
  }

  private static void check(HttpResponse<?> r) {
    String path = r.request().uri().getRawPath();
    if (!isApi(path)) {
      return;
    }
    Object body = r.body();
    String text =
        body instanceof String s
            ? s
            : body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : "";
    Optional<String> type = r.headers().firstValue("Content-Type");
    if (body instanceof byte[] && !type.orElse("").startsWith("application/json")) {
      text = "";
    }
    check(r.request().method(), path, r.statusCode(), type, text);
  }

  /** An HTTP client that checks every API answer against the document (see the class comment). */
  public static HttpClient client(HttpClient.Builder builder) {
    return new Checking(builder.build());
  }

  private static final class Checking extends HttpClient {
    private final HttpClient http;

    Checking(HttpClient http) {
      this.http = http;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
        throws IOException, InterruptedException {
      HttpResponse<T> r = http.send(request, handler);
      check(r);
      return r;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      return http.sendAsync(request, handler)
          .thenApply(
              r -> {
                check(r);
                return r;
              });
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request,
        HttpResponse.BodyHandler<T> handler,
        HttpResponse.PushPromiseHandler<T> push) {
      return http.sendAsync(request, handler, push)
          .thenApply(
              r -> {
                check(r);
                return r;
              });
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
      return http.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
      return http.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
      return http.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
      return http.proxy();
    }

    @Override
    public SSLContext sslContext() {
      return http.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
      return http.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
      return http.authenticator();
    }

    @Override
    public Version version() {
      return http.version();
    }

    @Override
    public Optional<Executor> executor() {
      return http.executor();
    }
  }
}
