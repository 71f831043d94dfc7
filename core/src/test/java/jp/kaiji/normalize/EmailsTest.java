package jp.kaiji.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailsTest {
  @ParameterizedTest
  @CsvSource({
    "Taro.Yamada@Example.co.jp, taro.yamada@example.co.jp",
    "'  hanako@example.jp  ', hanako@example.jp",
    "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ, taro@example.jp",
  })
  void normalizesToKey(String input, String key) {
    assertThat(Emails.normalize(input).orElseThrow().key()).isEqualTo(key);
  }

  @ParameterizedTest
  @CsvSource({"not-an-address", "taro@", "@example.jp", "taro@example"})
  void rejectsBadShape(String input) {
    assertThat(Emails.normalize(input).failureIfAny())
        .hasValueSatisfying(f -> assertThat(f.code()).isEqualTo("email.shape"));
  }
}
