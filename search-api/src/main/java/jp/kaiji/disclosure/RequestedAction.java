package jp.kaiji.disclosure;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a request asks for (開示等の請求の種類). The fee applies to the first two only. */
public enum RequestedAction {
  PURPOSE_NOTIFICATION("利用目的の通知", true),
  DISCLOSURE("開示（保有個人データ及び第三者提供記録）", true),
  CORRECTION("内容の訂正・追加・削除", false),
  STOP_USE("利用の停止・消去", false),
  STOP_THIRD_PARTY_PROVISION("第三者への提供の停止", false);

  /** The fee per request for purpose notification and disclosure, tax included. */
  public static final int FEE_YEN = 1500;

  private final String japanese;
  private final boolean charged;

  RequestedAction(String japanese, boolean charged) {
    this.japanese = japanese;
    this.charged = charged;
  }

  public String japanese() {
    return japanese;
  }

  /** Whether this action makes the request subject to the fee. */
  boolean charged() {
    return charged;
  }

  @JsonValue
  public String id() {
    return Ids.id(this);
  }

  @JsonCreator
  public static RequestedAction fromId(String id) {
    return Ids.fromId(RequestedAction.class, "actions", id);
  }
}
