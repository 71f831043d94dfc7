package jp.kaiji.disclosure;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the requester wants the answer: electronically (電磁的記録) or on paper. */
public enum Delivery {
  ELECTRONIC("電磁的記録"),
  PAPER("書面");

  private final String japanese;

  Delivery(String japanese) {
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
  public static Delivery fromId(String id) {
    return Ids.fromId(Delivery.class, "delivery", id);
  }
}
