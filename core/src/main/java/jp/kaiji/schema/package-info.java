/**
 * The one description of what is indexed and how identifiers become keys, shared by the indexer and
 * the request side. {@link jp.kaiji.schema.IndexSchema} names every field and how it is indexed,
 * engine-neutral; {@link jp.kaiji.schema.RecordNormalizer} turns a source row's mapped columns into
 * those fields; {@link jp.kaiji.schema.RequestIdentity} turns what a requester wrote into {@link
 * jp.kaiji.schema.IdentityKeys}; {@link jp.kaiji.schema.KeyRules} holds the rules both sides apply
 * (a kana name is also a reading; an address keyed at each precision).
 *
 * <p>Invariant: a record and a request that name the same person in the same way produce equal
 * keys, because both go through the same normalizers and the same rules here.
 */
package jp.kaiji.schema;
