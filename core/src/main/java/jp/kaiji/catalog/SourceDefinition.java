package jp.kaiji.catalog;

import java.util.List;
import java.util.Optional;

/**
 * One personal-data source of one company, as the admin describes it in the catalogue.
 *
 * @param id a stable id, unique in the catalogue, e.g. {@code buysell-customers}
 * @param company the id of the company that holds it
 * @param title what staff call it, e.g. 顧客マスタ
 * @param kind how it is read
 * @param path the file, relative to the catalogue's folder (csv, jsonl, xlsx)
 * @param jdbc the database location (jdbc)
 * @param charset the file's charset: UTF-8 (a BOM is skipped), Shift_JIS or Windows-31J
 * @param primaryKey the column that identifies a record within the source
 * @param identity which columns hold which identity attributes
 * @param foreignKeys columns pointing at other sources' records
 * @param category the data category of the privacy policy
 * @param purpose the purpose of use, in the policy's words
 * @param jointlyUsed whether the data is jointly used across the group (共同利用)
 * @param xlsx the sheet and its header row (xlsx)
 */
public record SourceDefinition(
    String id,
    String company,
    String title,
    SourceKind kind,
    Optional<String> path,
    Optional<JdbcLocation> jdbc,
    Optional<String> charset,
    String primaryKey,
    IdentityMapping identity,
    List<ForeignKey> foreignKeys,
    DataCategory category,
    String purpose,
    boolean jointlyUsed,
    Optional<XlsxLocation> xlsx) {

  /** A source that is not an Excel sheet. */
  public SourceDefinition(
      String id,
      String company,
      String title,
      SourceKind kind,
      Optional<String> path,
      Optional<JdbcLocation> jdbc,
      Optional<String> charset,
      String primaryKey,
      IdentityMapping identity,
      List<ForeignKey> foreignKeys,
      DataCategory category,
      String purpose,
      boolean jointlyUsed) {
    this(
        id,
        company,
        title,
        kind,
        path,
        jdbc,
        charset,
        primaryKey,
        identity,
        foreignKeys,
        category,
        purpose,
        jointlyUsed,
        Optional.empty());
  }

  @com.fasterxml.jackson.annotation.JsonCreator
  public SourceDefinition {
    xlsx = xlsx == null ? Optional.empty() : xlsx;
    path = path == null ? Optional.empty() : path;
    jdbc = jdbc == null ? Optional.empty() : jdbc;
    charset = charset == null ? Optional.empty() : charset;
    foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
  }
}
