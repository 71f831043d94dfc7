/**
 * Disclosure requests (開示等請求) and their packages. {@link jp.kaiji.disclosure.DisclosureService}
 * registers a request, searches with its identifiers, records decisions and redactions, closes the
 * review and exports the package ({@link jp.kaiji.disclosure.PackageContents}, {@link
 * jp.kaiji.disclosure.PackageArchive}); {@link jp.kaiji.disclosure.CaseStore} keeps requests in the
 * embedded database. Beyond disclosure, {@link jp.kaiji.disclosure.WorkOrderService} decides per
 * record and action (correct, delete, stop use, stop provision), issues work orders to each
 * source's owner and verifies them by re-reading the source; {@link
 * jp.kaiji.disclosure.AnswerLetter} is the answer to the requester; {@link
 * jp.kaiji.disclosure.KeptCopies} purges Kaiji's own copies after an erasure or a retention period.
 *
 * <p>Invariants: a package is byte-identical when exported twice; a rejected record needs a reason;
 * a request's frozen search result is what its package discloses; a refused action has a legal
 * ground; an owner sees only their company's orders; an order is verified only from the source
 * re-read, never from the owner's word.
 */
package jp.kaiji.disclosure;
