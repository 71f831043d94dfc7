package jp.kaiji.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import jp.kaiji.query.SubjectQuery;
import jp.kaiji.query.SubjectQuery.IssuedId;
import jp.kaiji.query.SubjectQuery.PostalAddress;
import jp.kaiji.schema.IdentityKeys;
import jp.kaiji.schema.RequestIdentity;
import org.junit.jupiter.api.Test;

/** Issue 15's roles in the tier rules: the sex as evidence against, issued numbers as evidence. */
class RoleComparisonTest {
  private final RecordComparator comparator =
      new RecordComparator(
          MatchPolicy.defaults(),
          new TermStatistics() {
            @Override
            public long docFreq(String field, String value) {
              return 1;
            }

            @Override
            public long docCount() {
              return 100_000;
            }
          });

  private static final String HOME = "大阪府大阪市中央区安土町3-5-13";

  private static IdentityKeys keys(
      String name, String birth, String address, String sex, List<IssuedId> issued)
      throws Exception {
    return RequestIdentity.of(
        new SubjectQuery(
            Optional.of(name),
            Optional.empty(),
            List.of(),
            Optional.ofNullable(birth),
            address == null ? List.of() : List.of(new PostalAddress(Optional.empty(), address)),
            List.of(),
            List.of(),
            Optional.ofNullable(sex),
            issued));
  }

  @Test
  void aRecordOfTheOtherSexIsNeverConfirmedAndANameAloneWithItIsNotReturned() throws Exception {
    IdentityKeys request = keys("山田 薫", "1975-03-05", HOME, "女", List.of());
    IdentityKeys same = keys("山田 薫", "1975-03-05", HOME, "F", List.of());
    IdentityKeys other = keys("山田 薫", "1975-03-05", HOME, "male", List.of());
    assertThat(comparator.compare(request, same).tier()).contains(MatchTier.CONFIRMED);
    Comparison c = comparator.compare(request, other);
    assertThat(c.tier()).contains(MatchTier.NEEDS_REVIEW);
    assertThat(c.attributes()).anyMatch(a -> a.attribute().equals("sex") && a.weight() < 0);
    // A namesake of the other sex who shares nothing else is not the requester.
    IdentityKeys namesake = keys("山田 薫", null, null, "M", List.of());
    assertThat(comparator.compare(request, namesake).tier()).isEmpty();
    // Unknown on either side says nothing.
    IdentityKeys unknown = keys("山田 薫", "1975-03-05", HOME, null, List.of());
    assertThat(comparator.compare(request, unknown).tier()).contains(MatchTier.CONFIRMED);
  }

  @Test
  void anIssuedNumberIsALineOfEvidenceWithinItsSchemeOnly() throws Exception {
    IssuedId member = new IssuedId("regate-member", "RG00001234");
    IdentityKeys request = keys("山田 太郎", null, null, null, List.of(member));
    IdentityKeys record =
        keys("山田 太郎", null, null, null, List.of(new IssuedId("regate-member", "rg-0000 1234")));
    Comparison c = comparator.compare(request, record);
    assertThat(c.agreeing()).contains(Evidence.NAME, Evidence.ISSUED_ID);
    assertThat(c.tier()).contains(MatchTier.CONFIRMED);
    // The same digits in another company's scheme are another account.
    IdentityKeys elsewhere =
        keys("山田 太郎", null, null, null, List.of(new IssuedId("buysell-customer", "RG00001234")));
    assertThat(comparator.compare(request, elsewhere).agreeing())
        .doesNotContain(Evidence.ISSUED_ID);
    // A different number in the same scheme weighs little: one person may hold two accounts.
    IdentityKeys second =
        keys("山田 太郎", null, HOME, null, List.of(new IssuedId("regate-member", "RG00009999")));
    assertThat(comparator.compare(request, second).attributes())
        .anyMatch(a -> a.attribute().equals("issuedId") && a.level() == Level.DIFFERENT);
  }
}
