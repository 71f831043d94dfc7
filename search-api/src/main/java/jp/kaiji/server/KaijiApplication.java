package jp.kaiji.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import jp.kaiji.audit.AuditLog;
import jp.kaiji.audit.IdentifierHasher;
import jp.kaiji.auth.Principal;
import jp.kaiji.auth.Role;
import jp.kaiji.auth.TokenRegistry;
import jp.kaiji.catalog.CatalogFile;
import jp.kaiji.catalog.SourceCatalog;
import jp.kaiji.catalog.SourceCatalogs;
import jp.kaiji.console.Console;
import jp.kaiji.console.ConsoleServices;
import jp.kaiji.disclosure.CaseStore;
import jp.kaiji.disclosure.DisclosureService;
import jp.kaiji.disclosure.KeptCopies;
import jp.kaiji.disclosure.PackageArchive;
import jp.kaiji.disclosure.WorkOrderService;
import jp.kaiji.http.Exchanges;
import jp.kaiji.http.FailedAuthentications;
import jp.kaiji.http.Json;
import jp.kaiji.http.admin.AdminHandlers;
import jp.kaiji.http.disclosure.DisclosureHandlers;
import jp.kaiji.http.disclosure.OrderHandlers;
import jp.kaiji.indexer.DataDirectory;
import jp.kaiji.indexer.IndexAdmin;
import jp.kaiji.match.MatchPolicy;
import jp.kaiji.match.SubjectIndex;
import jp.kaiji.match.SubjectMatcher;
import jp.kaiji.match.lucene.IndexGenerations;
import jp.kaiji.match.lucene.LuceneSubjectIndex;
import jp.kaiji.opensearch.Cluster;
import jp.kaiji.opensearch.IndexConfig;
import jp.kaiji.opensearch.OpenSearchGenerations;
import jp.kaiji.opensearch.OpenSearchSettings;
import jp.kaiji.opensearch.OpenSearchSubjectIndex;
import jp.kaiji.search.SubjectSearchService;

/** Assembles the server from its configuration: index, audit log, services, HTTP. */
public final class KaijiApplication implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(KaijiApplication.class.getName());

  /** The environment variable that may hold the audit salt (hex); else a salt file is made once. */
  public static final String AUDIT_SALT_ENV = "KAIJI_AUDIT_SALT";

  // Assembled once by the constructor (assemble), never changed afterwards.
  private IndexGenerations generations;
  private LuceneSubjectIndex index;
  // The index searches read: the embedded one, or the cluster's when the configuration says so.
  private Optional<OpenSearchSubjectIndex> cluster = Optional.empty();
  private AuditLog audit;
  private IndexAdmin admin;
  private SubjectSearchService search;
  private final CaseStore cases;
  private DisclosureService disclosure;
  private WorkOrderService orders;
  private KeptCopies copies;
  private static final Principal RETENTION = new Principal("retention", Role.ADMIN);
  private KaijiServer server;
  private final java.nio.channels.FileChannel lock;
  private MatchPolicy matchPolicy;

  public KaijiApplication(ServerConfig config, Clock clock)
      throws IOException, GeneralSecurityException {
    // One Kaiji per data directory: a second one stops here, before it touches the request
    // database or the audit log. The lock dies with the process, kill -9 included.
    this(config, clock, ServerFiles.lock(config));
  }

  private KaijiApplication(ServerConfig config, Clock clock, java.nio.channels.FileChannel lock)
      throws IOException, GeneralSecurityException {
    this.lock = lock;
    CaseStore opened = null;
    try {
      opened = ServerFiles.openCases(config, clock);
      this.cases = opened;
      assemble(config, clock);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      try {
        if (opened != null) {
          opened.close();
        }
      } catch (java.sql.SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      lock.close();
      throw e;
    }
  }

  private void assemble(ServerConfig config, Clock clock)
      throws IOException, GeneralSecurityException {
    // The catalogue that describes the serving generation: read again whenever a rebuild or
    // rollback switches generations, so that a source the admin added is grouped and counted.
    // A bad policy file stops the start, before anything is served with weights nobody chose.
    this.matchPolicy =
        config.matchPolicy().map(MatchPolicyFile::load).orElseGet(MatchPolicy::defaults);
    AtomicReference<CatalogFile> catalog = new AtomicReference<>(loadCatalog(config.catalog()));
    this.generations = new IndexGenerations(DataDirectory.generations(config.dataDir()));
    this.index = new LuceneSubjectIndex(generations);
    Optional<IndexConfig> onCluster = config.index().filter(IndexConfig::isOpenSearch);
    Optional<OpenSearchGenerations> clusterGenerations = Optional.empty();
    if (onCluster.isPresent()) {
      OpenSearchSettings settings = onCluster.get().settings(System.getenv());
      Cluster connection = Cluster.connect(settings);
      this.cluster = Optional.of(new OpenSearchSubjectIndex(connection, settings.alias()));
      clusterGenerations = Optional.of(new OpenSearchGenerations(connection, settings));
      LOG.log(
          System.Logger.Level.INFO,
          "searching the OpenSearch alias " + settings.alias() + " on " + settings.hosts());
    }
    SubjectIndex searched = cluster.<SubjectIndex>map(c -> c).orElse(index);
    generations.addListener(
        event -> {
          if (event.kind() == IndexGenerations.EventKind.SWITCHED) {
            try {
              catalog.set(loadCatalog(config.catalog()));
            } catch (IllegalArgumentException e) {
              LOG.log(
                  System.Logger.Level.WARNING,
                  "catalogue unreadable after switching to "
                      + event.generation().id()
                      + "; keeping the previous one");
            }
          }
        });
    Supplier<SourceCatalog> servingCatalog = () -> catalog.get().catalog();
    // The audit log must reach the head the request store recorded: a log cut short or emptied is
    // refused here; entries of a store transaction that never committed are dropped.
    this.audit = AuditLog.open(config.dataDir().resolve("audit.log"), clock, Optional.of(cases));
    int temporaries = PackageArchive.deleteTemporaries(packagesDir(config));
    if (temporaries > 0) {
      LOG.log(
          System.Logger.Level.WARNING,
          "deleted " + temporaries + " temporary package file(s) left by an interrupted export");
    }
    IdentifierHasher hasher = new IdentifierHasher(ServerFiles.auditSalt(config.dataDir()));
    Exchanges exchanges = new Exchanges(Json.mapper());
    this.search =
        new SubjectSearchService(
            searched,
            servingCatalog,
            new SubjectMatcher(matchPolicy),
            audit,
            hasher,
            clock,
            exchanges.json());
    Supplier<CatalogFile> catalogFile = () -> loadCatalog(config.catalog());
    this.admin =
        clusterGenerations
            .map(g -> IndexAdmin.onOpenSearch(g, config.dataDir(), catalogFile))
            .orElseGet(() -> new IndexAdmin(generations, catalogFile));
    this.disclosure = new DisclosureService(cases, search, servingCatalog, audit, clock);
    this.orders =
        new WorkOrderService(
            disclosure,
            cases,
            Json.mapper(),
            servingCatalog,
            clusterGenerations
                .map(g -> KeptIndex.sourceCheck(g, config.dataDir(), catalogFile))
                .orElseGet(() -> KeptIndex.sourceCheck(generations, catalogFile)));
    this.copies =
        new KeptCopies(
            disclosure,
            orders,
            clusterGenerations
                .map(g -> KeptIndex.eraser(g, config.dataDir(), catalogFile))
                .orElseGet(() -> KeptIndex.eraser(generations)),
            config.retentionDays().map(java.time.Duration::ofDays));
    // Stored results and packages past their retention go at every start (and on demand).
    KeptCopies.Retention retained = copies.applyRetention(RETENTION);
    if (!retained.requestsPurged().isEmpty()) {
      LOG.log(
          System.Logger.Level.INFO,
          "retention: deleted the stored results of "
              + retained.requestsPurged().size()
              + " request(s) and "
              + retained.packagesDeleted()
              + " package file(s)");
    }
    TokenRegistry tokens = new TokenRegistry(config.tokens());
    // One budget of failed authentications per client for the API's tokens and console sign-ins.
    FailedAuthentications failures =
        new FailedAuthentications(
            config
                .failedAuthenticationsPerMinute()
                .orElse(FailedAuthentications.DEFAULT_PER_MINUTE),
            clock);
    Console console =
        new Console(
            new ConsoleServices(
                tokens,
                search,
                admin,
                audit,
                servingCatalog,
                java.util.Optional.of(disclosure),
                java.util.Optional.of(orders)),
            clock,
            failures);
    this.server =
        new KaijiServer(
            config,
            sslContext(config),
            tokens,
            cluster
                .<java.util.function.Supplier<LuceneSubjectIndex.Health>>map(c -> c::health)
                .orElse(index::health),
            search,
            new AdminHandlers(admin, exchanges, audit),
            new DisclosureHandlers(disclosure, exchanges, packagesDir(config)),
            new OrderHandlers(orders, copies, exchanges),
            exchanges,
            console.handler(),
            failures);
  }

  public KaijiApplication start() {
    server.start();
    return this;
  }

  public int port() {
    return server.port();
  }

  public IndexAdmin admin() {
    return admin;
  }

  /** The match policy the searches use: the configured file's, or the shipped defaults. */
  MatchPolicy matchPolicy() {
    return matchPolicy;
  }

  public SubjectSearchService search() {
    return search;
  }

  public IndexGenerations generations() {
    return generations;
  }

  public DisclosureService disclosure() {
    return disclosure;
  }

  public KeptCopies copies() {
    return copies;
  }

  /** Where {@code POST /api/exports} writes disclosure packages. */
  public static Path packagesDir(ServerConfig config) {
    return config.dataDir().resolve("packages");
  }

  private static CatalogFile loadCatalog(Path file) {
    try {
      return SourceCatalogs.load(file);
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "cannot load " + file.getFileName() + ": " + e.getMessage(), e);
    }
  }

  private static Optional<SSLContext> sslContext(ServerConfig config)
      throws IOException, GeneralSecurityException {
    if (config.tls().isEmpty()) {
      return Optional.empty();
    }
    ServerConfig.Tls tls = config.tls().get();
    String password;
    if (tls.passwordFile().isPresent()) {
      password = Files.readString(tls.passwordFile().get()).strip();
    } else {
      password = System.getenv(tls.passwordEnv().orElseThrow());
      if (password == null) {
        throw new IllegalArgumentException(
            "keystore password variable " + tls.passwordEnv().get() + " is not set");
      }
    }
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(tls.keystore())) {
      ks.load(in, password.toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, password.toCharArray());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    return Optional.of(ctx);
  }

  @Override
  public void close() throws IOException {
    server.close();
    admin.close();
    index.close();
    if (cluster.isPresent()) {
      cluster.get().close();
    }
    audit.close();
    try {
      cases.close();
    } catch (java.sql.SQLException e) {
      throw new IOException("cannot close the request database", e);
    } finally {
      lock.close();
    }
  }
}
