package jp.kaiji.disclosure;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Set;

/**
 * What a request asks to be done to one found record, beyond disclosing it, and which of the form's
 * {@link RequestedAction}s allows asking it: a correction (訂正・追加) and a deletion under 訂正等; a
 * deletion (消去) and a stop of use under 利用停止等; a stop of provision under 第三者提供の停止.
 */
public enum RecordAction {
  CORRECT("訂正・追加", Set.of(RequestedAction.CORRECTION)),
  DELETE("削除・消去", Set.of(RequestedAction.CORRECTION, RequestedAction.STOP_USE)),
  STOP_USE("利用停止", Set.of(RequestedAction.STOP_USE)),
  STOP_PROVISION("第三者提供の停止", Set.of(RequestedAction.STOP_THIRD_PARTY_PROVISION));

  private final String japanese;
  private final Set<RequestedAction> askedUnder;

  RecordAction(String japanese, Set<RequestedAction> askedUnder) {
    this.japanese = japanese;
    this.askedUnder = askedUnder;
  }

  public String japanese() {
    return japanese;
  }

  /** The form's actions under which this may be asked. */
  public Set<RequestedAction> askedUnder() {
    return askedUnder;
  }

  /** Whether carrying it out sets a field (a correction, or a stop flag the source maps). */
  public boolean setsField() {
    return this != DELETE;
  }

  @JsonValue
  public String id() {
    return Ids.id(this);
  }

  @JsonCreator
  public static RecordAction fromId(String id) {
    return Ids.fromId(RecordAction.class, "action", id);
  }
}
