/**
 * {@link jp.kaiji.query.SubjectQuery}: the identifiers a requester gave, as written (name, reading,
 * former names, birth date, addresses, phones, e-mails), before any normalization.
 */
package jp.kaiji.query;
