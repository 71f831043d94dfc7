/**
 * Routes of disclosure requests ({@link jp.kaiji.http.disclosure.DisclosureHandlers}): register,
 * list, search, decide, redact, close the review, export, download; {@link
 * jp.kaiji.http.disclosure.CaseViews} shapes their answers.
 */
package jp.kaiji.http.disclosure;
