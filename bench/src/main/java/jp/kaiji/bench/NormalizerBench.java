package jp.kaiji.bench;

import java.util.concurrent.TimeUnit;
import jp.kaiji.normalize.Addresses;
import jp.kaiji.normalize.BirthDates;
import jp.kaiji.normalize.Emails;
import jp.kaiji.normalize.Names;
import jp.kaiji.normalize.Normalized;
import jp.kaiji.normalize.Phones;
import jp.kaiji.normalize.Readings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Normalizer throughput per identifier kind, on inputs written the ways the fixtures write them
 * (full-width digits, eras, variant kanji, spaces). Each invocation normalizes the next of a few
 * inputs. {@code birthDate} goes through the date memo (a build sees few distinct dates), so it
 * measures the memo hit; {@code birthDateUnmemoized} measures the parse.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NormalizerBench {
  static final String[] PHONES = {
    "090-1234-5678", "０３（３２１２）４５６７", "+81 90 8765 4321", "06-6245-1122 内線12", "080 2222 3333"
  };
  static final String[] EMAILS = {
    "Taro.Yamada@Example.JP", "ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ", "k-sato+shop@mail.example.ne.jp"
  };
  static final String[] NAMES = {"山田　太郎", "髙橋 さくら", "ﾔﾏﾀﾞ ﾀﾛｳ", "YAMADA Taro", "渡邊 一"};
  static final String[] READINGS = {"ヤマダ タロウ", "たかはし さくら", "ﾜﾀﾅﾍﾞ ﾊｼﾞﾒ", "サトウ　ハナコ"};
  static final String[] DATES = {"1975-03-05", "昭和50年3月5日", "S50.3.5", "平成2年4月1日", "1990/4/1"};
  static final String[][] ADDRESSES = {
    {"541-0052", "大阪府大阪市中央区安土町3-5-13"},
    {"〒100-0005", "東京都千代田区丸の内一丁目9番1号 丸の内ビル12F"},
    {null, "神奈川県横浜市西区みなとみらい２－２－１"},
    {"060-0001", "北海道札幌市中央区北一条西2丁目"},
  };

  private static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 4, 1);
  private int i;

  private int next(int n) {
    i = i + 1 == Integer.MAX_VALUE ? 0 : i + 1;
    return i % n;
  }

  @Benchmark
  public Normalized<?> phone() {
    return Phones.normalize(PHONES[next(PHONES.length)]);
  }

  @Benchmark
  public Normalized<?> email() {
    return Emails.normalize(EMAILS[next(EMAILS.length)]);
  }

  @Benchmark
  public Normalized<?> name() {
    return Names.normalize(NAMES[next(NAMES.length)]);
  }

  @Benchmark
  public Normalized<?> reading() {
    return Readings.normalize(READINGS[next(READINGS.length)]);
  }

  @Benchmark
  public Normalized<?> birthDate() {
    return BirthDates.parse(DATES[next(DATES.length)]);
  }

  /** The parse itself, past the date memo that {@link #birthDate()} mostly hits. */
  @Benchmark
  public Normalized<?> birthDateUnmemoized() {
    return BirthDates.parse(DATES[next(DATES.length)], TODAY);
  }

  @Benchmark
  public Normalized<?> address() {
    String[] a = ADDRESSES[next(ADDRESSES.length)];
    return Addresses.normalize(a[0], a[1]);
  }
}
