/**
 * Admin routes ({@link jp.kaiji.http.admin.AdminHandlers}): rebuild, its progress, the index's
 * state, rollback. Admins never see personal data.
 */
package jp.kaiji.http.admin;
