/**
 * The indexer's command line ({@link jp.kaiji.indexer.cli.IndexerCli}): rebuild, sync, status,
 * validate and rollback on a data directory. Exit codes say what failed; output names sources, rows
 * and codes, never record contents.
 */
package jp.kaiji.indexer.cli;
