package jp.kaiji.catalog;

import java.util.List;

/**
 * The admin-edited description of every company and source that a subject search covers. Loaded
 * from a JSON file; see {@link SourceCatalogs} for loading and validation.
 */
public record SourceCatalog(
    List<Company> companies, JointUse jointUse, List<SourceDefinition> sources) {
  public SourceCatalog {
    companies = companies == null ? List.of() : List.copyOf(companies);
    sources = sources == null ? List.of() : List.copyOf(sources);
  }
}
