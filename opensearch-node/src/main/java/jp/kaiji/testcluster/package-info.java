/** Test-only launcher of one OpenSearch node (a forked JVM of the opensearch-it cluster). */
package jp.kaiji.testcluster;
