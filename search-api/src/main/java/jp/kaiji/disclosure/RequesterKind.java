package jp.kaiji.disclosure;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who sent the request: the person, an agent they appointed, or a legal representative. */
public enum RequesterKind {
  PERSON("本人"),
  APPOINTED_AGENT("任意代理人"),
  LEGAL_REPRESENTATIVE("法定代理人");

  private final String japanese;

  RequesterKind(String japanese) {
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
  public static RequesterKind fromId(String id) {
    return Ids.fromId(RequesterKind.class, "requesterKind", id);
  }
}
