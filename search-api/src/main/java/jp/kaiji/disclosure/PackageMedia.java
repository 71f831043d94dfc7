package jp.kaiji.disclosure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jp.kaiji.catalog.MediaReference;
import jp.kaiji.catalog.SourceCatalog;
import jp.kaiji.catalog.SourceDefinition;
import jp.kaiji.search.SubjectSearchResult;

/**
 * The files that disclosed records reference (call recordings, footage clips): each goes into the
 * package under {@code media/} with its SHA-256, or, where the catalogue says it cannot be
 * disclosed as it is (other people in the footage), a statement per record says so and why.
 */
final class PackageMedia {
  private PackageMedia() {}

  /**
   * What the package says about one record's file.
   *
   * @param recordId the record ({@code source/key})
   * @param referenced the file as the record names it
   * @param packaged the file's name in the package, when included
   * @param sha256 its SHA-256, when included
   * @param bytes its size, when included
   * @param statement what the requester reads about it, in Japanese
   */
  record Entry(
      String recordId,
      String referenced,
      Optional<String> packaged,
      Optional<String> sha256,
      long bytes,
      String statement) {}

  /** Statement for a file that is not disclosed as it is; the reason follows. */
  static final String DESCRIBED = "このファイルはそのままの形では開示いたしません。理由：";

  /**
   * The media of every disclosed record, in package order; included files are added to {@code
   * files}.
   */
  static Map<String, Entry> collect(
      Iterable<PackageContents.SourceDisclosure> sources,
      SourceCatalog catalog,
      Map<String, byte[]> files) {
    Map<String, Entry> out = new LinkedHashMap<>();
    for (PackageContents.SourceDisclosure s : sources) {
      Optional<MediaReference> ref =
          catalog.sources().stream()
              .filter(d -> d.id().equals(s.source().source()))
              .findFirst()
              .flatMap(SourceDefinition::media);
      for (PackageContents.Disclosed d : s.records()) {
        Optional<SubjectSearchResult.Media> m = d.hit().media();
        if (m.isEmpty()) {
          continue;
        }
        out.put(d.hit().id(), entry(s.source().source(), d.hit().id(), m.get(), ref, files));
      }
    }
    return out;
  }

  private static Entry entry(
      String sourceId,
      String recordId,
      SubjectSearchResult.Media m,
      Optional<MediaReference> ref,
      Map<String, byte[]> files) {
    if (!m.included()) {
      return new Entry(
          recordId,
          m.file(),
          Optional.empty(),
          Optional.empty(),
          0,
          DESCRIBED + m.reason().orElse("第三者の情報を含むため") + "。記録の日時・場所などの内容は上の表のとおりです。");
    }
    Optional<Path> file = ref.flatMap(r -> resolve(r, m.file()));
    if (file.isEmpty() || !Files.isRegularFile(file.get())) {
      return new Entry(
          recordId,
          m.file(),
          Optional.empty(),
          Optional.empty(),
          0,
          "記録が参照するファイルは、保有元のシステムに見当たりませんでした（削除または上書き済み）。");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file.get());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(
          new IOException("cannot read the media file of " + recordId, e));
    }
    String name =
        "media/"
            + sourceId.replaceAll("[^A-Za-z0-9._-]", "_")
            + "/"
            + file.get().getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
    files.put(name, bytes);
    String sha = PackageContents.sha256(bytes);
    return new Entry(
        recordId,
        m.file(),
        Optional.of(name),
        Optional.of(sha),
        bytes.length,
        "同封ファイル " + name + "（SHA-256: " + sha + "）");
  }

  /** The file under the source's media folder; empty for a name that leaves it. */
  static Optional<Path> resolve(MediaReference ref, String file) {
    Path base = Path.of(ref.baseDir()).toAbsolutePath().normalize();
    Path p = base.resolve(file).normalize();
    return p.startsWith(base) && !p.equals(base) ? Optional.of(p) : Optional.empty();
  }
}
