package jp.kaiji.disclosure;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why an action on a record is not carried out, as the answer to the requester states it (個人情報保護法
 * 第34条・第35条). {@link #OTHER} needs the reason written out.
 */
public enum RefusalGround {
  /** The data is needed for a contract still running (e.g. an open order or a loan). */
  CONTRACT_RUNNING("ご契約の履行に必要な情報であり、契約が継続しているため"),
  /** A law obliges the company to keep it (tax, antique dealers, labour records). */
  RETENTION_BY_LAW("法令により一定期間の保存が義務付けられているため"),
  /** The company checked and the content is true: nothing to correct. */
  ACCURATE("調査の結果、記録の内容が事実と相違しないことを確認したため"),
  /** The conditions of a stop of use or provision (法第35条) are not met. */
  NOT_REQUIRED("利用停止等の要件（個人情報保護法第35条）に該当しないため"),
  OTHER("その他（理由欄のとおり）");

  private final String japanese;

  RefusalGround(String japanese) {
    this.japanese = japanese;
  }

  public String japanese() {
    return japanese;
  }

  @JsonValue
  public String id() {
    return Ids.id(this);
  }

  @JsonCreator
  public static RefusalGround fromId(String id) {
    return Ids.fromId(RefusalGround.class, "ground", id);
  }
}
