/**
 * Identity normalizers: what a clerk or a requester wrote becomes comparable keys. Entry classes:
 * {@link jp.kaiji.normalize.Names}, {@link jp.kaiji.normalize.Readings}, {@link
 * jp.kaiji.normalize.Addresses}, {@link jp.kaiji.normalize.BirthDates}, {@link
 * jp.kaiji.normalize.Phones}, {@link jp.kaiji.normalize.Emails}.
 *
 * <p>Invariants: every normalizer returns {@link jp.kaiji.normalize.Normalized} (a value, or a
 * failure with a stable code and a reason that never quotes the input) and never throws on any
 * string; a key is a fixed point (normalizing a key gives the same key); the shipped tables
 * (postcodes, kanji variants) are read once from the classpath.
 */
package jp.kaiji.normalize;
