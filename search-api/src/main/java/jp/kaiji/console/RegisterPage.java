package jp.kaiji.console;

import static jp.kaiji.console.Fragments.esc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import jp.kaiji.disclosure.Delivery;
import jp.kaiji.disclosure.DisclosureException;
import jp.kaiji.disclosure.DisclosureService;
import jp.kaiji.disclosure.DocumentKind;
import jp.kaiji.disclosure.RequestedAction;
import jp.kaiji.disclosure.RequesterKind;

/**
 * Registering a request received by post: the group's paper form as fields, created through {@link
 * DisclosureService#create} with the signed-in Principal (audited as in the API). A refused form
 * comes back with what was typed and each error beside its field ({@code #err-<field>}).
 */
final class RegisterPage {
  /** The default answer period the form proposes; the staff may set any date not before receipt. */
  static final int DEFAULT_DUE_DAYS = 14;

  private final Console console;
  private final DisclosureService disclosure;

  RegisterPage(Console console, DisclosureService disclosure) {
    this.console = console;
    this.disclosure = disclosure;
  }

  void form(ConsoleRequest r) {
    render(r, 200, Map.of());
  }

  void register(ConsoleRequest r) throws Exception {
    RequestEntry.Result result = RequestEntry.read(r, disclosure.today());
    if (result.form().isEmpty()) {
      render(r, 400, result.errors());
      return;
    }
    var form = result.form().get();
    try {
      disclosure.create(r.who(), form);
    } catch (DisclosureException e) {
      if (e.kind() != DisclosureException.Kind.EXISTS) {
        throw e;
      }
      render(
          r, 409, Map.of("reference", RequestEntry.Problem.of("reg.err.exists", form.reference())));
      return;
    }
    r.redirect(
        "/console/requests/"
            + URLEncoder.encode(form.reference(), StandardCharsets.UTF_8)
            + "?notice=created");
  }

  private void render(ConsoleRequest r, int status, Map<String, RequestEntry.Problem> errors) {
    Messages m = r.m;
    boolean posted = r.exchange.getRequestMethod().equalToString("POST");
    var today = disclosure.today();
    Form f = new Form(r, m, errors, posted);
    StringBuilder b = new StringBuilder();
    if (!errors.isEmpty()) {
      b.append("<p class=\"error\" id=\"form-error\" role=\"alert\">")
          .append(esc(m.t("reg.err.summary", errors.size())));
      Optional.ofNullable(errors.get("")).ifPresent(p -> b.append(" ").append(esc(p.text(m))));
      b.append("</p>");
    }
    b.append("<p class=\"hint\">").append(esc(m.t("reg.hint"))).append("</p>");
    b.append(
            "<form method=\"post\" action=\"/console/requests/new\" class=\"register\" id=\"register-form\" novalidate>")
        .append(Fragments.csrfField(r.signedIn()));

    b.append("<fieldset><legend>")
        .append(esc(m.t("reg.receipt")))
        .append("</legend><div class=\"grid\">")
        .append(f.input("reference", m.t("req.reference"), "text", ""))
        .append(f.input("receivedOn", m.t("req.received"), "date", today.toString()))
        .append(
            f.input("dueOn", m.t("req.due"), "date", today.plusDays(DEFAULT_DUE_DAYS).toString()))
        .append("</div></fieldset>");

    b.append("<fieldset><legend id=\"legend-requesterKind\">")
        .append(esc(m.t("req.kind")))
        .append("</legend>")
        .append(
            f.radios(
                "requesterKind",
                RequesterKind.values(),
                RequesterKind.PERSON,
                k -> label(m, "kind." + k.id(), k.japanese()),
                RequesterKind::id))
        .append("<div class=\"grid\" id=\"agent\">")
        .append(f.input("agentName", m.t("reg.agent.name"), "text", ""))
        .append(f.input("agentRelation", m.t("reg.agent.relation"), "text", ""))
        .append(f.input("agentAddress", m.t("reg.agent.address"), "text", ""))
        .append(f.input("agentPhone", m.t("reg.agent.phone"), "text", ""))
        .append(f.checkbox("agentLawyer", m.t("reg.agent.lawyer"), false))
        .append("</div><p class=\"hint\">")
        .append(esc(m.t("reg.agent.hint")))
        .append("</p></fieldset>");

    b.append("<fieldset><legend>")
        .append(esc(m.t("req.checks")))
        .append("</legend><table class=\"documents\" id=\"documents\"><thead><tr><th>")
        .append(esc(m.t("reg.doc.kind")))
        .append("</th><th>")
        .append(esc(m.t("req.photo")))
        .append("</th><th>")
        .append(esc(m.t("reg.doc.issued")))
        .append("</th></tr></thead><tbody>");
    for (int i = 1; i <= RequestEntry.DOCUMENT_ROWS; i++) {
      String kind = "docKind" + i;
      String selected =
          posted ? r.param(kind).orElse("") : i == 1 ? DocumentKind.DRIVERS_LICENSE.id() : "";
      b.append("<tr><td><select id=\"f-")
          .append(kind)
          .append("\" name=\"")
          .append(kind)
          .append("\" aria-label=\"")
          .append(esc(m.t("reg.doc.kind") + " " + i))
          .append("\"")
          .append(f.invalid(kind))
          .append("><option value=\"\">—</option>");
      for (DocumentKind d : DocumentKind.values()) {
        b.append("<option value=\"")
            .append(d.id())
            .append("\"")
            .append(d.id().equals(selected) ? " selected" : "")
            .append(">")
            .append(esc(label(m, "doc." + d.id(), d.japanese())))
            .append("</option>");
      }
      b.append("</select>")
          .append(f.error(kind))
          .append("</td><td>")
          .append(f.bareCheckbox("docPhoto" + i, m.t("req.photo") + " " + i, !posted && i == 1))
          .append("</td><td>")
          .append("<input type=\"date\" id=\"f-docIssued")
          .append(i)
          .append("\" name=\"docIssued")
          .append(i)
          .append("\" aria-label=\"")
          .append(esc(m.t("reg.doc.issued") + " " + i))
          .append("\" value=\"")
          .append(esc(f.value("docIssued" + i, "")))
          .append("\"")
          .append(f.invalid("docIssued" + i))
          .append(">")
          .append(f.error("docIssued" + i))
          .append("</td></tr>");
    }
    b.append("</tbody></table></fieldset>");

    b.append("<fieldset><legend>")
        .append(esc(m.t("req.actions")))
        .append("</legend><div class=\"choices\" id=\"f-actions\">");
    var asked = r.params("actions");
    for (RequestedAction a : RequestedAction.values()) {
      boolean on = posted ? asked.contains(a.id()) : a == RequestedAction.DISCLOSURE;
      b.append("<label><input type=\"checkbox\" name=\"actions\" value=\"")
          .append(a.id())
          .append("\"")
          .append(on ? " checked" : "")
          .append("> ")
          .append(esc(label(m, "action." + a.id(), a.japanese())))
          .append("</label>");
    }
    b.append("</div>")
        .append(f.error("actions"))
        .append(f.checkbox("feePaid", m.t("reg.feePaid", RequestedAction.FEE_YEN), false))
        .append("<p class=\"field-label\" id=\"label-delivery\">")
        .append(esc(m.t("req.delivery")))
        .append("</p>")
        .append(
            f.radios(
                "delivery",
                Delivery.values(),
                Delivery.ELECTRONIC,
                d -> label(m, "delivery." + d.id(), d.japanese()),
                Delivery::id))
        .append("</fieldset>");

    b.append("<fieldset><legend>")
        .append(esc(m.t("reg.subject")))
        .append("</legend><div class=\"grid\">")
        .append(f.input("name", m.t("field.name"), "text", ""))
        .append(f.input("reading", m.t("field.reading"), "text", ""))
        .append(f.input("birthDate", m.t("field.birthDate"), "text", ""))
        .append(f.textarea("formerNames", m.t("field.formerNames")))
        .append(f.input("postcode", m.t("reg.postcode"), "text", ""))
        .append(f.input("address", m.t("reg.address"), "text", ""))
        .append(f.textarea("formerAddresses", m.t("reg.formerAddresses")))
        .append(f.textarea("phones", m.t("field.phones")))
        .append(f.textarea("emails", m.t("field.emails")))
        .append("</div></fieldset>");
    b.append("<div class=\"actions\"><button type=\"submit\" id=\"register-submit\">")
        .append(esc(m.t("reg.submit")))
        .append("</button> <a href=\"/console/requests\">")
        .append(esc(m.t("reg.cancel")))
        .append("</a></div></form>");
    r.html(status, Layout.page(r, m.t("reg.title"), console.current(), b.toString()));
  }

  /**
   * The English label when the page is in English and one exists, else the domain's Japanese term.
   */
  private static String label(Messages m, String key, String japanese) {
    String t = m.t(key);
    return m.lang() == Messages.Lang.JA || t.equals(key) ? japanese : t;
  }

  /**
   * Field markup that keeps what was posted and marks errors with {@code aria-invalid} and a
   * message.
   */
  private record Form(
      ConsoleRequest r, Messages m, Map<String, RequestEntry.Problem> errors, boolean posted) {
    String value(String name, String initial) {
      return posted ? r.param(name).orElse("") : initial;
    }

    String invalid(String name) {
      return errors.containsKey(name)
          ? " aria-invalid=\"true\" aria-describedby=\"err-" + name + "\""
          : "";
    }

    String error(String name) {
      RequestEntry.Problem p = errors.get(name);
      return p == null
          ? ""
          : "<span class=\"field-error\" id=\"err-" + name + "\">" + esc(p.text(m)) + "</span>";
    }

    String input(String name, String label, String type, String initial) {
      return "<div class=\"field\"><label for=\"f-"
          + name
          + "\">"
          + esc(label)
          + "</label><input type=\""
          + type
          + "\" id=\"f-"
          + name
          + "\" name=\""
          + name
          + "\" value=\""
          + esc(value(name, initial))
          + "\""
          + invalid(name)
          + ">"
          + error(name)
          + "</div>";
    }

    String textarea(String name, String label) {
      return "<div class=\"field\"><label for=\"f-"
          + name
          + "\">"
          + esc(label)
          + "</label><textarea id=\"f-"
          + name
          + "\" name=\""
          + name
          + "\" rows=\"2\""
          + invalid(name)
          + ">"
          + esc(value(name, ""))
          + "</textarea>"
          + error(name)
          + "</div>";
    }

    String checkbox(String name, String label, boolean initial) {
      return "<div class=\"field check\"><label>"
          + bareCheckbox(name, null, initial)
          + " "
          + esc(label)
          + "</label>"
          + error(name)
          + "</div>";
    }

    String bareCheckbox(String name, String ariaLabel, boolean initial) {
      boolean on = posted ? r.param(name).isPresent() : initial;
      return "<input type=\"checkbox\" id=\"f-"
          + name
          + "\" name=\""
          + name
          + "\" value=\"yes\""
          + (on ? " checked" : "")
          + (ariaLabel == null ? "" : " aria-label=\"" + esc(ariaLabel) + "\"")
          + ">";
    }

    <E> String radios(
        String name,
        E[] values,
        E initial,
        java.util.function.Function<E, String> label,
        java.util.function.Function<E, String> id) {
      String chosen = posted ? r.param(name).orElse("") : id.apply(initial);
      StringBuilder b =
          new StringBuilder(
              "<div class=\"choices\" id=\"f-"
                  + name
                  + "\" role=\"radiogroup\" aria-labelledby=\""
                  + (name.equals("delivery") ? "label-delivery" : "legend-" + name)
                  + "\">");
      for (E v : values) {
        String i = id.apply(v);
        b.append("<label><input type=\"radio\" name=\"")
            .append(name)
            .append("\" value=\"")
            .append(i)
            .append("\"")
            .append(i.equals(chosen) ? " checked" : "")
            .append("> ")
            .append(esc(label.apply(v)))
            .append("</label>");
      }
      return b.append("</div>").append(error(name)).toString();
    }
  }
}
