package jp.kaiji.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import jp.kaiji.query.SubjectQuery;
import org.junit.jupiter.api.Test;

class RequestIdentityTest {
  static SubjectQuery query(
      String name, String birthDate, List<String> phones, List<String> mails) {
    return new SubjectQuery(
        Optional.ofNullable(name),
        Optional.empty(),
        List.of(),
        Optional.ofNullable(birthDate),
        List.of(),
        phones,
        mails);
  }

  @Test
  void everyUsableValueIsKeptAndEveryUnusableOneListedByPosition() {
    RequestIdentity.Parsed p =
        RequestIdentity.parse(
            query(
                "山田 太郎",
                "生年月日不明",
                List.of("090-1234-5678", "12-34", "03-1234-5678"),
                List.of("taro@")));
    assertThat(p.keys().names()).hasSize(1);
    assertThat(p.keys().phones())
        .extracting(IdentityKeys.PhoneKey::e164)
        .containsExactly("+819012345678", "+81312345678");
    assertThat(p.keys().emails()).isEmpty();
    assertThat(p.unusable())
        .extracting(u -> u.field() + ":" + u.code())
        .containsExactly(
            "birthDate:date.unrecognized", "phones[1]:phone.unparsable", "emails[0]:email.shape");
    // The reasons never repeat the values.
    assertThat(p.unusable().toString()).doesNotContain("12-34", "taro@", "不明");
  }

  @Test
  void theStrictFormStillRefusesOnTheFirstUnusableValue() {
    assertThatThrownBy(
            () -> RequestIdentity.of(query("山田 太郎", null, List.of("12-34", "x"), List.of())))
        .isInstanceOfSatisfying(
            RequestIdentity.InvalidIdentifier.class,
            e -> assertThat(e.field()).isEqualTo("phones[0]"));
  }

  @Test
  void aFormWithNothingUsableHasNoKeysAndListsEveryValue() {
    RequestIdentity.Parsed p =
        RequestIdentity.parse(query(null, "いつか", List.of("12-34"), List.of("taro@")));
    assertThat(p.keys().isEmpty()).isTrue();
    assertThat(p.unusable())
        .extracting(Unusable::field)
        .containsExactly("birthDate", "phones[0]", "emails[0]");
  }
}
