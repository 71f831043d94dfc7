package jp.kaiji.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import jp.kaiji.audit.AuditLog;
import jp.kaiji.auth.Role;
import jp.kaiji.disclosure.CaseDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server on a real, size-limited file system (a 6 MiB tmpfs, mounted for the test; root only)
 * that is then filled up: writes answer 507 with their own code, nothing acknowledged is lost, the
 * audit log never keeps a partial line, the server restarts on the full disk, and the same process
 * stores again as soon as space returns.
 */
class DiskFullIT {
  @TempDir Path dir;
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aFullDiskAnswers507LosesNothingAndRecovers() throws Exception {
    Path mount = dir.resolve("small");
    Files.createDirectories(mount);
    boolean mounted = run("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", mount.toString());
    assumeThat(mounted).as("needs root to mount a 6 MiB tmpfs").isTrue();
    try {
      exercise(mount);
    } finally {
      run("umount", "-l", mount.toString());
    }
  }

  void exercise(Path mount) throws Exception {
    TestWorld world = new TestWorld(mount.resolve("world"));
    Map<String, Integer> statuses = new TreeMap<>();
    List<String> acknowledged = new ArrayList<>();
    Path filler = mount.resolve("filler");
    try {
      for (int i = 0; i < 5; i++) {
        create(world, "DF-" + i, statuses, acknowledged);
      }
      long filled = fill(filler);
      // Writes until the disk refuses: a few may still fit in blocks already allocated.
      int refused = 0;
      for (int i = 5; i < 80 && refused < 5; i++) {
        if (create(world, "DF-" + i, statuses, acknowledged) == 507) {
          refused++;
        }
      }
      HttpResponse<String> search =
          world.post("/api/subject-search", Role.STAFF, HttpFuzzIT.SEARCH);
      statuses.merge("search " + search.statusCode(), 1, Integer::sum);
      System.out.println(
          "DiskFullIT: filled "
              + filled
              + " bytes; answers while full "
              + statuses
              + "; acknowledged "
              + acknowledged.size());
      assertThat(refused).as("writes refused on the full disk").isEqualTo(5);
      assertThat(search.statusCode()).isIn(200, 507);
      Path audit = world.config.dataDir().resolve("audit.log");
      assertNoPartialLine(audit);

      // Restart on the full disk.
      world.app.close();
      try (KaijiApplication again = new KaijiApplication(world.config, Clock.systemUTC())) {
        assertThat(again.disclosure()).isNotNull();
      }
    } finally {
      Files.deleteIfExists(filler);
    }
    // Space is back: a restarted server stores again and has every acknowledged request.
    try (KaijiApplication app = new KaijiApplication(world.config, Clock.systemUTC()).start()) {
      TestWorld.ServerAt at = new TestWorld.ServerAt(app.port());
      for (String ref : acknowledged) {
        assertThat(at.get("/api/requests/" + ref, Role.STAFF).statusCode()).as(ref).isEqualTo(200);
      }
      assertThat(at.post("/api/requests", Role.STAFF, HttpFuzzIT.form("DF-AFTER")).statusCode())
          .isEqualTo(201);
    }
    Path data = world.config.dataDir();
    AuditLog.Verification v = AuditLog.verify(data.resolve("audit.log"), anchor(data));
    assertThat(v.intact()).as(v.problem().orElse("")).isTrue();
    assertNoPartialLine(data.resolve("audit.log"));
  }

  @Test
  void theSameProcessStoresAgainOnceSpaceReturns() throws Exception {
    Path mount = dir.resolve("small2");
    Files.createDirectories(mount);
    boolean mounted = run("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", mount.toString());
    assumeThat(mounted).as("needs root to mount a 6 MiB tmpfs").isTrue();
    try (TestWorld world = new TestWorld(mount.resolve("world"))) {
      Path filler = mount.resolve("filler");
      fill(filler);
      int refused = 0;
      for (int i = 0; i < 80 && refused < 3; i++) {
        if (world.post("/api/requests", Role.STAFF, HttpFuzzIT.form("DS-" + i)).statusCode()
            == 507) {
          refused++;
        }
      }
      assertThat(refused).isEqualTo(3);
      HttpResponse<String> full =
          world.post("/api/requests", Role.STAFF, HttpFuzzIT.form("DS-FULL"));
      assertThat(full.statusCode()).isEqualTo(507);
      assertThat(JSON.readTree(full.body()).path("error").path("code").asText())
          .isEqualTo("KJ-507-01");
      Files.delete(filler);
      assertThat(world.post("/api/requests", Role.STAFF, HttpFuzzIT.form("DS-FULL")).statusCode())
          .isEqualTo(201);
      assertThat(world.post("/api/subject-search", Role.STAFF, HttpFuzzIT.SEARCH).statusCode())
          .isEqualTo(200);
      assertNoPartialLine(world.config.dataDir().resolve("audit.log"));
    } finally {
      run("umount", "-l", mount.toString());
    }
  }

  static int create(
      TestWorld world, String ref, Map<String, Integer> statuses, List<String> acknowledged)
      throws Exception {
    HttpResponse<String> r = world.post("/api/requests", Role.STAFF, HttpFuzzIT.form(ref));
    statuses.merge("create " + r.statusCode(), 1, Integer::sum);
    if (r.statusCode() == 201) {
      acknowledged.add(ref);
    } else {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(507);
      JsonNode e = JSON.readTree(r.body()).path("error");
      assertThat(e.path("code").asText()).isEqualTo("KJ-507-01");
    }
    return r.statusCode();
  }

  /** Fills the file system with {@code file}; returns the bytes written. */
  static long fill(Path file) throws IOException {
    long n = 0;
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int chunk : new int[] {1 << 16, 4096, 1}) {
        byte[] b = new byte[chunk];
        try {
          while (true) {
            out.write(b);
            out.flush();
            n += chunk;
          }
        } catch (IOException e) {
          // full at this granularity
        }
      }
    } catch (IOException e) {
      // closing a full file may fail too
    }
    return n;
  }

  static void assertNoPartialLine(Path audit) throws IOException {
    byte[] bytes = Files.readAllBytes(audit);
    assertThat(bytes.length).isPositive();
    assertThat(bytes[bytes.length - 1])
        .as("audit log ends with a whole line")
        .isEqualTo((byte) '\n');
    assertThat(AuditLog.verify(audit).intact()).isTrue();
  }

  static Optional<AuditLog.Head> anchor(Path data) throws Exception {
    try (Connection db = DriverManager.getConnection(CaseDatabases.sqliteUrl(data));
        Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("SELECT seq, hash FROM audit_anchor WHERE id = 1")) {
      return rs.next()
          ? Optional.of(new AuditLog.Head(rs.getLong(1), rs.getString(2)))
          : Optional.empty();
    }
  }

  static boolean run(String... command) throws Exception {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
