package jp.kaiji.match.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import jp.kaiji.match.LocatorIndex;
import jp.kaiji.schema.IndexSchema;
import jp.kaiji.schema.LocatorTerm;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The Lucene queries of {@link LocatorIndex}: a locator key as a term, a time window as two point
 * ranges on the record's interval ({@code start <= to} and {@code end >= from}, so a record that
 * touches the window at either edge is found).
 */
final class LocatorQueries {
  private LocatorQueries() {}

  static List<LocatorIndex.Hit> find(IndexSearcher searcher, LocatorTerm t, int limit) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new TermQuery(new Term(t.field(), t.value())), BooleanClause.Occur.FILTER);
    if (t.timed()) {
      b.add(
          LongPoint.newRangeQuery(IndexSchema.LOC_START, Long.MIN_VALUE, t.to().getAsLong()),
          BooleanClause.Occur.FILTER);
      b.add(
          LongPoint.newRangeQuery(IndexSchema.LOC_END, t.from().getAsLong(), Long.MAX_VALUE),
          BooleanClause.Occur.FILTER);
    }
    try {
      TopDocs top = searcher.search(b.build(), Math.max(1, limit));
      var stored = searcher.storedFields();
      List<LocatorIndex.Hit> out = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc sd : top.scoreDocs) {
        Document d = stored.document(sd.doc);
        out.add(
            new LocatorIndex.Hit(
                StoredRecords.toRecord(d),
                number(d, IndexSchema.LOC_START),
                number(d, IndexSchema.LOC_END)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long heldSince(IndexSearcher searcher, String sourceId, long since) {
    Query source = new TermQuery(new Term(IndexSchema.SOURCE_ID, sourceId));
    Query timeless =
        new BooleanQuery.Builder()
            .add(source, BooleanClause.Occur.FILTER)
            .add(
                LongPoint.newRangeQuery(IndexSchema.LOC_END, Long.MIN_VALUE, Long.MAX_VALUE),
                BooleanClause.Occur.MUST_NOT)
            .build();
    Query recent =
        new BooleanQuery.Builder()
            .add(source, BooleanClause.Occur.FILTER)
            .add(
                LongPoint.newRangeQuery(IndexSchema.LOC_END, since, Long.MAX_VALUE),
                BooleanClause.Occur.FILTER)
            .build();
    try {
      return searcher.count(timeless) + searcher.count(recent);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static OptionalLong number(Document d, String field) {
    var f = d.getField(field);
    return f == null || f.numericValue() == null
        ? OptionalLong.empty()
        : OptionalLong.of(f.numericValue().longValue());
  }
}
