package jp.kaiji.catalog;

import java.util.Optional;

/**
 * Where the records of an Excel source are in its workbook ({@code path}).
 *
 * @param sheet the sheet's name as on its tab
 * @param headerRow the row (1-based, as Excel numbers them) holding the column names; 1 when absent
 * @param firstDataRow the first row of records; the row after the header when absent
 */
public record XlsxLocation(
    String sheet, Optional<Integer> headerRow, Optional<Integer> firstDataRow) {
  public XlsxLocation {
    headerRow = headerRow == null ? Optional.empty() : headerRow;
    firstDataRow = firstDataRow == null ? Optional.empty() : firstDataRow;
  }

  /** The header row, 1-based. */
  public int header() {
    return headerRow.orElse(1);
  }

  /** The first data row, 1-based. */
  public int firstData() {
    return firstDataRow.orElse(header() + 1);
  }
}
