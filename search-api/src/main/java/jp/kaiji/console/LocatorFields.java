package jp.kaiji.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import jp.kaiji.query.SubjectQuery;
import jp.kaiji.schema.RequestLocators;
import jp.kaiji.schema.Unusable;

/**
 * The registration form's locators: a store visit, a call, a cookie or device id, an IP address
 * with its time. Each is read the way the search will read it; a half-filled one (a store without a
 * date) or one the search cannot use is an error beside its field.
 */
final class LocatorFields {
  private LocatorFields() {}

  /** The form field an unusable locator is shown beside. */
  private static final Map<String, String> FIELD =
      Map.of(
          "locators.visits[0]", "visitStore",
          "locators.calls[0]", "callNumber",
          "locators.cookies[0]", "cookie",
          "locators.ips[0]", "ipAddress");

  static Optional<SubjectQuery.Locators> read(
      Function<String, Optional<String>> text, BiConsumer<String, CaseEntry.Problem> error) {
    List<SubjectQuery.Visit> visits =
        pair(text, error, "visitStore", "visitDate")
            .map(
                p ->
                    List.of(
                        new SubjectQuery.Visit(
                            p[0], p[1], text.apply("visitTime"), Optional.empty())))
            .orElse(List.of());
    List<SubjectQuery.Call> calls =
        pair(text, error, "callNumber", "callDate")
            .map(p -> List.of(new SubjectQuery.Call(p[0], p[1], null, null)))
            .orElse(List.of());
    List<String> cookies = text.apply("cookie").map(List::of).orElse(List.of());
    List<SubjectQuery.IpUse> ips =
        pair(text, error, "ipAddress", "ipDate")
            .map(
                p ->
                    List.of(
                        new SubjectQuery.IpUse(p[0], p[1], text.apply("ipTime"), Optional.empty())))
            .orElse(List.of());
    SubjectQuery.Locators l = new SubjectQuery.Locators(visits, calls, cookies, ips);
    if (l.isEmpty()) {
      return Optional.empty();
    }
    SubjectQuery q = new SubjectQuery(null, null, null, null, null, null, null).withLocators(l);
    for (Unusable u : RequestLocators.parse(q).unusable()) {
      error.accept(
          FIELD.getOrDefault(u.field(), "visitStore"),
          CaseEntry.Problem.of("reg.err.identifier", u.reason() + " [" + u.code() + "]"));
    }
    return Optional.of(l);
  }

  /** Both values of a locator, or an error on the missing one when only one is given. */
  private static Optional<String[]> pair(
      Function<String, Optional<String>> text,
      BiConsumer<String, CaseEntry.Problem> error,
      String what,
      String date) {
    Optional<String> a = text.apply(what);
    Optional<String> d = text.apply(date);
    if (a.isPresent() && d.isEmpty()) {
      error.accept(date, CaseEntry.Problem.of("reg.err.required"));
    } else if (a.isEmpty() && d.isPresent()) {
      error.accept(what, CaseEntry.Problem.of("reg.err.required"));
    }
    return a.isPresent() && d.isPresent()
        ? Optional.of(new String[] {a.get(), d.get()})
        : Optional.empty();
  }
}
