package jp.kaiji.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.kaiji.query.SubjectQuery;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DOMAIN.md's rules for the request itself, one row per case. */
class CaseChecksTest {
  /**
   * @param docs {@code kind:photo:issuedOn} separated by spaces, e.g. {@code passport:y:-}
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      person, one photo ID                  | person               | false | passport:y:-                                                | disclosure   | true  | -
      person, two without photo             | person               | false | health_insurance_card:n:- pension_book:n:-                  | disclosure   | true  | -
      person, one without photo             | person               | false | health_insurance_card:n:-                                   | disclosure   | true  | identity_not_proven
      fee unpaid for disclosure             | person               | false | passport:y:-                                                | disclosure   | false | fee_unpaid
      no fee for correction                 | person               | false | passport:y:-                                                | correction   | false | -
      agent, seal certificate 2 months old  | appointed_agent      | false | passport:y:- power_of_attorney:n:- seal_certificate:n:2025-02-01 | stop_use | false | -
      agent, seal certificate 4 months old  | appointed_agent      | false | passport:y:- power_of_attorney:n:- seal_certificate:n:2024-11-30 | stop_use | false | stale_document
      agent, seal certificate undated       | appointed_agent      | false | passport:y:- power_of_attorney:n:- seal_certificate:n:-     | stop_use     | false | issue_date_missing
      agent without power of attorney       | appointed_agent      | false | passport:y:-                                                | stop_use     | false | agent_authority_missing
      lawyer agent with lawyer ID           | appointed_agent      | true  | passport:y:- lawyer_id:y:-                                  | stop_use     | false | -
      guardian with fresh registry          | legal_representative | false | passport:y:- guardianship_registry:n:2025-03-15             | stop_use     | false | -
      guardian without certificate          | legal_representative | false | passport:y:-                                                | stop_use     | false | representation_missing
      parent with old family register       | legal_representative | false | passport:y:- family_register:n:2024-12-31                   | stop_use     | false | stale_document
      """)
  void findings(
      String what,
      String kind,
      boolean lawyer,
      String docs,
      String action,
      boolean paid,
      String expected) {
    List<IdentityDocument> documents = new ArrayList<>();
    for (String d : docs.trim().split(" +")) {
      String[] p = d.split(":");
      documents.add(
          new IdentityDocument(
              DocumentKind.fromId(p[0]),
              p[1].equals("y"),
              p[2].equals("-") ? Optional.empty() : Optional.of(p[2])));
    }
    RequesterKind rk = RequesterKind.fromId(kind);
    RequestForm form =
        new RequestForm(
            "R-1",
            "2025-04-01",
            rk,
            rk == RequesterKind.PERSON
                ? Optional.empty()
                : Optional.of(
                    new Agent("代理 一郎", "代理人", Optional.empty(), Optional.empty(), lawyer)),
            documents,
            List.of(RequestedAction.fromId(action)),
            paid,
            Delivery.PAPER,
            "2025-04-30",
            new SubjectQuery(
                Optional.of("山田 太郎"),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of()));
    List<String> codes = CaseChecks.of(form).findings().stream().map(f -> f.split(":")[0]).toList();
    if (expected.equals("-")) {
      assertThat(codes).as(what).isEmpty();
    } else {
      assertThat(codes).as(what).containsExactly(expected);
    }
    assertThat(form.feeYen())
        .isEqualTo(action.equals("disclosure") || action.equals("purpose_notification") ? 1500 : 0);
  }
}
