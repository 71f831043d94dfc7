package jp.kaiji.catalog;

import java.util.Objects;

/**
 * One company of the group whose sources are searched.
 *
 * @param id a short stable id used by sources, e.g. {@code rext-cs}
 * @param legalName the legal name, e.g. 株式会社レクストカスタマーサービス
 * @param role its role in the group, as the policy describes it
 */
public record Company(String id, String legalName, String role) {
  public Company {
    Objects.requireNonNull(id, "company id");
    Objects.requireNonNull(legalName, "company legalName of " + id);
    role = role == null ? "" : role;
  }
}
