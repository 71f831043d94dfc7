package jp.kaiji.auth;

import java.util.Objects;

/** An authenticated caller: the configured name of its token and its role. */
public record Principal(String name, Role role) {
  public Principal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
  }
}
