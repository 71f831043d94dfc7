package jp.kaiji.match.lucene;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.Lucene90StoredFieldsFormat;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene's default codec with smaller stored-field blocks. A search reads about a hundred
 * candidates scattered over the index, and reading one stored document decompresses its block up to
 * it: the default BEST_SPEED blocks (80 KB, up to 1,024 documents) cost about 40 KB of LZ4 per
 * candidate, these (16 KB, up to 128 documents) about a fifth of that, for a slightly larger index.
 * Same LZ4 as BEST_SPEED. Found by name ({@code META-INF/services}) when an index is read.
 */
public final class KaijiCodec extends FilterCodec {
  /** The name written into every segment. */
  public static final String NAME = "Kaiji104";

  private final StoredFieldsFormat storedFields =
      new Lucene90CompressingStoredFieldsFormat(
          "KaijiStoredFieldsFast16k",
          Lucene90StoredFieldsFormat.BEST_SPEED_MODE,
          16 * 1024,
          128,
          10);

  public KaijiCodec() {
    super(NAME, new Lucene104Codec());
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }
}
