package jp.kaiji.console;

import static jp.kaiji.console.Html.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kaiji.query.SubjectQuery;
import jp.kaiji.search.SearchRequest;
import jp.kaiji.search.SubjectSearchResult;
import jp.kaiji.search.SubjectSearchService;
import jp.kaiji.service.SearchFailure;

/**
 * The subject search page for staff: the form's identifiers in, every record of the person out,
 * through {@link SubjectSearchService} with the signed-in Principal (audited like the API).
 */
final class SearchPage {
  /** An address line may start with its postcode: {@code 〒541-0052 大阪府…}. */
  private static final Pattern POSTCODE =
      Pattern.compile("^\\s*〒?\\s*([0-9０-９]{3}[-－ー]?[0-9０-９]{4})\\s+(.+)$");

  private final Console console;

  SearchPage(Console console) {
    this.console = console;
  }

  void form(ConsoleRequest r) {
    r.html(
        200, Layout.page(r, r.m.t("search.title"), console.current(), form(r, Optional.empty())));
  }

  void search(ConsoleRequest r) {
    Optional<String> reference = r.param("requestReference").map(String::strip);
    SubjectQuery query = query(r);
    String error;
    int status = 400;
    try {
      SubjectSearchResult result =
          SearchFailure.run(
              () -> console.services.search().search(r.who(), new SearchRequest(reference, query)));
      String body =
          form(r, Optional.empty())
              + "<section id=\"results\">"
              + ResultView.render(r.m, result, console.services.catalog().get(), hit -> "")
              + "</section>";
      r.html(200, Layout.page(r, r.m.t("search.title"), console.current(), body));
      return;
    } catch (SearchFailure e) {
      ConsoleRequest.SearchProblem p = r.problem(e);
      status = p.status();
      error = p.message();
    } catch (IllegalArgumentException e) {
      error = e.getMessage();
    }
    r.html(
        status,
        Layout.page(r, r.m.t("search.title"), console.current(), form(r, Optional.of(error))));
  }

  /** The form's fields as a subject query: multi-value fields hold one value per line. */
  static SubjectQuery query(ConsoleRequest r) {
    List<SubjectQuery.PostalAddress> addresses = new ArrayList<>();
    for (String line : lines(r, "addresses")) {
      Matcher mm = POSTCODE.matcher(line);
      addresses.add(
          mm.matches()
              ? new SubjectQuery.PostalAddress(Optional.of(mm.group(1)), mm.group(2).strip())
              : new SubjectQuery.PostalAddress(Optional.empty(), line));
    }
    return new SubjectQuery(
        r.param("name").map(String::strip),
        r.param("reading").map(String::strip),
        lines(r, "formerNames"),
        r.param("birthDate").map(String::strip),
        addresses,
        lines(r, "phones"),
        lines(r, "emails"));
  }

  private static List<String> lines(ConsoleRequest r, String field) {
    return r.param(field).stream()
        .flatMap(String::lines)
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static String form(ConsoleRequest r, Optional<String> error) {
    Messages m = r.m;
    StringBuilder b = new StringBuilder();
    error.ifPresent(
        e ->
            b.append("<p class=\"error\" id=\"search-error\" role=\"alert\">")
                .append(esc(e))
                .append("</p>"));
    b.append(
            "<form method=\"post\" action=\"/console/search\" class=\"subject\" id=\"search-form\">")
        .append(Html.csrfField(r.signedIn()))
        .append(input(r, "requestReference", m.t("field.reference"), false))
        .append(input(r, "name", m.t("field.name"), false))
        .append(input(r, "reading", m.t("field.reading"), false))
        .append(input(r, "birthDate", m.t("field.birthDate"), false))
        .append(input(r, "formerNames", m.t("field.formerNames"), true))
        .append(input(r, "addresses", m.t("field.addresses"), true))
        .append(input(r, "phones", m.t("field.phones"), true))
        .append(input(r, "emails", m.t("field.emails"), true))
        .append("<div class=\"actions\"><button type=\"submit\" id=\"search-submit\">")
        .append(esc(m.t("search.submit")))
        .append("</button></div></form>");
    return b.toString();
  }

  private static String input(ConsoleRequest r, String name, String label, boolean multi) {
    String value =
        r.exchange.getRequestMethod().equalToString("POST") ? r.param(name).orElse("") : "";
    String field =
        multi
            ? "<textarea id=\"f-"
                + name
                + "\" name=\""
                + name
                + "\" rows=\"2\">"
                + esc(value)
                + "</textarea>"
            : "<input id=\"f-" + name + "\" name=\"" + name + "\" value=\"" + esc(value) + "\">";
    return "<div class=\"field\"><label for=\"f-"
        + name
        + "\">"
        + esc(label)
        + "</label>"
        + field
        + "</div>";
  }
}
