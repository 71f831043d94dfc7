package jp.kaiji.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL server for tests: {@code initdb} into a temporary folder, {@code pg_ctl
 * start} on a free loopback port with its socket in that folder, {@code pg_ctl stop} and the folder
 * deleted on {@link #close}. Uses Debian's {@code postgresql} package ({@code
 * /usr/lib/postgresql/N/bin}, or {@code initdb} and {@code pg_ctl} on the PATH); {@code .ci/run}
 * installs it. Where neither is found the calling test is skipped (a JUnit assumption) with a
 * message saying so. initdb refuses to run as root, so as root the server runs as the {@code
 * postgres} user (or {@code nobody}) through {@code runuser}.
 *
 * <p>The superuser is {@code kaiji}, trusted without a password on loopback: {@link #jdbcUrl} needs
 * no credentials.
 */
public final class PostgresServer implements AutoCloseable {
  private final Path bin;
  private final Path dir;
  private final int port;
  private final Optional<String> runAs;

  private PostgresServer(Path bin, Path dir, int port, Optional<String> runAs) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.runAs = runAs;
  }

  /** Starts a server, or skips the test where PostgreSQL is not installed. */
  public static PostgresServer start() throws IOException, InterruptedException {
    Optional<Path> bin = binaries();
    Assumptions.assumeTrue(
        bin.isPresent(),
        "PostgreSQL is not installed here (no initdb and pg_ctl under /usr/lib/postgresql/*/bin"
            + " or on the PATH): apt-get install postgresql, as .ci/run does");
    Optional<String> runAs = isRoot() ? Optional.of(unprivilegedUser()) : Optional.empty();
    Path dir = Files.createTempDirectory("kaiji-pg");
    if (runAs.isPresent()) {
      UserPrincipal owner =
          dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(runAs.get());
      Files.setOwner(dir, owner);
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PostgresServer pg = new PostgresServer(bin.get(), dir, port, runAs);
    try {
      pg.run(
          "initdb",
          "-D",
          dir.resolve("data").toString(),
          "-U",
          "kaiji",
          "-A",
          "trust",
          "-E",
          "UTF8",
          "--no-locale");
      pg.run(
          "pg_ctl",
          "-D",
          dir.resolve("data").toString(),
          "-l",
          dir.resolve("server.log").toString(),
          "-w",
          "-o",
          "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
          "start");
    } catch (IOException | RuntimeException e) {
      pg.close();
      throw e;
    }
    return pg;
  }

  /** The URL of the {@code postgres} database, user {@code kaiji}. */
  public String jdbcUrl() {
    return jdbcUrl("postgres");
  }

  /** The URL of a database of this server (made with {@code CREATE DATABASE}), user kaiji. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=kaiji";
  }

  private void run(String tool, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    if (runAs.isPresent()) {
      cmd.addAll(List.of("runuser", "-u", runAs.get(), "--"));
    }
    cmd.add(bin.resolve(tool).toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).directory(dir.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException(tool + " did not finish in 2 minutes");
    }
    if (p.exitValue() != 0) {
      throw new IOException(tool + " failed (exit " + p.exitValue() + "): " + out.strip());
    }
  }

  private static Optional<Path> binaries() {
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        Optional<Path> newest =
            versions
                .map(v -> v.resolve("bin"))
                .filter(b -> Files.isExecutable(b.resolve("initdb")))
                .max(Comparator.comparing(b -> versionOf(b.getParent())));
        if (newest.isPresent()) {
          return newest;
        }
      } catch (IOException e) {
        // Fall through to the PATH.
      }
    }
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String d : path.split(java.io.File.pathSeparator)) {
      if (d.isEmpty()) {
        continue;
      }
      Path initdb = Path.of(d, "initdb");
      if (Files.isExecutable(initdb) && Files.isExecutable(Path.of(d, "pg_ctl"))) {
        try {
          return Optional.of(initdb.toRealPath().getParent());
        } catch (IOException e) {
          return Optional.of(Path.of(d));
        }
      }
    }
    return Optional.empty();
  }

  private static int versionOf(Path p) {
    try {
      return Integer.parseInt(p.getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static boolean isRoot() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    p.waitFor();
    return out.equals("0");
  }

  private static String unprivilegedUser() throws IOException {
    for (String line : Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8)) {
      if (line.startsWith("postgres:")) {
        return "postgres";
      }
    }
    return "nobody";
  }

  /** Stops the server (fast shutdown) and deletes its folder. */
  @Override
  public void close() throws IOException, InterruptedException {
    try {
      if (Files.exists(dir.resolve("data/postmaster.pid"))) {
        run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }
}
