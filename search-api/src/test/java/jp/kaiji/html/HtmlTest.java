package jp.kaiji.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Text is escaped unless raw markup is asked for by name. */
class HtmlTest {
  static final String EVIL = "<script>alert('x')</script>\" onmouseover=\"x & y";

  @Test
  void textAndAttributeValuesAreEscaped() {
    String html =
        new Html().el("td", EVIL, "class", "note", "data-record", EVIL).text(EVIL).toString();
    assertThat(html).doesNotContain("<script>", "\" onmouseover");
    assertThat(html)
        .startsWith(
            "<td class=\"note\" data-record=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot; onmouseover=&quot;x &amp; y\">")
        .contains("&lt;/script&gt;&quot; onmouseover=&quot;x &amp; y</td>");
    assertThat(new Html().text(EVIL).toString()).isEqualTo(Html.escape(EVIL));
  }

  @Test
  void rawMarkupIsAskedForByNameAndFragmentsNest() {
    Html cell = new Html().el("strong", "山田 & 太郎");
    assertThat(new Html().raw("<p>").add(cell).raw("</p>").toString())
        .isEqualTo("<p><strong>山田 &amp; 太郎</strong></p>");
  }

  @Test
  void aNullAttributeIsLeftOutAndNamesMustBeNames() {
    assertThat(new Html().open("tr", "class", null, "id", "r1").toString())
        .isEqualTo("<tr id=\"r1\">");
    assertThatThrownBy(() -> new Html().open("td onclick=x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Html().open("td", "on click", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Html().open("td", "class"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
