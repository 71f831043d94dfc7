package jp.kaiji.schema;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kaiji.catalog.LocatorMapping;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.normalize.Locators;
import jp.kaiji.normalize.Normalized;
import jp.kaiji.normalize.Phones;

/**
 * The locator keys of one record (store, number, cookie or device ids, IP address, the time
 * interval it covers), added to the keys {@link RecordNormalizer} made from its identity columns. A
 * blank column is absent; a value that cannot be read is a problem, like any identifier. Stateless.
 */
public final class LocatorKeys {
  private LocatorKeys() {}

  /** {@code keys} plus the locator keys of the record, if its source has locators. */
  public static NormalizedRecord add(
      SourceDefinition source, Map<String, String> fields, NormalizedRecord keys) {
    if (source.locators().isEmpty()) {
      return keys;
    }
    Set<NormalizedRecord.Key> out = new LinkedHashSet<>(keys.keys());
    Set<IndexSchema.Attribute> present = EnumSet.noneOf(IndexSchema.Attribute.class);
    present.addAll(keys.present());
    List<NormalizedRecord.Problem> problems = new ArrayList<>(keys.problems());
    source.locators().ifPresent(l -> locators(l, fields, out, present, problems));
    return new NormalizedRecord(List.copyOf(out), present, problems);
  }

  private static void locators(
      LocatorMapping l,
      Map<String, String> fields,
      Set<NormalizedRecord.Key> out,
      Set<IndexSchema.Attribute> present,
      List<NormalizedRecord.Problem> problems) {
    Sink sink = new Sink(fields, out, present, problems);
    l.store().ifPresent(c -> sink.key(c, IndexSchema.LOC_STORE, Locators::storeKey));
    l.phone()
        .ifPresent(
            c -> sink.key(c, IndexSchema.LOC_PHONE, v -> Phones.lenient(v).map(p -> p.e164())));
    l.cookies().forEach(c -> sink.key(c, IndexSchema.LOC_COOKIE, Locators::cookieKey));
    l.ip().ifPresent(c -> sink.key(c, IndexSchema.LOC_IP, Locators::ipKey));
    if (l.start().isEmpty()) {
      return;
    }
    ZoneId zone = ZoneId.of(l.zone().orElse(LocatorMapping.DEFAULT_ZONE));
    Optional<Long> start = sink.time(l.start().get(), zone);
    if (start.isEmpty()) {
      return;
    }
    long end = start.get();
    if (l.end().isPresent()) {
      end = sink.time(l.end().get(), zone).orElse(end);
    } else if (l.durationSeconds().isPresent()) {
      String col = l.durationSeconds().get();
      Optional<String> v = value(fields, col);
      if (v.isPresent()) {
        try {
          end = start.get() + Math.max(0, Long.parseLong(v.get()));
        } catch (NumberFormatException e) {
          problems.add(
              new NormalizedRecord.Problem(
                  IndexSchema.Attribute.LOCATOR,
                  col,
                  "duration.unreadable",
                  "not a whole number of seconds"));
        }
      }
    }
    if (end < start.get()) {
      problems.add(
          new NormalizedRecord.Problem(
              IndexSchema.Attribute.LOCATOR,
              l.end().orElse(l.start().get()),
              "time.ends_before_start",
              "the record ends before it begins; indexed as an instant"));
      end = start.get();
    }
    out.add(new NormalizedRecord.Key(IndexSchema.LOC_START, Long.toString(start.get())));
    out.add(new NormalizedRecord.Key(IndexSchema.LOC_END, Long.toString(end)));
  }

  private static Optional<String> value(Map<String, String> fields, String column) {
    String v = fields.get(column);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  private record Sink(
      Map<String, String> fields,
      Set<NormalizedRecord.Key> out,
      Set<IndexSchema.Attribute> present,
      List<NormalizedRecord.Problem> problems) {

    void key(
        String column, String field, java.util.function.Function<String, Normalized<String>> fn) {
      value(fields, column)
          .ifPresent(
              v -> {
                present.add(IndexSchema.Attribute.LOCATOR);
                switch (fn.apply(v)) {
                  case Normalized.Ok<String>(String k) ->
                      out.add(new NormalizedRecord.Key(field, k));
                  case Normalized.Failed<String>(var f) ->
                      problems.add(
                          new NormalizedRecord.Problem(
                              IndexSchema.Attribute.LOCATOR, column, f.code(), f.reason()));
                }
              });
    }

    Optional<Long> time(String column, ZoneId zone) {
      Optional<String> v = value(fields, column);
      if (v.isEmpty()) {
        return Optional.empty();
      }
      switch (Locators.epochSecond(v.get(), zone)) {
        case Normalized.Ok<Long>(Long t) -> {
          return Optional.of(t);
        }
        case Normalized.Failed<Long>(var f) -> {
          problems.add(
              new NormalizedRecord.Problem(
                  IndexSchema.Attribute.LOCATOR, column, f.code(), f.reason()));
          return Optional.empty();
        }
      }
    }
  }
}
