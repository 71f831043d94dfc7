package jp.kaiji.schema;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import jp.kaiji.normalize.Locators;
import jp.kaiji.normalize.Normalized;
import jp.kaiji.normalize.Phones;
import jp.kaiji.query.SubjectQuery;
import jp.kaiji.query.SubjectQuery.When;

/**
 * Normalizes the locators a requester gave into {@link LocatorTerm}s. Like {@link RequestIdentity}
 * it never refuses: each value it cannot use is listed as {@link Unusable} with its field.
 *
 * <p>A time becomes the window {@code [time − w, time + w]} ({@code w} = windowMinutes, 30 when
 * absent); a date without a time the whole day, 00:00:00 to 23:59:59, Japan time.
 */
public final class RequestLocators {
  /** The zone of the form's dates and times. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

  /** Minutes either side of a time when the form gives no window. */
  public static final int DEFAULT_WINDOW_MINUTES = 30;

  /** The widest window a form may ask for: a day either side. */
  public static final int MAX_WINDOW_MINUTES = 24 * 60;

  private RequestLocators() {}

  /** The usable locators of a request and the values that could not be used. */
  public record Parsed(List<LocatorTerm> terms, List<Unusable> unusable) {
    public Parsed {
      terms = List.copyOf(terms);
      unusable = List.copyOf(unusable);
    }
  }

  public static Parsed parse(SubjectQuery q) {
    List<LocatorTerm> terms = new ArrayList<>();
    List<Unusable> unusable = new ArrayList<>();
    if (q.locators().isEmpty()) {
      return new Parsed(terms, unusable);
    }
    SubjectQuery.Locators l = q.locators().get();
    for (int i = 0; i < l.visits().size(); i++) {
      SubjectQuery.Visit v = l.visits().get(i);
      timed(
          LocatorTerm.Kind.VISIT,
          IndexSchema.LOC_STORE,
          v.store(),
          Locators::storeKey,
          v,
          "locators.visits[" + i + "]",
          terms,
          unusable);
    }
    for (int i = 0; i < l.calls().size(); i++) {
      SubjectQuery.Call c = l.calls().get(i);
      timed(
          LocatorTerm.Kind.CALL,
          IndexSchema.LOC_PHONE,
          c.number(),
          n -> Phones.lenient(n).map(p -> p.e164()),
          c,
          "locators.calls[" + i + "]",
          terms,
          unusable);
    }
    for (int i = 0; i < l.cookies().size(); i++) {
      String form = "locators.cookies[" + i + "]";
      String raw = l.cookies().get(i);
      switch (raw == null ? Locators.cookieKey("") : Locators.cookieKey(raw)) {
        case Normalized.Ok<String>(String k) ->
            terms.add(
                new LocatorTerm(
                    LocatorTerm.Kind.COOKIE,
                    IndexSchema.LOC_COOKIE,
                    k,
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    form));
        case Normalized.Failed<String>(var f) ->
            unusable.add(new Unusable(form, f.code(), f.reason()));
      }
    }
    for (int i = 0; i < l.ips().size(); i++) {
      SubjectQuery.IpUse u = l.ips().get(i);
      timed(
          LocatorTerm.Kind.IP,
          IndexSchema.LOC_IP,
          u.address(),
          Locators::ipKey,
          u,
          "locators.ips[" + i + "]",
          terms,
          unusable);
    }
    return new Parsed(terms, unusable);
  }

  private static void timed(
      LocatorTerm.Kind kind,
      String field,
      String raw,
      Function<String, Normalized<String>> key,
      When when,
      String form,
      List<LocatorTerm> terms,
      List<Unusable> unusable) {
    Normalized<String> k =
        raw == null || raw.isBlank()
            ? Normalized.failed(
                jp.kaiji.normalize.IdentifierKind.LOCATOR, "locator.empty", "no value given")
            : key.apply(raw);
    if (k instanceof Normalized.Failed<String>(var f)) {
      unusable.add(new Unusable(form, f.code(), f.reason()));
      return;
    }
    long[] window;
    try {
      window = window(when);
    } catch (IllegalArgumentException e) {
      unusable.add(new Unusable(form, "when.invalid", e.getMessage()));
      return;
    }
    terms.add(
        new LocatorTerm(
            kind,
            field,
            k.orElseThrow(),
            OptionalLong.of(window[0]),
            OptionalLong.of(window[1]),
            form));
  }

  /**
   * The window's first and last second; an {@link IllegalArgumentException} saying what is wrong.
   */
  static long[] window(When w) {
    if (w.date() == null || w.date().isBlank()) {
      throw new IllegalArgumentException("a date is needed (2026-11-20)");
    }
    LocalDate day;
    try {
      day = LocalDate.parse(w.date().strip().replace('/', '-'));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the date is not yyyy-MM-dd");
    }
    if (w.time().isEmpty() || w.time().get().isBlank()) {
      long start = day.atStartOfDay(ZONE).toEpochSecond();
      return new long[] {start, day.plusDays(1).atStartOfDay(ZONE).toEpochSecond() - 1};
    }
    LocalTime t;
    try {
      t = LocalTime.parse(w.time().get().strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("the time is not HH:mm");
    }
    int minutes = w.windowMinutes().orElse(DEFAULT_WINDOW_MINUTES);
    if (minutes < 0 || minutes > MAX_WINDOW_MINUTES) {
      throw new IllegalArgumentException(
          "windowMinutes must be 0 to " + MAX_WINDOW_MINUTES + ", got " + minutes);
    }
    long at = day.atTime(t).atZone(ZONE).toEpochSecond();
    return new long[] {at - minutes * 60L, at + minutes * 60L};
  }
}
