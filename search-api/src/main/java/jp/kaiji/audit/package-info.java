/**
 * The audit trail ({@link jp.kaiji.audit.AuditLog}): one hash-chained line per search, record view
 * and decision, appended and made durable before the action is answered. Identifiers appear only as
 * HMAC-SHA256 under the server's secret ({@link jp.kaiji.audit.IdentifierHasher}), never in clear.
 */
package jp.kaiji.audit;
