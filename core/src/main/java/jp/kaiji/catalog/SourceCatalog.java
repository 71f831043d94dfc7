package jp.kaiji.catalog;

import java.util.List;

/**
 * The admin-edited description of every company and source that a subject search covers. Loaded
 * from a JSON file; see {@link SourceCatalogs} for loading and validation.
 */
public record SourceCatalog(
    List<Company> companies,
    JointUse jointUse,
    List<SourceDefinition> sources,
    @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        List<DataCategory.Declaration> categories) {

  /** A catalogue with only the privacy policy's categories. */
  public SourceCatalog(List<Company> companies, JointUse jointUse, List<SourceDefinition> sources) {
    this(companies, jointUse, sources, List.of());
  }

  @com.fasterxml.jackson.annotation.JsonCreator
  public SourceCatalog {
    companies = companies == null ? List.of() : List.copyOf(companies);
    sources = sources == null ? List.of() : List.copyOf(sources);
    categories = categories == null ? List.of() : List.copyOf(categories);
  }

  /**
   * Every category a source may name: the policy's, then the catalogue's own (one of the same id
   * replaces the policy's).
   */
  public java.util.Map<String, DataCategory> knownCategories() {
    java.util.Map<String, DataCategory> out = new java.util.LinkedHashMap<>();
    DataCategory.POLICY.forEach(c -> out.put(c.id(), c));
    categories.forEach(d -> out.put(d.id(), d.category()));
    return out;
  }
}
