package jp.kaiji.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import jp.kaiji.auth.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retention period: a request's stored search result and exported package are deleted once it
 * has been exported longer than {@code retentionDays}, at the next start (or on demand); the
 * request itself, its history and the audit log stay. Real server, real files, restarted with a
 * clock 31 days later.
 */
class RetentionIT {
  @TempDir Path dir;
  static final ObjectMapper json = new ObjectMapper();

  @Test
  void aResultAndItsPackageGoAfterTheRetentionPeriodTheRequestStays() throws Exception {
    ServerConfig config;
    Path packageFile;
    try (TestWorld world = new TestWorld(dir, "", Map.of(), c -> c.withRetentionDays(30))) {
      OrdersIT.readyRequest(world, "RET-1", "[\"disclosure\"]");
      OrdersIT.readyRequest(world, "RET-2", "[\"disclosure\"]");
      JsonNode run = DisclosureIT.ok(world.post("/api/exports", Role.EXPORTER, ""), 200);
      packageFile =
          KaijiApplication.packagesDir(world.config)
              .resolve(run.path("exported").get(0).path("file").asText());
      assertThat(packageFile).exists();
      // Exported today: nothing is due for deletion yet.
      JsonNode now = DisclosureIT.ok(world.post("/api/admin/retention", Role.ADMIN, ""), 200);
      assertThat(now.path("requestsPurged")).isEmpty();
      // A request still in review is never purged by retention.
      DisclosureIT.ok(
          world.post("/api/requests", Role.STAFF, OrdersIT.form("RET-3", "[\"disclosure\"]")), 201);
      DisclosureIT.ok(world.post("/api/requests/RET-3/search", Role.STAFF, ""), 200);
      config = world.config;
    }
    String auditBefore = Files.readString(dir.resolve("data/audit.log"));

    // 31 days later the server starts again and applies the retention period.
    try (KaijiApplication later =
        new KaijiApplication(config, Clock.offset(Clock.systemUTC(), Duration.ofDays(31)))
            .start()) {
      TestWorld.ServerAt at = new TestWorld.ServerAt(later.port());
      for (String ref : new String[] {"RET-1", "RET-2"}) {
        JsonNode c = json.readTree(at.get("/api/requests/" + ref, Role.STAFF).body());
        assertThat(c.path("status").asText()).isEqualTo("exported");
        assertThat(c.path("history")).hasSize(4);
        assertThat(c.path("result").isMissingNode() || c.path("result").isNull()).as(ref).isTrue();
      }
      JsonNode inReview = json.readTree(at.get("/api/requests/RET-3", Role.STAFF).body());
      assertThat(inReview.path("result").path("companies")).isNotEmpty();
      assertThat(packageFile).doesNotExist();
      // In the database itself only the request in review keeps a stored result.
      try (var db =
              java.sql.DriverManager.getConnection(
                  jp.kaiji.disclosure.CaseDatabases.sqliteUrl(dir.resolve("data")));
          var rs = db.createStatement().executeQuery("SELECT reference FROM search_snapshot")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("RET-3");
        assertThat(rs.next()).isFalse();
      }
      try (var files = Files.list(packageFile.getParent())) {
        assertThat(files.toList()).isEmpty();
      }
      // The download now says the package is gone; the audit log kept every earlier line.
      assertThat(at.get("/api/requests/RET-1/package", Role.STAFF).statusCode()).isEqualTo(409);
      String audit = Files.readString(dir.resolve("data/audit.log"));
      assertThat(audit).startsWith(auditBefore).contains("copies.purge.retention");
    }
  }
}
