package jp.kaiji.schema;

import static jp.kaiji.schema.IndexSchema.Attribute;

import java.util.List;
import jp.kaiji.catalog.IdentityMapping;
import jp.kaiji.normalize.IssuedIds;
import jp.kaiji.normalize.Sexes;

/**
 * The roles beside name, birth date, address, phone and e-mail: the sex and the numbers the group
 * issued are keys; work context (workplace, work phone, work e-mail) is kept for the reviewer and
 * is never a key, since colleagues share it.
 */
final class RoleKeys {
  private RoleKeys() {}

  static void add(IdentityMapping m, RecordNormalizer.Collector c) {
    m.sex()
        .ifPresent(
            col ->
                c.value(col)
                    .ifPresent(
                        v -> {
                          c.present(Attribute.SEX);
                          c.run(Attribute.SEX, col, () -> Sexes.normalize(v))
                              .ifPresent(k -> c.key(IndexSchema.SEX, k));
                        }));
    for (IdentityMapping.IssuedIdColumn id : m.issuedIds()) {
      c.value(id.column())
          .ifPresent(
              v -> {
                c.present(Attribute.ISSUED_ID);
                c.run(Attribute.ISSUED_ID, id.column(), () -> IssuedIds.normalize(id.scheme(), v))
                    .ifPresent(k -> c.key(IndexSchema.ISSUED_ID, k));
              });
    }
    context(c, "workplace", m.workplace());
    context(c, "work phone", m.workPhones());
    context(c, "work e-mail", m.workEmails());
  }

  private static void context(RecordNormalizer.Collector c, String label, List<String> columns) {
    for (String col : columns) {
      c.value(col).ifPresent(v -> c.key(IndexSchema.WORK_CONTEXT, label + ": " + v.strip()));
    }
  }
}
