package jp.kaiji.disclosure;

import java.util.Objects;
import java.util.Optional;

/**
 * The agent or legal representative who sent a request on the person's behalf.
 *
 * @param name their name
 * @param relation how they relate to the person, e.g. 弁護士, 親権者, 成年後見人
 * @param address where the answer goes when it goes to them
 * @param phone a contact number
 * @param lawyer an agent who is a lawyer shows a lawyer's ID instead of a sealed power of attorney
 */
public record Agent(
    String name,
    String relation,
    Optional<String> address,
    Optional<String> phone,
    Boolean lawyer) {
  public Agent {
    Objects.requireNonNull(name, "agent.name");
    Objects.requireNonNull(relation, "agent.relation");
    if (name.isBlank()) {
      throw new IllegalArgumentException("agent.name must not be blank");
    }
    address = address == null ? Optional.empty() : address;
    phone = phone == null ? Optional.empty() : phone;
    lawyer = lawyer != null && lawyer;
  }
}
