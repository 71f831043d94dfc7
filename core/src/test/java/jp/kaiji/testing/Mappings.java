package jp.kaiji.testing;

import java.util.List;
import java.util.Optional;
import jp.kaiji.catalog.IdentityMapping;

/**
 * Identity mappings for tests, naming only the columns a test uses: {@code
 * mapping().fullName("name").phones("tel").build()} instead of a row of empty positional arguments.
 */
public final class Mappings {
  private Mappings() {}

  public static Builder mapping() {
    return new Builder();
  }

  /** Every column unmapped until set. */
  public static final class Builder {
    private Optional<String> fullName = Optional.empty();
    private Optional<String> familyName = Optional.empty();
    private Optional<String> givenName = Optional.empty();
    private Optional<String> reading = Optional.empty();
    private Optional<String> familyReading = Optional.empty();
    private Optional<String> givenReading = Optional.empty();
    private Optional<String> birthDate = Optional.empty();
    private Optional<String> postcode = Optional.empty();
    private Optional<String> address = Optional.empty();
    private Optional<String> recordDate = Optional.empty();
    private List<String> phones = List.of();
    private List<String> emails = List.of();
    private List<String> addressColumns = List.of();
    private List<String> postcodeColumns = List.of();

    private Builder() {}

    public Builder fullName(String column) {
      fullName = Optional.ofNullable(column);
      return this;
    }

    public Builder familyName(String column) {
      familyName = Optional.ofNullable(column);
      return this;
    }

    public Builder givenName(String column) {
      givenName = Optional.ofNullable(column);
      return this;
    }

    public Builder reading(String column) {
      reading = Optional.ofNullable(column);
      return this;
    }

    public Builder familyReading(String column) {
      familyReading = Optional.ofNullable(column);
      return this;
    }

    public Builder givenReading(String column) {
      givenReading = Optional.ofNullable(column);
      return this;
    }

    public Builder birthDate(String column) {
      birthDate = Optional.ofNullable(column);
      return this;
    }

    public Builder postcode(String column) {
      postcode = Optional.ofNullable(column);
      return this;
    }

    public Builder address(String column) {
      address = Optional.ofNullable(column);
      return this;
    }

    public Builder recordDate(String column) {
      recordDate = Optional.ofNullable(column);
      return this;
    }

    public Builder phones(String... columns) {
      return phones(List.of(columns));
    }

    public Builder phones(List<String> columns) {
      phones = List.copyOf(columns);
      return this;
    }

    public Builder emails(String... columns) {
      return emails(List.of(columns));
    }

    public Builder emails(List<String> columns) {
      emails = List.copyOf(columns);
      return this;
    }

    /** The address split over columns, in reading order, instead of {@link #address}. */
    public Builder addressColumns(List<String> columns) {
      addressColumns = columns == null ? List.of() : List.copyOf(columns);
      return this;
    }

    /** The postcode in one column or two, instead of {@link #postcode}. */
    public Builder postcodeColumns(List<String> columns) {
      postcodeColumns = columns == null ? List.of() : List.copyOf(columns);
      return this;
    }

    public IdentityMapping build() {
      return new IdentityMapping(
          fullName,
          familyName,
          givenName,
          reading,
          familyReading,
          givenReading,
          List.of(),
          birthDate,
          postcode,
          address,
          phones,
          emails,
          List.of(),
          List.of(),
          recordDate,
          addressColumns,
          postcodeColumns);
    }
  }
}
