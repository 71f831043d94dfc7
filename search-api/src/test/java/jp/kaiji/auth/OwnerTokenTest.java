package jp.kaiji.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import jp.kaiji.normalize.Hashes;
import org.junit.jupiter.api.Test;

/** An owner token names its company, and only an owner token does; the principal carries it. */
class OwnerTokenTest {
  @Test
  void anOwnerTokenAuthenticatesAsItsCompanysOwner() {
    TokenRegistry r =
        new TokenRegistry(
            List.of(
                new TokenRegistry.TokenEntry(
                    "tanaka@shop", Role.OWNER, Hashes.sha256Hex("o-token"), Optional.of("shop")),
                new TokenRegistry.TokenEntry("suzuki", Role.STAFF, Hashes.sha256Hex("s-token"))));
    assertThat(r.authenticate("o-token"))
        .contains(new Principal("tanaka@shop", Role.OWNER, Optional.of("shop")));
    assertThat(r.authenticate("s-token")).contains(new Principal("suzuki", Role.STAFF));
    assertThat(r.authenticate("x-token")).isEmpty();
  }

  @Test
  void anOwnerWithoutACompanyOrAStaffTokenWithOneIsRefused() {
    assertThatThrownBy(
            () -> new TokenRegistry.TokenEntry("nobody", Role.OWNER, Hashes.sha256Hex("t")))
        .hasMessageContaining("owner token names its company");
    assertThatThrownBy(
            () ->
                new TokenRegistry.TokenEntry(
                    "suzuki", Role.STAFF, Hashes.sha256Hex("t"), Optional.of("shop")))
        .hasMessageContaining("owner token names its company");
    assertThat(Role.fromId("owner")).isEqualTo(Role.OWNER);
  }
}
