package jp.kaiji.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import jp.kaiji.auth.Principal;
import jp.kaiji.auth.Role;
import jp.kaiji.disclosure.Agent;
import jp.kaiji.disclosure.Delivery;
import jp.kaiji.disclosure.DisclosureException;
import jp.kaiji.disclosure.DisclosureService;
import jp.kaiji.disclosure.DocumentKind;
import jp.kaiji.disclosure.IdentityDocument;
import jp.kaiji.disclosure.RequestForm;
import jp.kaiji.disclosure.RequestedAction;
import jp.kaiji.disclosure.RequesterKind;
import jp.kaiji.query.SubjectQuery;
import jp.kaiji.schema.RequestIdentity;

/**
 * The demo's disclosure requests: five requests taken from the fixtures' {@code requests.jsonl} so
 * that a new user finds work waiting in the console — a person in the sources ({@code DEMO-1}), a
 * married name written with variant kanji, a family member sent by a lawyer, a namesake (overdue)
 * and someone no source holds — with received and due dates relative to today (one overdue, one
 * nearing) and their identity documents.
 *
 * <p>Seeding is idempotent: a reference that exists already is left as it is, since the demo's H2
 * store persists between runs.
 */
final class DemoCases {
  /** The request the demo's printed instructions name. */
  public static final String FIRST = "DEMO-1";

  private static final Principal SEEDER = new Principal("demo-seed", Role.STAFF);

  /** One seeded request: which fixture request it takes, and how it arrived. */
  private record Plan(
      String reference,
      Predicate<JsonNode> pick,
      int receivedDaysAgo,
      int dueInDays,
      RequesterKind kind,
      boolean feePaid,
      Delivery delivery) {}

  /** What seeding did: the references created and those that were there already. */
  public record Seeded(List<String> created, List<String> existing) {}

  private DemoCases() {}

  /**
   * Creates the demo requests that do not exist yet, from {@code requests.jsonl} beside the
   * catalogue, through {@link DisclosureService#create} (audited as {@code demo-seed}).
   */
  public static Seeded seed(DisclosureService disclosure, Path requestsJsonl)
      throws IOException, SQLException {
    List<JsonNode> fixtures = new ArrayList<>();
    ObjectMapper json =
        new ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module());
    for (String line : Files.readAllLines(requestsJsonl, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        fixtures.add(json.readTree(line));
      }
    }
    List<Plan> plans =
        List.of(
            new Plan(
                FIRST,
                r -> kind(r, "person") && r.path("expectedPerson").isTextual(),
                3,
                11,
                RequesterKind.PERSON,
                true,
                Delivery.ELECTRONIC),
            new Plan(
                "DEMO-2",
                r ->
                    r.path("expectedPerson").isTextual()
                        && hard(r, "married")
                        && hard(r, "variant"),
                12,
                2,
                RequesterKind.PERSON,
                true,
                Delivery.ELECTRONIC),
            new Plan(
                "DEMO-3",
                r -> kind(r, "family_member"),
                5,
                9,
                RequesterKind.APPOINTED_AGENT,
                true,
                Delivery.ELECTRONIC),
            new Plan(
                "DEMO-4",
                r -> kind(r, "namesake"),
                20,
                -6,
                RequesterKind.PERSON,
                true,
                Delivery.PAPER),
            new Plan(
                "DEMO-5",
                r -> kind(r, "absent"),
                1,
                13,
                RequesterKind.PERSON,
                false,
                Delivery.ELECTRONIC));
    LocalDate today = disclosure.today();
    List<String> created = new ArrayList<>();
    List<String> existing = new ArrayList<>();
    List<JsonNode> used = new ArrayList<>();
    for (Plan p : plans) {
      Optional<SubjectQuery> subject = Optional.empty();
      for (JsonNode r : fixtures) {
        if (!used.contains(r) && p.pick().test(r)) {
          subject = readable(json, r);
          if (subject.isPresent()) {
            used.add(r);
            break;
          }
        }
      }
      if (subject.isEmpty()) {
        continue; // a fixture set without such a request: seed the others
      }
      LocalDate received = today.minusDays(p.receivedDaysAgo());
      try {
        disclosure.create(
            SEEDER,
            new RequestForm(
                p.reference(),
                received.toString(),
                p.kind(),
                agent(p.kind()),
                documents(p.kind(), received),
                p.reference().equals("DEMO-5")
                    ? List.of(RequestedAction.DISCLOSURE)
                    : List.of(RequestedAction.DISCLOSURE, RequestedAction.PURPOSE_NOTIFICATION),
                p.feePaid(),
                p.delivery(),
                received.plusDays(p.receivedDaysAgo() + p.dueInDays()).toString(),
                subject.get()));
        created.add(p.reference());
      } catch (DisclosureException e) {
        if (e.kind() != DisclosureException.Kind.EXISTS) {
          throw new IllegalStateException(
              "demo request " + p.reference() + ": " + e.getMessage(), e);
        }
        existing.add(p.reference());
      }
    }
    return new Seeded(List.copyOf(created), List.copyOf(existing));
  }

  /**
   * The fixture's form, when the search can read every identifier on it (some are broken on
   * purpose).
   */
  private static Optional<SubjectQuery> readable(ObjectMapper json, JsonNode r) {
    try {
      SubjectQuery q = json.treeToValue(r.get("form"), SubjectQuery.class);
      RequestIdentity.of(q);
      return Optional.of(q);
    } catch (IOException | RequestIdentity.InvalidIdentifier | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean kind(JsonNode r, String kind) {
    return r.path("kind").asText().equals(kind);
  }

  private static boolean hard(JsonNode r, String hardCase) {
    for (JsonNode h : r.path("hardCases")) {
      if (h.asText().equals(hardCase)) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Agent> agent(RequesterKind kind) {
    return kind == RequesterKind.PERSON
        ? Optional.empty()
        : Optional.of(
            new Agent(
                "架空 法律事務所 弁護士 見本 太郎",
                "弁護士",
                Optional.of("東京都千代田区丸の内9-9-9"),
                Optional.of("03-0000-0000"),
                true));
  }

  private static List<IdentityDocument> documents(RequesterKind kind, LocalDate received) {
    if (kind == RequesterKind.PERSON) {
      return List.of(
          new IdentityDocument(
              DocumentKind.DRIVERS_LICENSE, true, Optional.of(received.minusYears(2).toString())));
    }
    return List.of(
        new IdentityDocument(
            DocumentKind.LAWYER_ID, true, Optional.of(received.minusDays(20).toString())),
        new IdentityDocument(
            DocumentKind.MY_NUMBER_CARD, true, Optional.of(received.minusYears(3).toString())));
  }
}
