/**
 * Connectors that read one catalogued source row by row: CSV ({@link
 * jp.kaiji.indexer.source.CsvSourceReader}), JSON Lines ({@link
 * jp.kaiji.indexer.source.JsonLinesSourceReader}), JDBC ({@link
 * jp.kaiji.indexer.source.JdbcSourceReader}) and Excel sheets ({@link
 * jp.kaiji.indexer.source.XlsxSourceReader}), chosen by {@link
 * jp.kaiji.indexer.source.SourceReaders}. Memory does not grow with a source's size: files and
 * sheets are streamed, result sets fetched in bounded batches.
 *
 * <p>Invariants: every row comes out as a {@link jp.kaiji.indexer.source.SourceItem}, either a
 * record with its position or an unreadable row with its position and reason; a source that cannot
 * be opened at all is a {@link jp.kaiji.indexer.source.SourceUnavailableException}.
 */
package jp.kaiji.indexer.source;
