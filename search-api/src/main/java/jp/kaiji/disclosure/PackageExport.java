package jp.kaiji.disclosure;

/**
 * One package written for a request.
 *
 * @param file the archive's path as written
 * @param sha256 of the whole archive
 * @param generation the index generation its data came from
 */
public record PackageExport(
    String file, String sha256, long bytes, String generation, String exportedAt, String actor) {}
