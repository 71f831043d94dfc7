package jp.kaiji.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import jp.kaiji.auth.Role;
import jp.kaiji.auth.TokenRegistry.TokenEntry;
import jp.kaiji.client.api.AdminApi;
import jp.kaiji.client.api.MetaApi;
import jp.kaiji.client.api.RequestsApi;
import jp.kaiji.client.api.SearchApi;
import jp.kaiji.client.model.RebuildProgress;
import jp.kaiji.client.model.RecordHit;
import jp.kaiji.client.model.Request;
import jp.kaiji.client.model.RequestForm;
import jp.kaiji.client.model.RequestList;
import jp.kaiji.client.model.RequestSummary;
import jp.kaiji.client.model.SearchRequest;
import jp.kaiji.client.model.SubjectQuery;
import jp.kaiji.client.model.SubjectSearchResult;
import jp.kaiji.normalize.Hashes;
import jp.kaiji.server.KaijiApplication;
import jp.kaiji.server.ServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java client that openapi-generator makes from {@code openapi.json} in this build (library
 * {@code native}, Jackson), used as an integrator would: build the index, search a subject,
 * register a request, list requests, search for it and read it back, all typed, against the real
 * server on a loopback port.
 */
class GeneratedClientIT {
  static final String STAFF = "staff-token-0123456789";
  static final String ADMIN = "admin-token-0123456789";

  @TempDir static Path dir;
  static KaijiApplication app;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    write(
        "shop/customers.csv",
        "顧客番号,氏名,フリガナ,生年月日,住所,携帯番号\n"
            + "C001,山田 太郎,ヤマダ タロウ,1975-03-05,大阪府大阪市中央区安土町3-5-13,090-1234-5678\n"
            + "C002,鈴木 一郎,スズキ イチロウ,1960-01-01,東京都千代田区丸の内1-1-1,080-1111-2222\n");
    write(
        "catalog.json",
        """
        {"companies": [{"id": "shop", "legalName": "株式会社 例", "role": "retail"}],
         "sources": [
           {"id": "shop-customers", "company": "shop", "title": "顧客マスタ", "kind": "csv",
            "path": "shop/customers.csv", "charset": "UTF-8", "primaryKey": "顧客番号",
            "identity": {"fullName": "氏名", "reading": "フリガナ", "birthDate": "生年月日",
                         "address": "住所", "phones": ["携帯番号"]},
            "category": "customer", "purpose": "お客様本人確認", "jointlyUsed": false}]}
        """);
    List<TokenEntry> tokens =
        List.of(
            new TokenEntry("client-staff", Role.STAFF, Hashes.sha256Hex(STAFF)),
            new TokenEntry("client-admin", Role.ADMIN, Hashes.sha256Hex(ADMIN)));
    app =
        new KaijiApplication(
                new ServerConfig(
                    "127.0.0.1",
                    0,
                    false,
                    Optional.empty(),
                    dir.resolve("catalog.json"),
                    dir.resolve("data"),
                    tokens),
                Clock.systemUTC())
            .start();
    base = "http://127.0.0.1:" + app.port();
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  static void write(String relative, String content) throws Exception {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
  }

  /** A client of the generated kind with a bearer token, aimed at the test server. */
  static ApiClient client(String token) {
    ApiClient c =
        new ApiClient(HttpClient.newBuilder(), ApiClient.createDefaultObjectMapper(), base);
    c.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + token));
    return c;
  }

  @Test
  void theMainFlowsWorkThroughTheGeneratedClient() throws Exception {
    assertThat(new MetaApi(client("")).getHealth().getStatus().getValue()).isIn("ok", "no-index");

    // Admin: build the index and follow the job until it is done.
    AdminApi admin = new AdminApi(client(ADMIN));
    String job = admin.startRebuild().getJob();
    RebuildProgress progress = admin.getRebuild(job);
    for (int i = 0; i < 600 && !done(progress); i++) {
      Thread.sleep(50);
      progress = admin.getRebuild(job);
    }
    assertThat(progress.getState()).isEqualTo(RebuildProgress.StateEnum.SUCCEEDED);
    assertThat(admin.getIndexStatus().getCurrent().getId()).isEqualTo(progress.getGeneration());

    // Staff: a subject search, typed down to each record.
    SearchApi search = new SearchApi(client(STAFF));
    SubjectSearchResult found =
        search.searchSubject(
            new SearchRequest()
                .subject(
                    new SubjectQuery()
                        .name("山田 太郎")
                        .birthDate("昭和50年3月5日")
                        .phones(List.of("090-1234-5678"))));
    assertThat(found.getGeneration().getId()).isEqualTo(progress.getGeneration());
    assertThat(found.getSummary().getRecords()).isEqualTo(1);
    RecordHit hit = found.getCompanies().getFirst().getSources().getFirst().getRecords().getFirst();
    assertThat(hit.getId()).isEqualTo("shop-customers/C001");
    assertThat(hit.getVia()).isNull();
    assertThat(hit.getFoundBy()).isEqualTo(RecordHit.FoundByEnum.DIRECT);
    assertThat(hit.getOriginal()).containsEntry("氏名", "山田 太郎");
    assertThat(found.getSourcesSearched()).hasSize(1);

    // Staff: register a request, list it, search for it, read it back.
    RequestsApi requests = new RequestsApi(client(STAFF));
    Request created =
        requests.createRequest(
            new RequestForm()
                .reference("CLIENT-1")
                .receivedOn(java.time.LocalDate.of(2025, 4, 1))
                .requesterKind(RequestForm.RequesterKindEnum.PERSON)
                .actions(List.of(RequestForm.ActionsEnum.DISCLOSURE))
                .delivery(RequestForm.DeliveryEnum.ELECTRONIC)
                .dueOn(java.time.LocalDate.of(2025, 4, 30))
                .subject(new SubjectQuery().name("山田 太郎").birthDate("1975-03-05")));
    assertThat(created.getReference()).isEqualTo("CLIENT-1");
    assertThat(created.getStatus()).isEqualTo(Request.StatusEnum.RECEIVED);
    assertThat(created.getResult()).isNull();

    RequestList list = requests.listRequests(null, null);
    assertThat(list.getRequests())
        .extracting(RequestSummary::getReference)
        .containsExactly("CLIENT-1");

    SubjectSearchResult forRequest = requests.searchForRequest("CLIENT-1");
    assertThat(forRequest.getRequestReference()).isEqualTo("CLIENT-1");
    assertThat(forRequest.getSummary()).isEqualTo(found.getSummary());
    Request read = requests.getRequest("CLIENT-1");
    assertThat(read.getStatus()).isEqualTo(Request.StatusEnum.IN_REVIEW);
    assertThat(read.getResult().getGeneration()).isEqualTo(forRequest.getGeneration());

    // An error is an ApiException with the status and the catalogue's JSON error.
    assertThatThrownBy(() -> requests.getRequest("NOPE-1"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(404);
              assertThat(e.getResponseBody()).contains("KJ-404-01");
            });
  }

  static boolean done(RebuildProgress p) {
    return p.getState() != RebuildProgress.StateEnum.PENDING
        && p.getState() != RebuildProgress.StateEnum.RUNNING;
  }
}
