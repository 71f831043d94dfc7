package jp.kaiji.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * A column naming a file that belongs to the record (a call's recording, a footage clip), and
 * whether the file can go to the requester as it is.
 *
 * @param column the column holding the file's path, relative to {@code baseDir}
 * @param baseDir the folder the files are in, relative to the catalogue's folder (resolved to an
 *     absolute path when the catalogue is loaded)
 * @param disclose {@code include} (the file goes into the package with its SHA-256; the default) or
 *     {@code describe} (it cannot be disclosed as it is: the package says so and why, per record)
 * @param reason why a {@code describe} file is not disclosed as it is, e.g. other people in view
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record MediaReference(
    String column, String baseDir, Optional<String> disclose, Optional<String> reason) {

  /** The file goes into the package as it is. */
  public static final String INCLUDE = "include";

  /** The package describes the file instead of including it. */
  public static final String DESCRIBE = "describe";

  @JsonCreator
  public MediaReference {
    disclose = disclose == null ? Optional.empty() : disclose;
    reason = reason == null ? Optional.empty() : reason;
  }

  /** Whether the file itself goes into the package. */
  public boolean included() {
    return disclose.orElse(INCLUDE).equals(INCLUDE);
  }

  /** This reference with its folder replaced (resolved against the catalogue's folder). */
  public MediaReference withBaseDir(String dir) {
    return new MediaReference(column, dir, disclose, reason);
  }
}
