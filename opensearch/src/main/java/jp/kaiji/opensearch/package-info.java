/**
 * The record index on an OpenSearch cluster, over HTTP with the official {@code opensearch-java}
 * client: {@link jp.kaiji.opensearch.OpenSearchSubjectIndex} serves it to the matcher, {@link
 * jp.kaiji.opensearch.OpenSearchGenerations} builds generations as indices behind one alias and
 * {@link jp.kaiji.opensearch.BulkWriter} writes documents. The mapping comes from {@link
 * jp.kaiji.schema.IndexSchema}, the documents from the embedded index's {@code RecordDocuments}.
 */
package jp.kaiji.opensearch;
