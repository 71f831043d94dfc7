/**
 * Disclosure requests (開示等請求) and their packages. {@link jp.kaiji.disclosure.DisclosureService}
 * registers a request, searches with its identifiers, records decisions and redactions, closes the
 * review and exports the package ({@link jp.kaiji.disclosure.PackageContents}, {@link
 * jp.kaiji.disclosure.PackageArchive}); {@link jp.kaiji.disclosure.CaseStore} keeps requests in the
 * embedded database.
 *
 * <p>Invariants: a package is byte-identical when exported twice; a rejected record needs a reason;
 * a request's frozen search result is what its package discloses.
 */
package jp.kaiji.disclosure;
