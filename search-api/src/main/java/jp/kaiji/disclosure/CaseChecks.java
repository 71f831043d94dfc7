package jp.kaiji.disclosure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the staff should look at again before answering, derived from the form by DOMAIN.md's rules
 * ("The request itself"): identity documents (one photo ID or two without a photo), the agent's
 * documents and their 3-month freshness, and an unpaid fee. Findings warn; they do not block,
 * because the staff may hold papers the form does not record.
 *
 * @param findings one line per problem, stable code first, e.g. {@code stale_document: …}
 */
public record CaseChecks(List<String> findings) {
  public CaseChecks {
    findings = List.copyOf(findings);
  }

  public static CaseChecks of(RequestForm form) {
    List<String> out = new ArrayList<>();
    LocalDate received = form.receivedDate();
    List<IdentityDocument> docs = form.documents();
    for (int i = 0; i < docs.size(); i++) {
      IdentityDocument d = docs.get(i);
      if (d.staleOn(received)) {
        out.add(
            "stale_document: documents["
                + i
                + "] ("
                + d.kind().id()
                + ") was issued on "
                + d.issuedOn().orElseThrow()
                + ", more than 3 months before receipt on "
                + form.receivedOn());
      } else if (d.kind().mustBeRecent() && d.issuedOn().isEmpty()) {
        out.add(
            "issue_date_missing: documents["
                + i
                + "] ("
                + d.kind().id()
                + ") must have been issued within 3 months; record its issue date");
      }
    }
    long photo = docs.stream().filter(IdentityDocument::photo).count();
    long plain = docs.stream().filter(d -> !d.photo() && isIdentity(d.kind())).count();
    if (photo == 0 && plain < 2) {
      out.add(
          "identity_not_proven: one photo ID or two identity documents without a photo are required");
    }
    switch (form.requesterKind()) {
      case PERSON -> {}
      case APPOINTED_AGENT -> {
        boolean lawyer = form.agent().map(Agent::lawyer).orElse(false);
        if (lawyer
            ? !has(docs, DocumentKind.LAWYER_ID)
            : !(has(docs, DocumentKind.POWER_OF_ATTORNEY)
                && has(docs, DocumentKind.SEAL_CERTIFICATE))) {
          out.add(
              lawyer
                  ? "agent_authority_missing: a lawyer acting as agent shows a lawyer's ID"
                  : "agent_authority_missing: an appointed agent encloses a power of attorney with the registered seal and its seal certificate");
        }
      }
      case LEGAL_REPRESENTATIVE -> {
        if (docs.stream()
            .noneMatch(
                d ->
                    Set.of(
                            DocumentKind.FAMILY_REGISTER,
                            DocumentKind.COURT_APPOINTMENT,
                            DocumentKind.GUARDIANSHIP_REGISTRY)
                        .contains(d.kind()))) {
          out.add(
              "representation_missing: a legal representative encloses a family register, court appointment or guardianship registry certificate");
        }
      }
    }
    if (form.feeYen() > 0 && !form.feePaid()) {
      out.add(
          "fee_unpaid: the fee of "
              + form.feeYen()
              + " yen for purpose notification or disclosure has not been received");
    }
    return new CaseChecks(out);
  }

  private static boolean isIdentity(DocumentKind k) {
    return switch (k) {
      case POWER_OF_ATTORNEY,
          SEAL_CERTIFICATE,
          FAMILY_REGISTER,
          COURT_APPOINTMENT,
          GUARDIANSHIP_REGISTRY,
          LAWYER_ID ->
          false;
      default -> true;
    };
  }

  private static boolean has(List<IdentityDocument> docs, DocumentKind kind) {
    return docs.stream().anyMatch(d -> d.kind() == kind);
  }
}
