package jp.kaiji.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kaiji.disclosure.Agent;
import jp.kaiji.disclosure.Delivery;
import jp.kaiji.disclosure.DocumentKind;
import jp.kaiji.disclosure.IdentityDocument;
import jp.kaiji.disclosure.RequestForm;
import jp.kaiji.disclosure.RequestedAction;
import jp.kaiji.disclosure.RequesterKind;
import jp.kaiji.query.SubjectQuery;
import jp.kaiji.schema.RequestIdentity;
import jp.kaiji.schema.Unusable;

/**
 * The registration form's fields read into a {@link RequestForm}, or the errors per field (keyed by
 * the form field's name, each a message key with its arguments) so the page can show each one
 * beside its input. Checks here are those the staff can fix on the form; the record's own checks
 * stay the last word.
 */
final class CaseEntry {
  /** Identity-document rows on the form; rows without a kind are ignored. */
  static final int DOCUMENT_ROWS = 4;

  /** The path segment of the registration page: a request cannot take it as its reference. */
  static final String RESERVED = "new";

  private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");
  private static final Pattern POSTCODE_LINE =
      Pattern.compile("^\\s*〒?\\s*([0-9０-９]{3}[-－ー]?[0-9０-９]{4})\\s+(.+)$");

  /** One error: a message key and its arguments. */
  record Problem(String key, List<Object> args) {
    static Problem of(String key, Object... args) {
      return new Problem(key, List.of(args));
    }

    String text(Messages m) {
      return m.t(key, args.toArray());
    }
  }

  /** Either the form or the errors (never both). */
  record Result(Optional<RequestForm> form, Map<String, Problem> errors) {}

  private final ConsoleRequest r;
  private final LocalDate today;
  private final Map<String, Problem> errors = new LinkedHashMap<>();

  private CaseEntry(ConsoleRequest r, LocalDate today) {
    this.r = r;
    this.today = today;
  }

  static Result read(ConsoleRequest r, LocalDate today) {
    return new CaseEntry(r, today).read();
  }

  private Result read() {
    String reference = text("reference").orElse("");
    if (reference.isEmpty()) {
      errors.put("reference", Problem.of("reg.err.required"));
    } else if (!REFERENCE.matcher(reference).matches()) {
      errors.put("reference", Problem.of("reg.err.reference"));
    } else if (reference.equals(RESERVED)) {
      errors.put("reference", Problem.of("reg.err.reserved", RESERVED));
    }
    Optional<LocalDate> received = date("receivedOn", true);
    received
        .filter(d -> d.isAfter(today))
        .ifPresent(d -> errors.put("receivedOn", Problem.of("reg.err.future")));
    Optional<LocalDate> due = date("dueOn", true);
    if (received.isPresent() && due.isPresent() && due.get().isBefore(received.get())) {
      errors.put("dueOn", Problem.of("reg.err.dueBeforeReceived"));
    }
    Optional<RequesterKind> kind = choice("requesterKind", RequesterKind::fromId);
    Optional<Agent> agent = Optional.empty();
    if (kind.isPresent() && kind.get() != RequesterKind.PERSON) {
      Optional<String> name = text("agentName");
      Optional<String> relation = text("agentRelation");
      name.ifPresentOrElse(
          x -> {}, () -> errors.put("agentName", Problem.of("reg.err.agentRequired")));
      relation.ifPresentOrElse(
          x -> {}, () -> errors.put("agentRelation", Problem.of("reg.err.agentRequired")));
      if (name.isPresent() && relation.isPresent()) {
        agent =
            Optional.of(
                new Agent(
                    name.get(),
                    relation.get(),
                    text("agentAddress"),
                    text("agentPhone"),
                    r.param("agentLawyer").isPresent()));
      }
    }
    List<IdentityDocument> documents = new ArrayList<>();
    for (int i = 1; i <= DOCUMENT_ROWS; i++) {
      Optional<DocumentKind> doc = choice("docKind" + i, DocumentKind::fromId);
      Optional<LocalDate> issued = date("docIssued" + i, false);
      if (doc.isEmpty() && (issued.isPresent() || r.param("docPhoto" + i).isPresent())) {
        errors.put("docKind" + i, Problem.of("reg.err.docKind"));
      }
      if (doc.isPresent() && !errors.containsKey("docIssued" + i)) {
        documents.add(
            new IdentityDocument(
                doc.get(), r.param("docPhoto" + i).isPresent(), issued.map(LocalDate::toString)));
      }
    }
    List<RequestedAction> actions = new ArrayList<>();
    for (String a : r.params("actions")) {
      if (a.isBlank()) {
        continue;
      }
      try {
        RequestedAction action = RequestedAction.fromId(a);
        if (!actions.contains(action)) {
          actions.add(action);
        }
      } catch (IllegalArgumentException e) {
        errors.put("actions", Problem.of("reg.err.choice"));
      }
    }
    if (actions.isEmpty()) {
      errors.putIfAbsent("actions", Problem.of("reg.err.actions"));
    }
    Optional<Delivery> delivery = choice("delivery", Delivery::fromId);
    SubjectQuery subject = subject();
    if (errors.isEmpty()) {
      try {
        return new Result(
            Optional.of(
                new RequestForm(
                    reference,
                    received.orElseThrow().toString(),
                    kind.orElseThrow(),
                    agent,
                    documents,
                    actions,
                    r.param("feePaid").isPresent(),
                    delivery.orElseThrow(),
                    due.orElseThrow().toString(),
                    subject)),
            Map.of());
      } catch (IllegalArgumentException e) {
        // The record's own check, should one catch what the form did not: shown at the top.
        errors.put("", Problem.of("reg.err.form", e.getMessage()));
      }
    }
    return new Result(Optional.empty(), Map.copyOf(errors));
  }

  /** The subject's identifiers; each is checked the way the search will read it. */
  private SubjectQuery subject() {
    Optional<String> name = text("name");
    if (name.isEmpty()) {
      errors.put("name", Problem.of("reg.err.required"));
    }
    List<SubjectQuery.PostalAddress> addresses = new ArrayList<>();
    Optional<String> current = text("address");
    current.ifPresent(a -> addresses.add(new SubjectQuery.PostalAddress(text("postcode"), a)));
    if (current.isEmpty() && text("postcode").isPresent()) {
      errors.put("address", Problem.of("reg.err.addressMissing"));
    }
    int formerFrom = addresses.size();
    for (String line : lines("formerAddresses")) {
      Matcher mm = POSTCODE_LINE.matcher(line);
      addresses.add(
          mm.matches()
              ? new SubjectQuery.PostalAddress(Optional.of(mm.group(1)), mm.group(2).strip())
              : new SubjectQuery.PostalAddress(Optional.empty(), line));
    }
    SubjectQuery q =
        new SubjectQuery(
            name,
            text("reading"),
            lines("formerNames"),
            text("birthDate"),
            addresses,
            lines("phones"),
            lines("emails"));
    q = LocatorFields.read(this::text, errors::putIfAbsent).map(q::withLocators).orElse(q);
    // The form is registered as the requester wrote it: a value the search cannot use is listed
    // beside its field when the request is searched. Only a form with nothing usable is refused.
    RequestIdentity.Parsed parsed = RequestIdentity.parse(q);
    if (parsed.keys().isEmpty() && q.locators().isEmpty()) {
      for (Unusable u : parsed.unusable()) {
        errors.putIfAbsent(
            formField(u.field(), formerFrom),
            Problem.of("reg.err.identifier", u.reason() + " [" + u.code() + "]"));
      }
    }
    return q;
  }

  /** The form field that holds a query field such as {@code addresses[1]} or {@code phones[0]}. */
  private static String formField(String queryField, int formerFrom) {
    String base = queryField.replaceFirst("\\[.*", "");
    if (base.equals("addresses")) {
      int i = Integer.parseInt(queryField.replaceAll("\\D", ""));
      return i < formerFrom ? "address" : "formerAddresses";
    }
    return base;
  }

  private Optional<String> text(String field) {
    return r.param(field).map(String::strip).filter(s -> !s.isEmpty());
  }

  private List<String> lines(String field) {
    return r.param(field).stream()
        .flatMap(String::lines)
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private Optional<LocalDate> date(String field, boolean required) {
    Optional<String> v = text(field);
    if (v.isEmpty()) {
      if (required) {
        errors.put(field, Problem.of("reg.err.required"));
      }
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(v.get()));
    } catch (DateTimeParseException e) {
      errors.put(field, Problem.of("reg.err.date"));
      return Optional.empty();
    }
  }

  private <T> Optional<T> choice(String field, java.util.function.Function<String, T> parse) {
    Optional<String> v = text(field);
    if (v.isEmpty()) {
      if (!field.startsWith("docKind")) {
        errors.put(field, Problem.of("reg.err.choose"));
      }
      return Optional.empty();
    }
    try {
      return Optional.of(parse.apply(v.get()));
    } catch (IllegalArgumentException e) {
      errors.put(field, Problem.of("reg.err.choice"));
      return Optional.empty();
    }
  }
}
