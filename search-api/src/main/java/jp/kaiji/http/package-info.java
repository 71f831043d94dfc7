/**
 * The JSON API over Undertow: small handlers per route ({@link jp.kaiji.http.SubjectSearchHandler},
 * {@link jp.kaiji.http.RecordHandler}, {@link jp.kaiji.http.HealthHandler}), authentication ({@link
 * jp.kaiji.http.Authenticate}), security headers, and errors from one catalogue ({@link
 * jp.kaiji.http.ErrorCode}) rendered by {@link jp.kaiji.http.ErrorHandler}. The document is {@code
 * openapi.json} beside these classes.
 *
 * <p>Invariants: no stack trace reaches a client; blocking work runs off the IO threads; every
 * answer is {@code no-store}.
 */
package jp.kaiji.http;
