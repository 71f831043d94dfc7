/**
 * Builds index generations from the catalogued sources. Entry classes: {@link
 * jp.kaiji.indexer.RebuildJob} (read every source, normalize, write a new generation, verify the
 * counts, publish) and {@link jp.kaiji.indexer.SourceSync} (one source anew into the serving
 * generation); {@link jp.kaiji.indexer.IndexAdmin} runs rebuilds for the server while search keeps
 * serving.
 *
 * <p>Invariants: a row that cannot be indexed is quarantined and counted ({@link
 * jp.kaiji.indexer.QuarantineLog}, codes and positions, never values), never silently dropped; a
 * failed rebuild leaves the previous generation serving.
 */
package jp.kaiji.indexer;
