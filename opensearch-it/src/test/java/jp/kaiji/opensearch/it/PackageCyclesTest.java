package jp.kaiji.opensearch.it;

import jp.kaiji.testing.PackageCycles;
import org.junit.jupiter.api.Test;

/** No package cycle among the packages this module sees, its tests included. */
class PackageCyclesTest {
  @Test
  void packagesFormNoCycle() {
    PackageCycles.assertNone();
  }
}
