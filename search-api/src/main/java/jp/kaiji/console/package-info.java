/**
 * The staff console: server-rendered HTML pages ({@link jp.kaiji.console.Console} routes them)
 * calling the same services as the API in-process with the signed-in principal, so every action is
 * authorized and audited alike. Sessions are server-side ({@link
 * jp.kaiji.console.ConsoleSessions}); every POST carries the session's CSRF token; messages in
 * Japanese and English ({@link jp.kaiji.console.Messages}).
 */
package jp.kaiji.console;
