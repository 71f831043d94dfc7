/**
 * Connectors that read one catalogued source row by row: CSV ({@link
 * jp.kaiji.indexer.source.CsvSourceReader}), JSON Lines ({@link
 * jp.kaiji.indexer.source.JsonLinesSourceReader}) and JDBC ({@link
 * jp.kaiji.indexer.source.JdbcSourceReader}), chosen by {@link
 * jp.kaiji.indexer.source.SourceReaders}.
 *
 * <p>Invariants: every row comes out as a {@link jp.kaiji.indexer.source.SourceItem}, either a
 * record with its position or an unreadable row with its position and reason; a source that cannot
 * be opened at all is a {@link jp.kaiji.indexer.source.SourceUnavailableException}.
 */
package jp.kaiji.indexer.source;
