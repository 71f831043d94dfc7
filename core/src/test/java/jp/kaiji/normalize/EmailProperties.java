package jp.kaiji.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

class EmailProperties {
  @Property
  void keyIsIdempotent(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String local) {
    String key = Emails.normalize(local + "@Example.JP").orElseThrow().key();
    assertThat(Emails.normalize(key).orElseThrow().key()).isEqualTo(key);
  }
}
