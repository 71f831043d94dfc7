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
 * @param locators what a holding without identity columns is found by (footage, call and web logs)
 * @param retentionDays how long the source keeps a record (footage is overwritten within weeks):
 *     older records are reported as no longer held
 * @param media the column naming a file that belongs to the record (a recording, a clip)
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
    Optional<XlsxLocation> xlsx,
    @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        Optional<LocatorMapping> locators,
    @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        Optional<Integer> retentionDays,
    @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        Optional<MediaReference> media) {

  /** A source without locators, retention or media. */
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
      boolean jointlyUsed,
      Optional<XlsxLocation> xlsx) {
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
        xlsx,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

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
    locators = locators == null ? Optional.empty() : locators;
    retentionDays = retentionDays == null ? Optional.empty() : retentionDays;
    media = media == null ? Optional.empty() : media;
  }

  /** This source with its locators, retention and media reference. */
  public SourceDefinition withHoldings(
      Optional<LocatorMapping> locators,
      Optional<Integer> retentionDays,
      Optional<MediaReference> media) {
    return new SourceDefinition(
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
        xlsx,
        locators,
        retentionDays,
        media);
  }
}
