package jp.kaiji.console;

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
import jp.kaiji.html.Html;

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
    CaseEntry.Result result = CaseEntry.read(r, disclosure.today());
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
      render(r, 409, Map.of("reference", CaseEntry.Problem.of("reg.err.exists", form.reference())));
      return;
    }
    r.redirect(
        "/console/requests/"
            + URLEncoder.encode(form.reference(), StandardCharsets.UTF_8)
            + "?notice=created");
  }

  private void render(ConsoleRequest r, int status, Map<String, CaseEntry.Problem> errors) {
    Messages m = r.m;
    boolean posted = r.exchange.getRequestMethod().equalToString("POST");
    var today = disclosure.today();
    Form f = new Form(r, m, errors, posted);
    Html b = new Html();
    if (!errors.isEmpty()) {
      b.raw("<p class=\"error\" id=\"form-error\" role=\"alert\">")
          .text(m.t("reg.err.summary", errors.size()));
      Optional.ofNullable(errors.get("")).ifPresent(p -> b.raw(" ").text(p.text(m)));
      b.raw("</p>");
    }
    b.raw("<p class=\"hint\">").text(m.t("reg.hint")).raw("</p>");
    b.raw(
            "<form method=\"post\" action=\"/console/requests/new\" class=\"register\" id=\"register-form\" novalidate>")
        .add(Fragments.csrfField(r.signedIn()));

    b.raw("<fieldset><legend>")
        .text(m.t("reg.receipt"))
        .raw("</legend><div class=\"grid\">")
        .add(f.input("reference", m.t("req.reference"), "text", ""))
        .add(f.input("receivedOn", m.t("req.received"), "date", today.toString()))
        .add(f.input("dueOn", m.t("req.due"), "date", today.plusDays(DEFAULT_DUE_DAYS).toString()))
        .raw("</div></fieldset>");

    b.raw("<fieldset><legend id=\"legend-requesterKind\">")
        .text(m.t("req.kind"))
        .raw("</legend>")
        .add(
            f.radios(
                "requesterKind",
                RequesterKind.values(),
                RequesterKind.PERSON,
                k -> label(m, "kind." + k.id(), k.japanese()),
                RequesterKind::id))
        .raw("<div class=\"grid\" id=\"agent\">")
        .add(f.input("agentName", m.t("reg.agent.name"), "text", ""))
        .add(f.input("agentRelation", m.t("reg.agent.relation"), "text", ""))
        .add(f.input("agentAddress", m.t("reg.agent.address"), "text", ""))
        .add(f.input("agentPhone", m.t("reg.agent.phone"), "text", ""))
        .add(f.checkbox("agentLawyer", m.t("reg.agent.lawyer"), false))
        .raw("</div><p class=\"hint\">")
        .text(m.t("reg.agent.hint"))
        .raw("</p></fieldset>");

    b.raw("<fieldset><legend>")
        .text(m.t("req.checks"))
        .raw("</legend><table class=\"documents\" id=\"documents\"><thead><tr><th>")
        .text(m.t("reg.doc.kind"))
        .raw("</th><th>")
        .text(m.t("req.photo"))
        .raw("</th><th>")
        .text(m.t("reg.doc.issued"))
        .raw("</th></tr></thead><tbody>");
    for (int i = 1; i <= CaseEntry.DOCUMENT_ROWS; i++) {
      String kind = "docKind" + i;
      String selected =
          posted ? r.param(kind).orElse("") : i == 1 ? DocumentKind.DRIVERS_LICENSE.id() : "";
      b.raw("<tr><td>")
          .open(
              "select",
              f.invalid(
                  kind,
                  "id",
                  "f-" + kind,
                  "name",
                  kind,
                  "aria-label",
                  m.t("reg.doc.kind") + " " + i))
          .raw("<option value=\"\">—</option>");
      for (DocumentKind d : DocumentKind.values()) {
        b.el(
            "option",
            label(m, "doc." + d.id(), d.japanese()),
            "value",
            d.id(),
            "selected",
            d.id().equals(selected) ? "selected" : null);
      }
      b.raw("</select>")
          .add(f.error(kind))
          .raw("</td><td>")
          .add(f.bareCheckbox("docPhoto" + i, m.t("req.photo") + " " + i, !posted && i == 1))
          .raw("</td><td>")
          .empty(
              "input",
              f.invalid(
                  "docIssued" + i,
                  "type",
                  "date",
                  "id",
                  "f-docIssued" + i,
                  "name",
                  "docIssued" + i,
                  "aria-label",
                  m.t("reg.doc.issued") + " " + i,
                  "value",
                  f.value("docIssued" + i, "")))
          .add(f.error("docIssued" + i))
          .raw("</td></tr>");
    }
    b.raw("</tbody></table></fieldset>");

    b.raw("<fieldset><legend>")
        .text(m.t("req.actions"))
        .raw("</legend><div class=\"choices\" id=\"f-actions\">");
    var asked = r.params("actions");
    for (RequestedAction a : RequestedAction.values()) {
      boolean on = posted ? asked.contains(a.id()) : a == RequestedAction.DISCLOSURE;
      b.raw("<label>")
          .empty(
              "input",
              "type",
              "checkbox",
              "name",
              "actions",
              "value",
              a.id(),
              "checked",
              on ? "checked" : null)
          .raw(" ")
          .text(label(m, "action." + a.id(), a.japanese()))
          .raw("</label>");
    }
    b.raw("</div>")
        .add(f.error("actions"))
        .add(f.checkbox("feePaid", m.t("reg.feePaid", RequestedAction.FEE_YEN), false))
        .raw("<p class=\"field-label\" id=\"label-delivery\">")
        .text(m.t("req.delivery"))
        .raw("</p>")
        .add(
            f.radios(
                "delivery",
                Delivery.values(),
                Delivery.ELECTRONIC,
                d -> label(m, "delivery." + d.id(), d.japanese()),
                Delivery::id))
        .raw("</fieldset>");

    b.raw("<fieldset><legend>")
        .text(m.t("reg.subject"))
        .raw("</legend><div class=\"grid\">")
        .add(f.input("name", m.t("field.name"), "text", ""))
        .add(f.input("reading", m.t("field.reading"), "text", ""))
        .add(f.input("birthDate", m.t("field.birthDate"), "text", ""))
        .add(f.textarea("formerNames", m.t("field.formerNames")))
        .add(f.input("postcode", m.t("reg.postcode"), "text", ""))
        .add(f.input("address", m.t("reg.address"), "text", ""))
        .add(f.textarea("formerAddresses", m.t("reg.formerAddresses")))
        .add(f.textarea("phones", m.t("field.phones")))
        .add(f.textarea("emails", m.t("field.emails")))
        .raw("</div></fieldset>");
    // What finds holdings that carry no name: footage, recordings, web logs (Japan time).
    b.raw("<fieldset id=\"locators\"><legend>")
        .text(m.t("reg.locators"))
        .raw("</legend><p class=\"hint\">")
        .text(m.t("reg.locators.hint"))
        .raw("</p><div class=\"grid\">")
        .add(f.input("visitStore", m.t("reg.visitStore"), "text", ""))
        .add(f.input("visitDate", m.t("reg.visitDate"), "date", ""))
        .add(f.input("visitTime", m.t("reg.visitTime"), "time", ""))
        .add(f.input("callNumber", m.t("reg.callNumber"), "text", ""))
        .add(f.input("callDate", m.t("reg.callDate"), "date", ""))
        .add(f.input("cookie", m.t("reg.cookie"), "text", ""))
        .add(f.input("ipAddress", m.t("reg.ipAddress"), "text", ""))
        .add(f.input("ipDate", m.t("reg.ipDate"), "date", ""))
        .add(f.input("ipTime", m.t("reg.ipTime"), "time", ""))
        .raw("</div></fieldset>");
    b.raw("<div class=\"actions\"><button type=\"submit\" id=\"register-submit\">")
        .text(m.t("reg.submit"))
        .raw("</button> <a href=\"/console/requests\">")
        .text(m.t("reg.cancel"))
        .raw("</a></div></form>");
    r.html(status, Layout.page(r, m.t("reg.title"), console.current(), b));
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
      ConsoleRequest r, Messages m, Map<String, CaseEntry.Problem> errors, boolean posted) {
    String value(String name, String initial) {
      return posted ? r.param(name).orElse("") : initial;
    }

    /** {@code aria-invalid} and {@code aria-describedby} values for a field in error, else null. */
    String[] invalid(String name, String... attributes) {
      boolean bad = errors.containsKey(name);
      String[] all = java.util.Arrays.copyOf(attributes, attributes.length + 4);
      all[attributes.length] = "aria-invalid";
      all[attributes.length + 1] = bad ? "true" : null;
      all[attributes.length + 2] = "aria-describedby";
      all[attributes.length + 3] = bad ? "err-" + name : null;
      return all;
    }

    Html error(String name) {
      CaseEntry.Problem p = errors.get(name);
      return p == null
          ? new Html()
          : new Html().el("span", p.text(m), "class", "field-error", "id", "err-" + name);
    }

    Html input(String name, String label, String type, String initial) {
      return new Html()
          .raw("<div class=\"field\">")
          .el("label", label, "for", "f-" + name)
          .empty(
              "input",
              invalid(
                  name,
                  "type",
                  type,
                  "id",
                  "f-" + name,
                  "name",
                  name,
                  "value",
                  value(name, initial)))
          .add(error(name))
          .raw("</div>");
    }

    Html textarea(String name, String label) {
      return new Html()
          .raw("<div class=\"field\">")
          .el("label", label, "for", "f-" + name)
          .el(
              "textarea",
              value(name, ""),
              invalid(name, "id", "f-" + name, "name", name, "rows", "2"))
          .add(error(name))
          .raw("</div>");
    }

    Html checkbox(String name, String label, boolean initial) {
      return new Html()
          .raw("<div class=\"field check\"><label>")
          .add(bareCheckbox(name, null, initial))
          .raw(" ")
          .text(label)
          .raw("</label>")
          .add(error(name))
          .raw("</div>");
    }

    Html bareCheckbox(String name, String ariaLabel, boolean initial) {
      boolean on = posted ? r.param(name).isPresent() : initial;
      return new Html()
          .empty(
              "input",
              "type",
              "checkbox",
              "id",
              "f-" + name,
              "name",
              name,
              "value",
              "yes",
              "checked",
              on ? "checked" : null,
              "aria-label",
              ariaLabel);
    }

    <E> Html radios(
        String name,
        E[] values,
        E initial,
        java.util.function.Function<E, String> label,
        java.util.function.Function<E, String> id) {
      String chosen = posted ? r.param(name).orElse("") : id.apply(initial);
      Html b =
          new Html()
              .open(
                  "div",
                  "class",
                  "choices",
                  "id",
                  "f-" + name,
                  "role",
                  "radiogroup",
                  "aria-labelledby",
                  name.equals("delivery") ? "label-delivery" : "legend-" + name);
      for (E v : values) {
        String i = id.apply(v);
        b.raw("<label>")
            .empty(
                "input",
                "type",
                "radio",
                "name",
                name,
                "value",
                i,
                "checked",
                i.equals(chosen) ? "checked" : null)
            .raw(" ")
            .text(label.apply(v))
            .raw("</label>");
      }
      return b.raw("</div>").add(error(name));
    }
  }
}
