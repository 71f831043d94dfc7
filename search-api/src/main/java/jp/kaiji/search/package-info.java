/**
 * The subject search as staff use it ({@link jp.kaiji.search.SubjectSearchService}): normalize the
 * form, match on one index snapshot, group records company → source with category and purpose of
 * use, and audit the search before answering. Independent of HTTP: the API, the console and the
 * export call it in-process with the signed-in principal.
 */
package jp.kaiji.search;
