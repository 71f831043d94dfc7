package jp.kaiji.testing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The one architecture rule every module's tests check: no package cycle among Kaiji's packages,
 * main and test classes together, over everything on the module's test classpath. Maven's module
 * graph already forbids cycles between modules; this forbids them between packages.
 */
public final class PackageCycles {
  private PackageCycles() {}

  /**
   * Fails naming the cycle when the packages under {@code jp.kaiji} depend on each other in a ring.
   */
  public static void assertNone() {
    JavaClasses classes = new ClassFileImporter().importPackages("jp.kaiji");
    slices().matching("jp.kaiji.(**)").should().beFreeOfCycles().check(classes);
  }
}
