package jp.kaiji.disclosure;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Kinds of documents enclosed with a request. Agents' and legal representatives' documents must
 * have been issued within 3 months of receipt (DOMAIN.md, "The request itself").
 */
public enum DocumentKind {
  DRIVERS_LICENSE("運転免許証", false),
  MY_NUMBER_CARD("個人番号カード", false),
  PASSPORT("パスポート", false),
  RESIDENCE_CARD("在留カード", false),
  HEALTH_INSURANCE_CARD("健康保険証", false),
  PENSION_BOOK("年金手帳", false),
  RESIDENT_RECORD("住民票の写し", false),
  POWER_OF_ATTORNEY("委任状（実印押印）", false),
  SEAL_CERTIFICATE("印鑑登録証明書", true),
  LAWYER_ID("弁護士登録番号を証する書類", false),
  FAMILY_REGISTER("戸籍謄本", true),
  COURT_APPOINTMENT("裁判所による選任を証する書類", true),
  GUARDIANSHIP_REGISTRY("成年後見登記事項証明書", true),
  OTHER("その他", false);

  private final String japanese;
  private final boolean mustBeRecent;

  DocumentKind(String japanese, boolean mustBeRecent) {
    this.japanese = japanese;
    this.mustBeRecent = mustBeRecent;
  }

  public String japanese() {
    return japanese;
  }

  /** Must have been issued within 3 months before the request was received. */
  boolean mustBeRecent() {
    return mustBeRecent;
  }

  @JsonValue
  public String id() {
    return Ids.id(this);
  }

  @JsonCreator
  public static DocumentKind fromId(String id) {
    return Ids.fromId(DocumentKind.class, "kind", id);
  }
}
