package jp.kaiji.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * What a holding without identity columns can be found by (camera footage, call recordings, web and
 * affiliate logs): a store, a phone number, cookie or device ids, an IP address, each with the time
 * the record covers. A requester who gives a visit, a call or a page view finds the record by
 * these, never by name.
 *
 * <p>Times are read as ISO-8601 ({@code 2026-11-20T14:05:00}, with or without an offset, a space
 * for the {@code T}, seconds optional, {@code /} for {@code -}); without an offset in {@code zone}.
 *
 * @param store the store or branch id (footage): found with a visit's time
 * @param phone the caller's number (call logs): found with a call's time
 * @param cookies cookie or device id columns: found by the id alone
 * @param ip the IP address (web and affiliate logs): found with a time
 * @param start when the record begins (footage start, call start, click time)
 * @param end when it ends (footage end); absent: it ends when it begins
 * @param durationSeconds its length in seconds from {@code start} (a call); instead of {@code end}
 * @param zone the time zone of times written without an offset; Asia/Tokyo when absent
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LocatorMapping(
    Optional<String> store,
    Optional<String> phone,
    List<String> cookies,
    Optional<String> ip,
    Optional<String> start,
    Optional<String> end,
    Optional<String> durationSeconds,
    Optional<String> zone) {

  /** The zone of times written without an offset when the catalogue names none. */
  public static final String DEFAULT_ZONE = "Asia/Tokyo";

  @JsonCreator
  public LocatorMapping {
    store = store == null ? Optional.empty() : store;
    phone = phone == null ? Optional.empty() : phone;
    cookies = cookies == null ? List.of() : List.copyOf(cookies);
    ip = ip == null ? Optional.empty() : ip;
    start = start == null ? Optional.empty() : start;
    end = end == null ? Optional.empty() : end;
    durationSeconds = durationSeconds == null ? Optional.empty() : durationSeconds;
    zone = zone == null ? Optional.empty() : zone;
  }

  /** Every mapped column with its role, for the column checks. */
  public List<java.util.Map.Entry<String, String>> mappedColumns() {
    List<java.util.Map.Entry<String, String>> out = new java.util.ArrayList<>();
    store.ifPresent(c -> out.add(java.util.Map.entry("store", c)));
    phone.ifPresent(c -> out.add(java.util.Map.entry("phone", c)));
    cookies.forEach(c -> out.add(java.util.Map.entry("cookies", c)));
    ip.ifPresent(c -> out.add(java.util.Map.entry("ip", c)));
    start.ifPresent(c -> out.add(java.util.Map.entry("start", c)));
    end.ifPresent(c -> out.add(java.util.Map.entry("end", c)));
    durationSeconds.ifPresent(c -> out.add(java.util.Map.entry("durationSeconds", c)));
    return out;
  }

  /** What a requester could give to find this holding, in words for staff and the answer. */
  public List<String> whatToGive() {
    List<String> out = new java.util.ArrayList<>();
    store.ifPresent(c -> out.add("visit"));
    phone.ifPresent(c -> out.add("call"));
    if (!cookies.isEmpty()) {
      out.add("cookie");
    }
    ip.ifPresent(c -> out.add("ip"));
    return out;
  }
}
