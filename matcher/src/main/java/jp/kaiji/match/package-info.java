/**
 * The matcher: from a request's {@link jp.kaiji.schema.IdentityKeys} to every record of that
 * person, each with a tier, a score and an explanation. Entry class: {@link
 * jp.kaiji.match.SubjectMatcher#match}, over one {@link jp.kaiji.match.SubjectIndex.Snapshot}.
 *
 * <p>Steps: candidates by every exact and fuzzy key; {@link jp.kaiji.match.RecordComparator}
 * compares attribute by attribute into {@link jp.kaiji.match.Level}s weighted Fellegi–Sunter style
 * by {@link jp.kaiji.match.Weighing} under a {@link jp.kaiji.match.MatchPolicy}; tiers; one bounded
 * expansion round; foreign keys followed.
 *
 * <p>Invariants: {@link jp.kaiji.match.MatchTier#CONFIRMED} needs two independent lines of evidence
 * and nothing contradicting; what a household shares (family name, address, landline) is one line;
 * the matcher talks to its index only through {@link jp.kaiji.match.SubjectIndex}, so a second
 * backend changes nothing here.
 */
package jp.kaiji.match;
