package jp.kaiji.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The categories of personal data the group's privacy policy names, with their Japanese labels. */
public enum DataCategory {
  CUSTOMER("お客様の個人情報"),
  BUSINESS_PARTNER("お取引先様などの情報"),
  REQUEST_SURVEY_CAMPAIGN("資料請求・アンケート・キャンペーン等でお預かりした情報"),
  JOB_APPLICANT("応募者の個人情報"),
  EMPLOYEE("従業者の情報"),
  INQUIRY("お問い合わせにおける個人情報"),
  SEMINAR("セミナー申し込みにおける個人情報"),
  CONTACT_FORM("お問い合わせフォームからいただいた個人情報"),
  THIRD_PARTY_PROVISION("第三者提供記録"),
  CCTV("店舗カメラの映像"),
  CALL_RECORDING("通話録音"),
  AFFILIATE("アフィリエイト・広告効果測定");

  private final String japaneseLabel;

  DataCategory(String japaneseLabel) {
    this.japaneseLabel = japaneseLabel;
  }

  public String japaneseLabel() {
    return japaneseLabel;
  }

  /** The catalogue's spelling: lower snake case, e.g. {@code call_recording}. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static DataCategory fromId(String id) {
    return Arrays.stream(values())
        .filter(c -> c.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown data category '"
                        + id
                        + "'; expected one of "
                        + Arrays.toString(values()).toLowerCase(Locale.ROOT)));
  }
}
