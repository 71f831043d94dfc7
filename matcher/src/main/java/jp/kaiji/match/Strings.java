package jp.kaiji.match;

/** Small string measures used by the comparator. */
public final class Strings {
  private Strings() {}

  /**
   * True when {@code a} and {@code b} differ by at most one insertion, deletion or substitution
   * (code points).
   */
  public static boolean editDistanceAtMostOne(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    if (Math.abs(x.length - y.length) > 1) {
      return false;
    }
    int i = 0;
    int j = 0;
    boolean edited = false;
    while (i < x.length && j < y.length) {
      if (x[i] == y[j]) {
        i++;
        j++;
        continue;
      }
      if (edited) {
        return false;
      }
      edited = true;
      if (x.length > y.length) {
        i++;
      } else if (y.length > x.length) {
        j++;
      } else {
        i++;
        j++;
      }
    }
    int remaining = (x.length - i) + (y.length - j);
    return remaining + (edited ? 1 : 0) <= 1;
  }

  /**
   * True when {@code b} is {@code a} with two neighbouring characters written in the wrong order
   * (jonhson, 1967 for 1976): one slip, though Levenshtein counts two edits.
   */
  public static boolean swappedNeighbours(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    int i = 0;
    while (i < a.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i + 1 < a.length()
        && a.charAt(i) == b.charAt(i + 1)
        && a.charAt(i + 1) == b.charAt(i)
        && a.substring(i + 2).equals(b.substring(i + 2));
  }
}
