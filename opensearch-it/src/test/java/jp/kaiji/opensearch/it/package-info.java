/** Tests of the OpenSearch backend against a real 3-node cluster of forked node JVMs. */
package jp.kaiji.opensearch.it;
