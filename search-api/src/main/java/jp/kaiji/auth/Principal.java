package jp.kaiji.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * An authenticated caller: the configured name of its token, its role and, for an {@link Role#OWNER
 * owner}, the one company whose work orders it may see and confirm.
 */
public record Principal(String name, Role role, Optional<String> company) {
  public Principal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    company = company == null ? Optional.empty() : company;
  }

  public Principal(String name, Role role) {
    this(name, role, Optional.empty());
  }
}
