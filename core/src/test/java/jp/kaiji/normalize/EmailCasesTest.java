package jp.kaiji.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailCasesTest {
  /** input | key (or !failure.code) */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "taro@example.jp | taro@example.jp",
        "Taro.Yamada@Example.CO.JP | taro.yamada@example.co.jp",
        "'  taro@example.jp  ' | taro@example.jp",
        "'　taro@example.jp　' | taro@example.jp",
        "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ | taro@example.jp",
        "TARO＠EXAMPLE．JP | taro@example.jp",
        "taro @ example.jp | taro@example.jp",
        "ta ro@exa mple.jp | taro@example.jp",
        "mailto:taro@example.jp | taro@example.jp",
        "MAILTO:Taro@Example.jp | taro@example.jp",
        "山田太郎 <Taro@Example.jp> | taro@example.jp",
        "<taro@example.jp> | taro@example.jp",
        "taro+shop@example.jp | taro+shop@example.jp",
        "taro_yamada-1@mail.example.ne.jp | taro_yamada-1@mail.example.ne.jp",
        "taro..yamada.@docomo.ne.jp | taro..yamada.@docomo.ne.jp",
        "taro@例え.jp | taro@xn--r8jz45g.jp",
        "taro@sub-domain.example.com | taro@sub-domain.example.com",
        "x@a.io | x@a.io",
        "taro\u200b@example.jp | taro@example.jp",
        "not-an-address | !email.shape",
        "taro@ | !email.shape",
        "@example.jp | !email.shape",
        "taro@example | !email.shape",
        "taro@@example.jp | !email.shape",
        "taro@-example.jp | !email.shape",
        "taro@example..jp | !email.shape",
        "taro,hanako@example.jp | !email.shape",
        "mailto: | !email.shape",
        "太郎 | !email.shape",
        "taro@exa_mple.jp | !email.shape",
        "'' | !email.empty",
        "'　' | !email.empty",
      })
  void normalizes(String input, String key) {
    Normalized<Email> result = Emails.normalize(input);
    if (key.startsWith("!")) {
      assertThat(result.failureIfAny())
          .hasValueSatisfying(f -> assertThat(f.code()).isEqualTo(key.substring(1)));
      return;
    }
    Email e = result.orElseThrow();
    assertThat(e.key()).isEqualTo(key);
    assertThat(e.original()).isEqualTo(input);
  }

  @Test
  void hashIsOfTheKey() {
    Email e = Emails.normalize(" Taro@Example.JP ").orElseThrow();
    assertThat(e.sha256()).isEqualTo(Hashes.sha256Hex("taro@example.jp")).hasSize(64);
  }
}
