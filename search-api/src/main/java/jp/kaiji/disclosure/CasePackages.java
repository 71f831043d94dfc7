package jp.kaiji.disclosure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import jp.kaiji.audit.StorageFull;
import jp.kaiji.auth.Principal;
import jp.kaiji.catalog.SourceCatalog;

/**
 * A case's package for {@link DisclosureService}: rendered from the stored case, exported once into
 * the package directory, and downloaded by one rule for the API and the console. Every export and
 * download is audited with the archive's SHA-256.
 */
final class CasePackages {
  private final DisclosureService cases;
  private final CaseStore store;
  private final Supplier<SourceCatalog> catalog;

  CasePackages(DisclosureService cases, CaseStore store, Supplier<SourceCatalog> catalog) {
    this.cases = cases;
    this.store = store;
    this.catalog = catalog;
  }

  /** The package's archive bytes, rebuilt from the stored request (ready or exported). */
  byte[] render(String reference) throws DisclosureException {
    DisclosureCase c = cases.get(reference);
    DisclosureService.requireStatus(c, "have a package", CaseStatus.READY, CaseStatus.EXPORTED);
    if (c.result().isEmpty()) {
      throw new DisclosureException(
          DisclosureException.Kind.PACKAGE_MISSING,
          "the stored result of request " + reference + " was deleted (erasure or retention)");
    }
    return PackageArchive.zip(PackageContents.build(c, catalog.get()), c.readyAt().orElseThrow());
  }

  /**
   * Exports every ready request into {@code dir} as {@code <reference>.zip} and marks it exported.
   * Idempotent: exported requests are not written again, so a second run exports nothing. A request
   * that fails is reported and stays ready; the others still go out.
   */
  DisclosureService.ExportRun exportReady(Principal who, Path dir) {
    List<DisclosureService.Exported> done = new ArrayList<>();
    List<DisclosureService.Failed> failed = new ArrayList<>();
    for (String reference :
        DisclosureService.db(() -> store.references(Optional.of(CaseStatus.READY)))) {
      Path target = dir.resolve(reference + ".zip");
      try {
        byte[] zip = render(reference);
        PackageArchive.writeAtomically(target, zip);
        DisclosureCase c = cases.get(reference);
        String generation = c.result().orElseThrow().generation();
        String sha = PackageContents.sha256(zip);
        int disclosedCount = (int) c.result().orElseThrow().hits().filter(c::disclosed).count();
        PackageExport export =
            new PackageExport(
                target.toAbsolutePath().toString(),
                sha,
                zip.length,
                generation,
                cases.now(),
                who.name());
        boolean recorded =
            DisclosureService.db(
                () ->
                    store.recordExport(
                        reference,
                        export,
                        List.of(
                            DisclosureService.event(
                                who,
                                "package.export",
                                reference,
                                Optional.of(target.getFileName() + " sha256:" + sha),
                                disclosedCount))));
        if (!recorded) {
          continue; // exported meanwhile by another run: that run recorded and audited it
        }
        done.add(
            new DisclosureService.Exported(
                reference, target.getFileName().toString(), sha, zip.length, generation));
      } catch (IOException | DisclosureException | RuntimeException e) {
        if (StorageFull.causedBy(e)) {
          // A full disk fails every package alike: the caller gets "insufficient storage".
          throw new java.io.UncheckedIOException(
              new IOException("no space left for the package of " + reference, e));
        }
        cases.audit(
            who, "package.export_failed", reference, Optional.of(e.getClass().getSimpleName()), 0);
        // Messages of unexpected exceptions may quote data; the class name suffices to look
        // further.
        String reason =
            switch (e) {
              case IOException io ->
                  "cannot write "
                      + target.getFileName()
                      + " in the package directory: "
                      + io.getClass().getSimpleName();
              case DisclosureException d -> d.getMessage();
              default -> "internal error: " + e.getClass().getSimpleName();
            };
        failed.add(new DisclosureService.Failed(reference, reason));
      }
    }
    return new DisclosureService.ExportRun(done, failed);
  }

  /**
   * The package's bytes for download, one rule for the API and the console: once exported, the
   * archive written by the export (checked against its recorded SHA-256); while ready, the same
   * bytes rendered from the stored request, which the export will write unchanged (the package's
   * time is when the request was marked ready). Either way the download is audited with the
   * archive's SHA-256, so what left the building can be matched to what was exported.
   *
   * @param action the audit action, {@code package.download} or {@code package.preview}
   */
  byte[] bytes(Principal who, String reference, String action)
      throws DisclosureException, IOException {
    DisclosureCase c = cases.get(reference);
    DisclosureService.requireStatus(
        c, "have a package to download", CaseStatus.READY, CaseStatus.EXPORTED);
    byte[] zip;
    String target;
    if (c.status() == CaseStatus.EXPORTED) {
      Path file = exportedFile(c);
      zip = Files.readAllBytes(file);
      target = file.getFileName().toString();
    } else {
      zip = render(reference);
      target = reference + ".zip (ready, not yet exported)";
    }
    cases.audit(
        who, action, reference, Optional.of(target + " sha256:" + PackageContents.sha256(zip)), 1);
    return zip;
  }

  private Path exportedFile(DisclosureCase c) throws DisclosureException, IOException {
    PackageExport e = c.exports().getLast();
    Path file = Path.of(e.file());
    if (!Files.isRegularFile(file)
        || !PackageContents.sha256(Files.readAllBytes(file)).equals(e.sha256())) {
      throw new DisclosureException(
          DisclosureException.Kind.PACKAGE_MISSING,
          "the exported package of "
              + c.reference()
              + " is missing or no longer matches its SHA-256 "
              + e.sha256());
    }
    return file;
  }
}
