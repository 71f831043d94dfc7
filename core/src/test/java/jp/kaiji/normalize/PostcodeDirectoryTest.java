package jp.kaiji.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostcodeDirectoryTest {
  private final PostcodeDirectory directory = PostcodeDirectory.get();

  @Test
  void findsThePolicyAuthorsOfficeByPostcode() {
    assertThat(directory.lookup("5410052"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.prefecture()).isEqualTo("大阪府");
              assertThat(p.city()).isEqualTo("大阪市中央区");
              assertThat(p.town()).isEqualTo("安土町");
            });
  }

  @Test
  void knowsAll47PrefecturesAndAmbiguousCities() {
    assertThat(directory.prefectures()).hasSize(47).startsWith("北海道").endsWith("沖縄県");
    assertThat(directory.prefecturesOfCity("府中市")).containsExactlyInAnyOrder("東京都", "広島県");
    assertThat(directory.lookup("0000000")).isEmpty();
  }
}
