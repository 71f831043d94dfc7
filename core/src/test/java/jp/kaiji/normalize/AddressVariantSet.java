package jp.kaiji.normalize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A fixed set of synthetic addresses, each with the spellings people really write, drawn
 * deterministically (seed {@value #SEED}) from Japan Post's directory: the same set on every run,
 * so that figures before and after a change compare. Addresses are real towns with made-up block
 * numbers; building names and 字 names are made up.
 *
 * <p>Classes of address (each with its own spellings besides the common ones: hyphens, full-width,
 * kanji numerals, spaces, no prefecture, prefecture without 都/府/県, building, postcode in the text
 * or in a field, 丁 without 目): plain towns; names with ヶ/ケ/が; cities with towns listed per 丁目 or
 * named with numerals; villages and county towns written with 大字 / 字; cities that two prefectures
 * have; names with a variant kanji; pairs of four-number blocks that differ in the last number
 * only.
 */
final class AddressVariantSet {
  static final long SEED = 15L;

  /** One address: its canonical spelling, the class it was drawn for, and its other spellings. */
  record Entry(String id, String kind, Spelling canonical, List<Spelling> spellings) {}

  /** One way of writing it: postcode field (or null) and text, and which variant it is. */
  record Spelling(String variant, String postcodeField, String text) {}

  private static final Pattern PLAIN_TOWN = Pattern.compile("[^0-9０-９、・]+");
  private static final Pattern LINKING_KANA = Pattern.compile("\\p{IsHan}[ヶケが]\\p{IsHan}");
  private static final String[] BUILDINGS = {
    "コーポ山田 201号室", "サンハイツ3F", "メゾン緑丘 102", "グランドパレス 1105号室", "第二松本ビル 4階"
  };
  private static final String[] KOAZA = {"中島", "川端", "宮前", "西原", "北浦", "上野", "堂ノ前", "三本松"};

  private final Random random = new Random(SEED);
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final List<PostcodeDirectory.Place> places;
  private final Map<Character, Character> variantOf = new LinkedHashMap<>();

  private AddressVariantSet() {
    places =
        PostcodeDirectory.get().places().stream()
            .filter(p -> PLAIN_TOWN.matcher(p.town()).matches())
            .filter(p -> !p.town().contains("番地") && !p.town().contains("場合"))
            .toList();
    for (KanjiVariants.Row row : KanjiVariants.get().rows()) {
      if (Character.isBmpCodePoint(row.variant()) && Character.isBmpCodePoint(row.standard())) {
        variantOf.putIfAbsent((char) row.standard(), (char) row.variant());
      }
    }
    // Read here rather than through KanjiVariants, so that the set is the same for any normalizer.
    for (String line : resourceLines("place-kanji-variants.tsv")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String[] f = line.split("\t");
        variantOf.putIfAbsent(f[1].charAt(0), f[0].charAt(0));
      }
    }
  }

  private static List<String> resourceLines(String name) {
    try (var in = AddressVariantSet.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .lines()
          .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static List<Entry> build() {
    AddressVariantSet set = new AddressVariantSet();
    set.draw("plain", 120, p -> true);
    set.draw("linking-kana", 40, p -> LINKING_KANA.matcher(p.city() + p.town()).find());
    set.draw("numeral-town", 30, p -> p.town().matches(".*([一二三四五六七八九十]+(番町|番丁|条|丁目)).*"));
    set.draw("oaza", 40, p -> p.city().endsWith("村") || p.city().contains("郡"));
    Set<String> shared = Set.of("府中市", "伊達市", "鹿島市", "鹿嶋市", "大和町", "美里町", "池田町");
    set.draw("two-prefectures", 30, p -> shared.contains(p.city()));
    set.draw("variant-kanji", 40, p -> set.hasVariant(p.city() + p.town()));
    set.drawFourNumberPairs(30);
    return List.copyOf(set.entries.values());
  }

  private void draw(String kind, int count, Predicate<PostcodeDirectory.Place> filter) {
    List<PostcodeDirectory.Place> pool = places.stream().filter(filter).toList();
    for (int n = 0, tries = 0; n < count && tries < count * 20 && !pool.isEmpty(); tries++) {
      PostcodeDirectory.Place p = pool.get(random.nextInt(pool.size()));
      boolean chome = random.nextBoolean() && !kind.equals("oaza");
      int[] block =
          chome
              ? new int[] {1 + random.nextInt(9), 1 + random.nextInt(30), 1 + random.nextInt(30)}
              : new int[] {1 + random.nextInt(1500), 1 + random.nextInt(30)};
      if (add(kind, p, block, chome)) {
        n++;
      }
    }
  }

  /** Pairs such as 6-23-2 / 6-23-19 and 1-6-23-2 / 1-6-23-19 in one town. */
  private void drawFourNumberPairs(int count) {
    for (int n = 0; n < count; n++) {
      PostcodeDirectory.Place p = places.get(random.nextInt(places.size()));
      int a = 1 + random.nextInt(9);
      int b = 1 + random.nextInt(30);
      int c = 1 + random.nextInt(30);
      int d = 1 + random.nextInt(9);
      boolean four = n % 2 == 0;
      int[] first = four ? new int[] {a, b, c, d} : new int[] {a, b, d};
      int[] second = four ? new int[] {a, b, c, d + 10} : new int[] {a, b, d + 10};
      add("four-number", p, first, true);
      add("four-number", p, second, true);
    }
  }

  private boolean add(String kind, PostcodeDirectory.Place p, int[] block, boolean chome) {
    String pref = p.prefecture();
    String city = Text.clean(p.city());
    String town = Text.clean(p.town());
    String canonicalBlock = blockText(block, chome);
    Spelling canonical = new Spelling("canonical", null, pref + city + town + canonicalBlock);
    if (entries.containsKey(canonical.text())) {
      return false;
    }
    String hyphens = join(block);
    List<Spelling> s = new ArrayList<>();
    s.add(new Spelling("hyphens", null, pref + city + town + hyphens));
    s.add(new Spelling("full-width", null, fullWidth(pref + city + town + hyphens)));
    s.add(new Spelling("kanji-numerals", null, pref + city + town + kanjiBlock(block, chome)));
    s.add(new Spelling("spaces", null, pref + " " + city + " " + town + " " + hyphens));
    s.add(new Spelling("building", null, pref + city + town + hyphens + " " + pick(BUILDINGS)));
    String zip = p.postcode().substring(0, 3) + "-" + p.postcode().substring(3);
    s.add(new Spelling("postcode-in-text", null, "〒" + zip + " " + pref + city + town + hyphens));
    s.add(new Spelling("postcode-field", zip, city + town + canonicalBlock));
    s.add(
        new Spelling(
            "ideographic-space", null, pref + "\u3000" + city + town + "\u3000" + hyphens));
    s.add(new Spelling("zip-digits-only", p.postcode(), pref + city + town + hyphens));
    s.add(new Spelling("building-attached", null, pref + city + town + hyphens + "サンハイツ201"));
    int room = 101 + random.nextInt(12) * 100 + random.nextInt(8);
    if (block.length >= 3) {
      // After two numbers a third of three digits may be a 号 as well as a room: not measured.
      s.add(new Spelling("room-hyphen", null, pref + city + town + hyphens + "-" + room));
    }
    s.add(new Spelling("room-suffix", null, pref + city + town + hyphens + "-" + room + "号室"));
    if (chome) {
      String mixed = block[0] + "丁目" + join(java.util.Arrays.copyOfRange(block, 1, block.length));
      s.add(new Spelling("chome-then-hyphens", null, pref + city + town + mixed));
    } else {
      s.add(new Spelling("banchi-no", null, pref + city + town + block[0] + "番地の" + block[1]));
      s.add(new Spelling("no", null, pref + city + town + block[0] + "の" + block[1]));
    }
    if (PostcodeDirectory.get().prefecturesOfCity(p.city()).size() == 1 || !kind.equals("plain")) {
      s.add(new Spelling("no-prefecture", null, city + town + hyphens));
    }
    if (!pref.equals("北海道")) {
      String shortPref = pref.substring(0, pref.length() - 1);
      s.add(new Spelling("short-prefecture", null, shortPref + city + town + hyphens));
    }
    if (chome && block.length == 3) {
      String cho = kanji(block[0]) + "丁" + block[1] + "-" + block[2];
      s.add(new Spelling("cho-without-me", null, pref + city + town + cho));
    }
    switch (kind) {
      case "linking-kana" -> {
        for (String kana : List.of("ヶ", "ケ", "が")) {
          String respelt = (city + town).replaceAll("(\\p{IsHan})[ヶケが](?=\\p{IsHan})", "$1" + kana);
          s.add(new Spelling("kana-" + kana, null, pref + respelt + hyphens));
        }
      }
      case "oaza" -> {
        String koaza = pick(KOAZA);
        String banchi = block[0] + "番地" + (block.length > 1 ? block[1] : "");
        s.add(new Spelling("oaza", null, pref + city + "大字" + town + banchi));
        s.add(new Spelling("oaza-aza", null, pref + city + "大字" + town + "字" + koaza + banchi));
        s.add(new Spelling("aza", null, pref + city + town + "字" + koaza + hyphens));
        s.add(new Spelling("koaza", null, city + town + "小字" + koaza + banchi));
      }
      case "variant-kanji" -> {
        s.add(new Spelling("variant-kanji", null, pref + withVariants(city + town) + hyphens));
        s.add(new Spelling("variant-no-pref", null, withVariants(city + town) + canonicalBlock));
      }
      default -> {}
    }
    String id = String.format(java.util.Locale.ROOT, "A%04d", entries.size() + 1);
    entries.put(canonical.text(), new Entry(id, kind, canonical, List.copyOf(s)));
    return true;
  }

  private boolean hasVariant(String name) {
    return name.chars().anyMatch(c -> variantOf.containsKey((char) c));
  }

  private String withVariants(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      b.append(variantOf.getOrDefault(c, c));
    }
    return b.toString();
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }

  private static String blockText(int[] block, boolean chome) {
    if (!chome) {
      return block[0] + "番地" + block[1];
    }
    StringBuilder b = new StringBuilder().append(block[0]).append("丁目");
    b.append(block[1]).append("番").append(block[2]);
    for (int i = 3; i < block.length; i++) {
      b.append('-').append(block[i]);
    }
    return b.append(block.length == 3 ? "号" : "").toString();
  }

  private static String kanjiBlock(int[] block, boolean chome) {
    if (!chome) {
      return kanji(block[0]) + "番地" + kanji(block[1]);
    }
    StringBuilder b = new StringBuilder().append(kanji(block[0])).append("丁目");
    if (block.length > 3) {
      return b.append(join(java.util.Arrays.copyOfRange(block, 1, block.length))).toString();
    }
    return b.append(kanji(block[1])).append("番").append(kanji(block[2])).append("号").toString();
  }

  /** 1234 → 千二百三十四, as people write block numbers in kanji. */
  static String kanji(int n) {
    String digits = "〇一二三四五六七八九";
    if (n == 0) {
      return "〇";
    }
    StringBuilder b = new StringBuilder();
    int[] units = {1000, 100, 10};
    String[] names = {"千", "百", "十"};
    for (int i = 0; i < units.length; i++) {
      int d = n / units[i] % 10;
      if (d > 0) {
        b.append(d == 1 ? "" : digits.charAt(d)).append(names[i]);
      }
    }
    return n % 10 == 0 ? b.toString() : b.append(digits.charAt(n % 10)).toString();
  }

  private static String join(int[] block) {
    StringBuilder b = new StringBuilder();
    for (int n : block) {
      b.append(b.isEmpty() ? "" : "-").append(n);
    }
    return b.toString();
  }

  static String fullWidth(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      b.append(c >= '!' && c <= '~' ? (char) (c - '!' + '！') : c);
    }
    return b.toString();
  }
}
