package jp.kaiji.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The weakest sensible forms of values that fail strict normalization. */
class LenientFormsTest {
  @ParameterizedTest
  @CsvSource({
    "073(309)2424, +81733092424",
    "084-434-2324, +81844342324",
    "084-434-2324 内線12, +81844342324",
    // Written internationally, as a source did on seed 9904 (the call from 0842332094 was lost).
    "+81 84 233 2094, +81842332094",
    "+81 (0)84-233-2094, +81842332094",
  })
  void aDomesticShapedNumberLibphonenumberDoesNotKnowIsKeptUnverified(String written, String e164) {
    assertThat(Phones.normalize(written).failureIfAny())
        .hasValueSatisfying(f -> assertThat(f.code()).isEqualTo("phone.invalid"));
    Phone p = Phones.lenient(written).orElseThrow();
    assertThat(p.e164()).isEqualTo(e164);
    assertThat(p.verified()).isFalse();
    assertThat(p.lineType()).isEqualTo(Phone.LineType.OTHER);
  }

  @ParameterizedTest
  @CsvSource({
    "12-34",
    "0120",
    "+44 20 7946 0000 0000",
    "電話なし",
    "1733092424",
    "+81 84 233",
    "+81 84 2332 0941 23"
  })
  void anythingElseStillFails(String written) {
    assertThat(Phones.lenient(written).isOk()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "19381131, 19381131",
    "1938-02-30, 19380230",
    "1938/2/30, 19380230",
    "昭和13年2月30日, 19380230",
    "1975-13-05, 19751305",
  })
  void anImpossibleDayIsANearMissKeptAsItsDigits(String written, String digits) {
    assertThat(BirthDates.parse(written).failureIfAny())
        .hasValueSatisfying(f -> assertThat(f.code()).isEqualTo("date.no_such_day"));
    assertThat(BirthDates.nearMissDigits(written)).contains(digits);
  }

  @ParameterizedTest
  @CsvSource({"1938-11-30", "いつか", "75/3/5", "昭和64年1月8日", "2999-01-01"})
  void aRealOrUnreadableDateIsNoNearMiss(String written) {
    assertThat(BirthDates.nearMissDigits(written)).isEmpty();
  }
}
