package jp.kaiji.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A category of personal data: the privacy policy's categories are the shipped defaults ({@link
 * #POLICY}); a catalogue may declare its own ({@code "categories"}), each with its purpose of use
 * and how the data was obtained, and a source names one by id.
 *
 * @param id the catalogue's spelling: lower snake case, e.g. {@code call_recording}
 * @param label the Japanese label staff and requesters see, e.g. 通話録音
 * @param purpose the purpose of use, in the policy's words (empty for the policy's defaults, whose
 *     sources each say theirs)
 * @param obtainedBy how the data was obtained (e.g. ご注文時に本人から)
 */
public record DataCategory(
    @JsonValue String id, String label, Optional<String> purpose, Optional<String> obtainedBy) {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

  public static final DataCategory CUSTOMER = policy("customer", "お客様の個人情報");
  public static final DataCategory BUSINESS_PARTNER = policy("business_partner", "お取引先様などの情報");
  public static final DataCategory REQUEST_SURVEY_CAMPAIGN =
      policy("request_survey_campaign", "資料請求・アンケート・キャンペーン等でお預かりした情報");
  public static final DataCategory JOB_APPLICANT = policy("job_applicant", "応募者の個人情報");
  public static final DataCategory EMPLOYEE = policy("employee", "従業者の情報");
  public static final DataCategory INQUIRY = policy("inquiry", "お問い合わせにおける個人情報");
  public static final DataCategory SEMINAR = policy("seminar", "セミナー申し込みにおける個人情報");
  public static final DataCategory CONTACT_FORM = policy("contact_form", "お問い合わせフォームからいただいた個人情報");
  public static final DataCategory THIRD_PARTY_PROVISION =
      policy("third_party_provision", "第三者提供記録");
  public static final DataCategory CCTV = policy("cctv", "店舗カメラの映像");
  public static final DataCategory CALL_RECORDING = policy("call_recording", "通話録音");
  public static final DataCategory AFFILIATE = policy("affiliate", "アフィリエイト・広告効果測定");

  /** The categories the group's privacy policy names: every catalogue has them. */
  public static final List<DataCategory> POLICY =
      List.of(
          CUSTOMER,
          BUSINESS_PARTNER,
          REQUEST_SURVEY_CAMPAIGN,
          JOB_APPLICANT,
          EMPLOYEE,
          INQUIRY,
          SEMINAR,
          CONTACT_FORM,
          THIRD_PARTY_PROVISION,
          CCTV,
          CALL_RECORDING,
          AFFILIATE);

  public DataCategory {
    purpose = purpose == null ? Optional.empty() : purpose;
    obtainedBy = obtainedBy == null ? Optional.empty() : obtainedBy;
  }

  private static DataCategory policy(String id, String label) {
    return new DataCategory(id, label, Optional.empty(), Optional.empty());
  }

  /** The Japanese label (the policy's words for its own categories). */
  public String japaneseLabel() {
    return label == null ? id : label;
  }

  /** Whether this is a well-formed id: lower snake case. */
  static boolean validId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** A policy category by id; empty for a category only a catalogue declares. */
  public static Optional<DataCategory> ofPolicy(String id) {
    return POLICY.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /**
   * A source's {@code "category"}: the policy's category of that id, or a reference that the
   * catalogue resolves against its declared categories when it loads ({@link SourceCatalogs}).
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static DataCategory fromId(String id) {
    Objects.requireNonNull(id, "category");
    return ofPolicy(id)
        .orElseGet(() -> new DataCategory(id, null, Optional.empty(), Optional.empty()));
  }

  @Override
  public String toString() {
    return id;
  }

  /**
   * A category as the catalogue declares it ({@code "categories": [...]}).
   *
   * @param id lower snake case, unique in the catalogue (a policy category's id replaces it)
   * @param label the Japanese label
   * @param purpose the purpose of use
   * @param obtainedBy how the data was obtained
   */
  public record Declaration(String id, String label, String purpose, String obtainedBy) {
    DataCategory category() {
      return new DataCategory(
          id, label, Optional.ofNullable(purpose), Optional.ofNullable(obtainedBy));
    }
  }

  /** The ids of the policy's categories, for error messages. */
  static String policyIds() {
    return Arrays.toString(POLICY.stream().map(DataCategory::id).toArray());
  }
}
