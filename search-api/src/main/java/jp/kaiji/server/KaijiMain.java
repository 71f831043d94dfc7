package jp.kaiji.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import jp.kaiji.audit.AuditLog;
import jp.kaiji.auth.Role;
import jp.kaiji.auth.TokenRegistry;
import jp.kaiji.auth.TokenRegistry.TokenEntry;
import jp.kaiji.disclosure.CaseDatabases;
import jp.kaiji.indexer.RebuildJob;
import jp.kaiji.normalize.Hashes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The server's command line: {@code serve}, {@code demo}, {@code export}, {@code verify-audit},
 * {@code new-token}.
 */
@Command(
    name = "kaiji-server",
    mixinStandardHelpOptions = true,
    subcommands = {
      KaijiMain.Serve.class,
      KaijiMain.Demo.class,
      KaijiMain.Export.class,
      KaijiMain.VerifyAudit.class,
      KaijiMain.MigrateStore.class,
      KaijiMain.NewToken.class
    },
    description = "Kaiji search API.")
public final class KaijiMain {
  public static void main(String[] args) {
    System.exit(
        new CommandLine(new KaijiMain()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  @Command(name = "serve", description = "Serve the API with a configuration file.")
  static final class Serve implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "the server configuration (JSON)")
    Path config;

    @Override
    public Integer call() throws Exception {
      try (KaijiApplication app =
          new KaijiApplication(ServerConfig.load(config), Clock.systemUTC()).start()) {
        System.out.println("kaiji: serving on port " + app.port());
        new CountDownLatch(1).await();
      }
      return 0;
    }
  }

  @Command(
      name = "demo",
      description =
          "Index the bundled sample data and serve it on localhost with fresh demo tokens.")
  static final class Demo implements Callable<Integer> {
    @Option(
        names = "--catalog",
        defaultValue = "fixtures/sample/catalog.json",
        description = "catalogue (default: ${DEFAULT-VALUE})")
    Path catalog;

    @Option(
        names = "--data",
        defaultValue = "data/demo",
        description = "data directory (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(
        names = "--port",
        defaultValue = "8080",
        description = "port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 = any free)")
    int port;

    @Override
    public Integer call() throws Exception {
      Files.createDirectories(data);
      Map<Role, String> tokens = new java.util.EnumMap<>(Role.class);
      List<TokenEntry> entries = new ArrayList<>();
      // The demo's owner token is scoped to the catalogue's first company.
      String ownerCompany =
          jp.kaiji.catalog.SourceCatalogs.load(catalog.toAbsolutePath())
              .catalog()
              .companies()
              .getFirst()
              .id();
      for (Role role : Role.values()) {
        String token = TokenRegistry.newToken();
        tokens.put(role, token);
        entries.add(
            new TokenEntry(
                "demo-" + role.id(),
                role,
                Hashes.sha256Hex(token),
                role == Role.OWNER ? Optional.of(ownerCompany) : Optional.empty()));
      }
      ServerConfig config =
          new ServerConfig(
              "127.0.0.1",
              port,
              false,
              Optional.empty(),
              catalog.toAbsolutePath(),
              data.toAbsolutePath(),
              entries);
      ObjectMapper json =
          new ObjectMapper()
              .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
              .enable(SerializationFeature.INDENT_OUTPUT);
      Path configFile = data.resolve("kaiji-server.json");
      json.writeValue(configFile.toFile(), config);

      try (KaijiApplication app = new KaijiApplication(config, Clock.systemUTC())) {
        System.out.println("kaiji: indexing " + catalog + " ...");
        String job = app.admin().startRebuild();
        RebuildJob.Progress p;
        do {
          Thread.sleep(200);
          p = app.admin().job(job).orElseThrow();
        } while (p.state() == RebuildJob.State.PENDING || p.state() == RebuildJob.State.RUNNING);
        if (p.state() != RebuildJob.State.SUCCEEDED) {
          System.err.println("kaiji: indexing failed: " + p.message().orElse(p.state().name()));
          return 1;
        }
        long rows = p.sources().stream().mapToLong(s -> s.rowsRead()).sum();
        long quarantined = p.sources().stream().mapToLong(s -> s.quarantined()).sum();
        System.out.printf(
            Locale.ROOT,
            "kaiji: indexed %d records from %d sources into %s (%d quarantine entries)%n",
            rows,
            p.sources().size(),
            p.generation().orElse("?"),
            quarantined);
        Path requests = catalog.toAbsolutePath().getParent().resolve("requests.jsonl");
        boolean seeded = false;
        if (Files.exists(requests)) {
          DemoCases.Seeded s = DemoCases.seed(app.disclosure(), requests);
          seeded = s.created().contains(DemoCases.FIRST) || s.existing().contains(DemoCases.FIRST);
          System.out.printf(
              Locale.ROOT,
              "kaiji: demo requests: %d registered now %s, %d kept from an earlier run %s%n",
              s.created().size(),
              s.created(),
              s.existing().size(),
              s.existing());
        }
        app.start();
        String base = "http://127.0.0.1:" + app.port();
        System.out.println();
        System.out.println("Kaiji is serving on " + base + "  (configuration: " + configFile + ")");
        System.out.println(
            "Staff console: "
                + base
                + "/console/  (sign in with the staff or admin token below, the owner token for "
                + ownerCompany
                + "'s work orders; ?lang=en for English)");
        System.out.println("Demo tokens (valid until this process stops):");
        tokens.forEach(
            (role, token) -> System.out.printf(Locale.ROOT, "  %-8s %s%n", role.id(), token));
        System.out.println();
        if (seeded) {
          System.out.println(
              "Start here: open "
                  + base
                  + "/console/ , sign in with the staff token, open request "
                  + DemoCases.FIRST
                  + " and press 「請求書の識別子で検索する」 (search); decide each record, close the review, download the package.");
          System.out.println();
        }
        System.out.println("Or try a subject search for a fixture person in the API:");
        System.out.println("  curl -s " + base + "/api/subject-search \\");
        System.out.println("    -H 'Authorization: Bearer " + tokens.get(Role.STAFF) + "' \\");
        System.out.println("    -H 'Content-Type: application/json' \\");
        System.out.println("    -d '" + exampleBody(catalog, json) + "'");
        System.out.println();
        System.out.println("API description: " + base + "/api/openapi.json   Stop with Ctrl-C.");
        new CountDownLatch(1).await();
      }
      return 0;
    }

    /** The first fixture request of a person who is in the sources, as a search body. */
    private static String exampleBody(Path catalog, ObjectMapper json) throws Exception {
      Path requests = catalog.toAbsolutePath().getParent().resolve("requests.jsonl");
      String form = "{\"name\":\"山田 太郎\",\"birthDate\":\"1975-03-05\"}";
      if (Files.exists(requests)) {
        try (BufferedReader in = Files.newBufferedReader(requests, StandardCharsets.UTF_8)) {
          String line;
          while ((line = in.readLine()) != null) {
            JsonNode r = json.readTree(line);
            if (r.path("expectedPerson").isTextual() && r.has("form")) {
              form = new ObjectMapper().writeValueAsString(r.get("form"));
              break;
            }
          }
        }
      }
      return "{\"requestReference\":\"DEMO-1\",\"subject\":" + form + "}";
    }
  }

  @Command(
      name = "export",
      description =
          "Export every disclosure request marked ready as <reference>.zip into a directory;"
              + " idempotent (exported requests are skipped). Exit 1 when a package failed.")
  static final class Export implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "the server configuration (JSON)")
    Path config;

    @Option(names = "--out", required = true, description = "the directory for the packages")
    Path out;

    @Override
    public Integer call() throws Exception {
      try (KaijiApplication app =
          new KaijiApplication(ServerConfig.load(config), Clock.systemUTC())) {
        var run =
            app.disclosure()
                .exportReady(new jp.kaiji.auth.Principal("cli-export", Role.EXPORTER), out);
        run.exported()
            .forEach(
                e ->
                    System.out.println(
                        "exported "
                            + e.reference()
                            + " -> "
                            + out.resolve(e.file())
                            + " sha256 "
                            + e.sha256()));
        run.failed()
            .forEach(f -> System.err.println("failed   " + f.reference() + ": " + f.reason()));
        System.out.println(
            "kaiji: "
                + run.exported().size()
                + " package(s) exported, "
                + run.failed().size()
                + " failed");
        return run.failed().isEmpty() ? 0 : 1;
      }
    }
  }

  @Command(
      name = "verify-audit",
      description =
          "Check the audit log's hash chain and that it reaches the head the request store"
              + " recorded (so a log cut short, emptied or deleted is found); exit 1 where it is"
              + " broken.")
  static final class VerifyAudit implements Callable<Integer> {
    @Option(
        names = "--log",
        description = "the audit log file (default: audit.log in the configuration's dataDir)")
    Path log;

    @Option(
        names = "--config",
        description =
            "the server configuration, to find the request store (else requests.db beside the"
                + " log)")
    Path config;

    @Override
    public Integer call() throws Exception {
      Optional<ServerConfig> c =
          config == null ? Optional.empty() : Optional.of(ServerConfig.load(config));
      if (log == null) {
        if (c.isEmpty()) {
          System.err.println("give --log FILE or --config FILE");
          return 2;
        }
        log = c.get().dataDir().resolve("audit.log");
      }
      Optional<AuditLog.Head> head = Optional.empty();
      String store = null;
      if (c.isPresent() && c.get().database().isPresent()) {
        ServerConfig.Database d = c.get().database().get();
        store = d.url();
        head =
            CaseDatabases.recordedHead(
                d.url(), d.user().orElse(""), d.passwordEnv().map(System::getenv).orElse(""));
      } else {
        Path dir = c.map(ServerConfig::dataDir).orElse(log.toAbsolutePath().getParent());
        Path db = CaseDatabases.sqliteFile(dir);
        if (Files.exists(db)) {
          store = db.toString();
          head = CaseDatabases.recordedHead(CaseDatabases.sqliteUrl(dir), "", "");
        }
      }
      if (store == null) {
        System.err.println(
            "warning: no request store found beside the log; only the chain was checked (a log"
                + " cut short at its end cannot be told from a shorter one)");
      }
      AuditLog.Verification v = AuditLog.verify(log, head);
      if (v.intact()) {
        System.out.println(
            "audit log intact: "
                + v.entries()
                + " entries, last hash "
                + v.lastHash()
                + head.map(h -> "; reaches entry " + h.seq() + " recorded in the request store")
                    .orElse(""));
        return 0;
      }
      System.err.println(
          "audit log broken at line "
              + v.brokenAtLine().orElseThrow()
              + ": "
              + v.problem().orElse("")
              + " ("
              + v.entries()
              + " entries intact before it)");
      return 1;
    }
  }

  @Command(
      name = "migrate-store",
      description =
          "Move the requests of an earlier Kaiji's H2 database (DATA/requests.mv.db) into the"
              + " embedded SQLite store (DATA/requests.db); the H2 file is kept, renamed"
              + " requests.mv.db.migrated. Run with the server stopped.")
  static final class MigrateStore implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "the server's data directory")
    Path data;

    @Override
    public Integer call() throws Exception {
      Path h2 = data.resolve("requests.mv.db");
      if (!Files.exists(h2)) {
        System.err.println("no H2 request database " + h2);
        return 1;
      }
      int n =
          CaseDatabases.importFrom(
              CaseDatabases.h2Url(data), data, Clock.systemUTC(), jp.kaiji.http.Json.mapper());
      Files.move(h2, data.resolve("requests.mv.db.migrated"));
      System.out.println(
          "kaiji: moved "
              + n
              + " request(s) into "
              + CaseDatabases.sqliteFile(data)
              + "; the H2 file is kept as requests.mv.db.migrated");
      return 0;
    }
  }

  @Command(
      name = "new-token",
      description = "Print a new random token and the SHA-256 to put in the configuration.")
  static final class NewToken implements Callable<Integer> {
    @Override
    public Integer call() {
      String token = TokenRegistry.newToken();
      System.out.println("token:  " + token);
      System.out.println("sha256: " + Hashes.sha256Hex(token));
      return 0;
    }
  }
}
