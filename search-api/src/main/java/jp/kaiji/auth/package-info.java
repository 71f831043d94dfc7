/**
 * Bearer tokens and roles ({@link jp.kaiji.auth.TokenRegistry}, {@link jp.kaiji.auth.Role}): tokens
 * are configured only as SHA-256 hashes, each with one role; a {@link jp.kaiji.auth.Principal} is
 * who is calling.
 */
package jp.kaiji.auth;
