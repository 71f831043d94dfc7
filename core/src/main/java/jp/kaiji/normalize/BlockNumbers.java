package jp.kaiji.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Reads the block part of an address (丁目・番地・号) into the canonical form {@code 3-5-13}.
 *
 * <p>Numbers are Arabic or kanji (三, 十五, 〇); between them stand 丁目, 丁 (堺市 writes 北花田町二丁4-1), 番地, 番,
 * 号, の, ノ or a dash of any width (- ‐ − ― ー). A kanji numeral counts only when a separator, a space
 * or the end follows it, so that a building such as 三井ビル after the block stays a building. Every
 * number joined so is kept (6-23-2 and 6-23-19, 1-6-23-2 and 1-6-23-19 stay apart), except a room:
 * a number after 号 or a space (1-2-3 405), before 号室 / 室 / 階 / F (1-2-3-405号室), or of three digits
 * or more after three numbers (1-2-3-405; a 枝番 has one or two) goes to the building. After two
 * numbers a third of three digits (12-3-405) stays in the block: it may be a 号 as well as a room.
 */
final class BlockNumbers {
  private static final String DASHES = "-‐‑‒–—―−ーｰ";
  private static final String[] WORDS = {"丁目", "番地", "番", "号", "丁"};
  private static final String[] SUBDIVISIONS = {"小字", "大字", "字"};
  private static final String[] ROOM_SUFFIXES = {"号室", "室", "階", "F", "f"};
  private static final int MAX_NUMBERS = 6;
  private static final int MAX_SUBDIVISION_NAME = 12;

  /** The canonical block, if any, and the index in the text where the block ends. */
  record Block(String canonical, int end) {}

  private BlockNumbers() {}

  static Block read(String text, int from) {
    List<Integer> numbers = new ArrayList<>(4);
    int i = skipSpaces(text, from);
    int end = from;
    while (numbers.size() < MAX_NUMBERS) {
      int[] number = number(text, i);
      if (number == null
          || !numbers.isEmpty() && isRoom(text, number[1])
          || numbers.size() >= 3 && number[1] - i >= 3 && isDigit(text.charAt(i))) {
        break;
      }
      numbers.add(number[0]);
      i = number[1];
      end = i;
      String word = wordAt(text, i);
      if (word != null) {
        i += word.length();
        end = i;
        if (word.equals("号")) {
          break;
        }
        int spaced = skipSpaces(text, i);
        if (spaced < text.length()
            && isConnector(text.charAt(spaced))
            && number(text, spaced + 1) != null) {
          i = spaced + 1;
        } else if (number(text, spaced) != null) {
          i = spaced;
        } else {
          break;
        }
      } else if (i < text.length() && isConnector(text.charAt(i)) && number(text, i + 1) != null) {
        i++;
      } else {
        break;
      }
    }
    if (numbers.size() == MAX_NUMBERS && text.startsWith("号", end)) {
      end++;
    }
    if (numbers.isEmpty()) {
      return new Block("", from);
    }
    return new Block(String.join("-", numbers.stream().map(String::valueOf).toList()), end);
  }

  /**
   * The block at {@code from}, or else after a 字 / 小字 / 大字 name below the postal town
   * (花巻市東町字中島12番地, 〇〇村大字△△字□□123): the name is skipped, never part of the block, since people write
   * the same address with and without it. A block after such a name starts with a digit or ends a
   * kanji number with 番 / 番地, so that 字三本松 is a name, not block 3.
   */
  static Block readAfterSubdivision(String text, int from) {
    Block direct = read(text, from);
    if (!direct.canonical().isEmpty()) {
      return direct;
    }
    int i = skipSpaces(text, from);
    for (String marker : SUBDIVISIONS) {
      if (text.startsWith(marker, i)) {
        int at = blockAfterName(text, i + marker.length());
        return at < 0 ? new Block("", from) : read(text, at);
      }
    }
    return new Block("", from);
  }

  /**
   * Where the block starts after a place name that begins at {@code nameStart} (at most {@value
   * #MAX_SUBDIVISION_NAME} chars of it), or -1. Such a block starts with a digit, or is a kanji
   * number ending with 番 / 番地, so that 三本松 is a name, not block 3.
   */
  static int blockAfterName(String text, int nameStart) {
    int limit = Math.min(text.length(), nameStart + MAX_SUBDIVISION_NAME);
    for (int j = nameStart + 1; j < limit; j++) {
      char c = text.charAt(j);
      if (c == ' ' || !(isDigit(c) || Numerals.isKanjiNumeral(c))) {
        continue;
      }
      Block b = read(text, j);
      if (!b.canonical().isEmpty() && (isDigit(c) || text.substring(j, b.end()).contains("番"))) {
        return j;
      }
    }
    return -1;
  }

  /** A number followed by 号室, 室, 階 or F is a room or floor (1-2-3-405号室, 1-2-3-4F). */
  private static boolean isRoom(String text, int end) {
    for (String suffix : ROOM_SUFFIXES) {
      if (text.startsWith(suffix, end)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isConnector(char c) {
    return DASHES.indexOf(c) >= 0 || c == 'の' || c == 'ノ';
  }

  private static String wordAt(String text, int i) {
    for (String w : WORDS) {
      if (text.startsWith(w, i)) {
        return w;
      }
    }
    return null;
  }

  /** {value, end} of a number at i, or null. */
  private static int[] number(String text, int i) {
    int j = i;
    while (j < text.length() && j - i < 6 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
      j++;
    }
    if (j > i) {
      if (j < text.length() && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
        return null;
      }
      return new int[] {Integer.parseInt(text.substring(i, j)), j};
    }
    while (j < text.length() && Numerals.isKanjiNumeral(text.charAt(j))) {
      j++;
    }
    if (j == i) {
      return null;
    }
    boolean followed =
        j == text.length()
            || text.charAt(j) == ' '
            || isConnector(text.charAt(j))
            || wordAt(text, j) != null;
    OptionalInt value = Numerals.parse(text.substring(i, j));
    return followed && value.isPresent() ? new int[] {value.getAsInt(), j} : null;
  }

  private static int skipSpaces(String text, int i) {
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
