/**
 * The source catalogue: the group's companies, their sources and how each source's columns map to
 * identity roles, categories and purposes of use. Entry class: {@link
 * jp.kaiji.catalog.SourceCatalogs#load} reading {@code catalog.json} into a {@link
 * jp.kaiji.catalog.CatalogFile}.
 *
 * <p>Invariants: a loaded catalogue is valid as a whole (unique ids, known companies, foreign keys
 * to catalogued sources); a bad catalogue is refused with a {@link
 * jp.kaiji.catalog.CatalogException} naming the source and the key; credentials are never in the
 * file, only the names of environment variables holding them.
 */
package jp.kaiji.catalog;
