package jp.kaiji.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kaiji.html.Html;
import jp.kaiji.query.SubjectQuery;
import jp.kaiji.schema.Unusable;
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
        200,
        Layout.page(
            r, r.m.t("search.title"), console.current(), form(r, Optional.empty(), List.of())));
  }

  void search(ConsoleRequest r) {
    Optional<String> reference = r.param("requestReference").map(String::strip);
    SubjectQuery query = query(r);
    String error;
    List<Unusable> unusable = List.of();
    int status = 400;
    try {
      SubjectSearchResult result =
          SearchFailure.run(
              () -> console.services.search().search(r.who(), new SearchRequest(reference, query)));
      Html body =
          form(r, Optional.empty(), result.unusableIdentifiers())
              .open("section", "id", "results")
              .add(
                  ResultView.render(
                      r.m, result, console.services.catalog().get(), hit -> new Html()))
              .close("section");
      r.html(200, Layout.page(r, r.m.t("search.title"), console.current(), body));
      return;
    } catch (SearchFailure e) {
      ConsoleRequest.SearchProblem p = r.problem(e);
      status = p.status();
      error = p.message();
      if (e instanceof SearchFailure.InvalidIdentifier invalid) {
        unusable = invalid.unusable();
      }
    } catch (IllegalArgumentException e) {
      error = e.getMessage();
    }
    r.html(
        status,
        Layout.page(
            r, r.m.t("search.title"), console.current(), form(r, Optional.of(error), unusable)));
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

  private static Html form(ConsoleRequest r, Optional<String> error, List<Unusable> unusable) {
    Messages m = r.m;
    Html b = new Html();
    error.ifPresent(e -> b.el("p", e, "class", "error", "id", "search-error", "role", "alert"));
    b.raw("<form method=\"post\" action=\"/console/search\" class=\"subject\" id=\"search-form\">")
        .add(Fragments.csrfField(r.signedIn()))
        .add(input(r, "requestReference", m.t("field.reference"), false, unusable))
        .add(input(r, "name", m.t("field.name"), false, unusable))
        .add(input(r, "reading", m.t("field.reading"), false, unusable))
        .add(input(r, "birthDate", m.t("field.birthDate"), false, unusable))
        .add(input(r, "formerNames", m.t("field.formerNames"), true, unusable))
        .add(input(r, "addresses", m.t("field.addresses"), true, unusable))
        .add(input(r, "phones", m.t("field.phones"), true, unusable))
        .add(input(r, "emails", m.t("field.emails"), true, unusable))
        .raw("<div class=\"actions\">")
        .el("button", m.t("search.submit"), "type", "submit", "id", "search-submit")
        .raw("</div></form>");
    return b;
  }

  private static Html input(
      ConsoleRequest r, String name, String label, boolean multi, List<Unusable> unusable) {
    String value =
        r.exchange.getRequestMethod().equalToString("POST") ? r.param(name).orElse("") : "";
    // A value the search could not use is named in text beside its field, tied to it for
    // screen readers.
    boolean noted = !UnusableNotes.of(unusable, name).isEmpty();
    String described = noted ? UnusableNotes.id(name) : null;
    Html field =
        multi
            ? new Html()
                .el(
                    "textarea",
                    value,
                    "id",
                    "f-" + name,
                    "name",
                    name,
                    "rows",
                    "2",
                    "aria-describedby",
                    described)
            : new Html()
                .empty(
                    "input",
                    "id",
                    "f-" + name,
                    "name",
                    name,
                    "value",
                    value,
                    "aria-describedby",
                    described);
    return new Html()
        .raw("<div class=\"field\">")
        .el("label", label, "for", "f-" + name)
        .add(field)
        .add(UnusableNotes.note(r.m, unusable, name))
        .raw("</div>");
  }
}
