/**
 * The embedded Lucene index: its document layout, its generations on disk and the {@link
 * jp.kaiji.match.SubjectIndex} over them. {@link jp.kaiji.match.lucene.RecordDocuments} writes one
 * document per source record and {@link jp.kaiji.match.lucene.StoredRecords} reads it back: the
 * writer and the reader of one layout live side by side. {@link
 * jp.kaiji.match.lucene.IndexGenerations} owns {@code <dataDir>/index}: numbered generation
 * directories, the {@code CURRENT} pointer, rollback and pruning. {@link
 * jp.kaiji.match.lucene.LuceneSubjectIndex} serves the current generation through a {@code
 * SearcherManager}.
 *
 * <p>Invariants: a generation is visible only once complete ({@code report.json} written last) and
 * switched to atomically; a snapshot keeps reading its own generation until closed.
 */
package jp.kaiji.match.lucene;
