package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.launcher.DemoNode;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statistics through the real path on one demo node: SIPp calls → call and agent events → the
 * slice worker's visits and 15-minute slices → reports from stats-service on the reporting
 * datasource, under versioned KPI definitions, and a recalculation that gives the same slices.
 * The calls are made once (in the first test) into a group of their own; the later tests read them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatisticsIT {

    private static final int PORT_OFFSET = 2100;
    private static final String NUMBER = "+4930500961";
    /** The SIPp UAS standing in for the outbound trunk. */
    private static final int TRUNK_PORT = 6091;

    @TempDir
    static Path homeFolder;

    @TempDir
    static Path sippFolder;

    private static DemoNode node;
    private static DemoCalls calls;
    private static long group;
    private static String today;

    @BeforeAll
    static void startNode() {
        node = TestNodes.startNode(homeFolder, PORT_OFFSET, Map.of("verbund.trunk.outbound", "sip:127.0.0.1:" + TRUNK_PORT));
        calls = new DemoCalls(node, sippFolder);
        today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
    }

    @AfterAll
    static void stopNode() throws InterruptedException {
        Sipp.stopAll();
        TestNodes.stopNode(node);
    }

    private static ApiClient stats(String login, String password) {
        return ApiClient.as(URI.create(node.portalUrl() + "stats/"), login, password);
    }

    private static ApiClient admin() {
        return stats("admin@demo", "demo-admin");
    }

    private static String report(String kind, String query) {
        return "api/v1/tenants/demo/reports/" + kind + "?from=" + today + "&to=" + today + "&group=" + group + "&" + query;
    }

    @Test
    @Order(1)
    void answeredAndAbandonedCallsReachTheReportFromTheReportingDatabase() throws Exception {
        JsonArrayBuilder members = Json.createArrayBuilder().add(Json.createObjectBuilder().add("extension", "1001"));
        ApiClient.Answer created = calls.admin().post("api/v1/groups", Json.createObjectBuilder().add("name", "Statistics")
                .add("strategy", "LONGEST_IDLE").add("wrapUpSeconds", 1).add("members", members).build().toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        group = created.json().getJsonNumber("id").longValue();
        calls.numberQueueingTo(NUMBER, "Statistics flow", "{\"group\":\"Statistics\"}");

        Sipp sipp = calls.sipp();
        calls.register(sipp, 1001, 6001);
        Process agent = sipp.start("agent-answer.xml", 6001, List.of("-m", "1", "-d", "1500", "-timeout", "60s"));
        calls.setState(1001, "READY");
        assertThat(sipp.run("caller.xml", 6051, List.of("-s", NUMBER, "-m", "1", "-d", "2000", "-timeout", "60s")).exit()).as(sipp.errorLogs()).isZero();
        assertThat(Sipp.await(agent, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat(calls.awaitRecord("ANSWERED")).containsExactly("ANSWERED", "1001", NUMBER);
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> calls.stateOf(1001).contains("\"READY\""));
        calls.setState(1001, "LOGGED_OUT");
        // Nobody ready: the caller waits 7 s (more than the 5 s short-abandon time, within the 20 s target) and hangs up.
        assertThat(sipp.run("caller-abandons.xml", 6052, List.of("-s", NUMBER, "-m", "1", "-d", "7000", "-timeout", "60s")).exit())
                .as(sipp.errorLogs()).isZero();
        calls.awaitRecord("ABANDONED");

        JsonObject byGroup = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> admin().get(report("calls", "by=group&period=day")).json(),
                        report -> report.getJsonArray("rows").size() == 1 && report.getJsonObject("totals").getInt("offered") == 2
                                && report.getJsonObject("totals").getInt("handled") == 1
                                && report.getJsonObject("totals").getInt("abandoned") == 1
                                && report.getJsonObject("totals").getJsonNumber("wrapUpSeconds").doubleValue() > 0);
        JsonObject row = byGroup.getJsonArray("rows").getJsonObject(0);
        assertThat(row.getString("key")).isEqualTo(Long.toString(group));
        assertThat(row.getString("name")).isEqualTo("Statistics");
        assertThat(row.getString("periodStart")).startsWith(today);
        assertThat(row.getInt("answered")).isEqualTo(1);
        assertThat(row.getInt("answeredWithinTarget")).isEqualTo(1);
        assertThat(row.getInt("abandoned")).isEqualTo(1);
        assertThat(row.getInt("shortAbandoned")).isZero();
        assertThat(row.getJsonNumber("serviceLevelPercent").doubleValue()).as("standard: abandons count against").isEqualTo(50.0);
        assertThat(row.getJsonNumber("longestWaitSeconds").doubleValue()).isBetween(6.0, 12.0);
        assertThat(row.getJsonNumber("talkSeconds").doubleValue()).isBetween(1.5, 6.0);
        assertThat(byGroup.getJsonObject("kpiDefinition").getInt("version")).isEqualTo(1);
        assertThat(byGroup.getJsonObject("readFrom").getString("role")).isEqualTo("REPORTING");
        assertThat(byGroup.getJsonObject("readFrom").getJsonNumber("serverId").longValue())
                .isEqualTo(Long.parseLong(calls.rows("SELECT @@server_id").get(0)));

        JsonObject byAgent = admin().get(report("calls", "by=agent&period=interval")).json();
        assertThat(byAgent.getJsonArray("rows")).hasSize(1);
        assertThat(byAgent.getJsonArray("rows").getJsonObject(0).getString("key")).isEqualTo("1001");
        assertThat(byAgent.getJsonArray("rows").getJsonObject(0).getInt("answered")).isEqualTo(1);
        JsonObject byNumber = admin().get(report("calls", "by=number&period=month")).json();
        assertThat(byNumber.getJsonArray("rows").getJsonObject(0).getString("key")).isEqualTo(NUMBER);
        assertThat(byNumber.getJsonArray("rows").getJsonObject(0).getInt("offered")).isEqualTo(2);
    }

    @Test
    @Order(2)
    void theGroupsServiceLevelIsAPrometheusGauge() {
        String[] today = {"tenant=\"demo\"", "group=\"" + group + "\"", "window=\"today\""};
        // The gauge is computed every 30 s: one computed between the two calls reads 100 % until the next.
        Awaitility.await().atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(NodeMetrics.scrape(node).value("verbund_service_level_percent", today))
                        .as("answered within target against answered and abandoned").hasValue(50.0));
    }

    @Test
    @Order(3)
    void agentStateTimeCountsTheAgentsDay() {
        JsonObject states = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> admin().get(report("agent-states", "period=day")).json(),
                        report -> report.getJsonArray("rows").stream().anyMatch(row -> row.asJsonObject().getString("key").equals("1001")
                                && row.asJsonObject().getJsonNumber("onCallSeconds").doubleValue() > 0));
        JsonObject agent = states.getJsonArray("rows").stream().map(row -> row.asJsonObject())
                .filter(row -> row.getString("key").equals("1001")).findFirst().orElseThrow();
        assertThat(agent.getJsonNumber("loggedInSeconds").doubleValue()).isGreaterThan(agent.getJsonNumber("onCallSeconds").doubleValue());
        assertThat(agent.getJsonNumber("wrapUpSeconds").doubleValue()).isGreaterThan(0);
        assertThat(agent.getJsonNumber("occupancyPercent").doubleValue()).isBetween(0.1, 100.0);
    }

    @Test
    @Order(4)
    void theDaysReportDownloadsAsCsvXlsxAndPdfWithTheSameNumbers() throws Exception {
        HttpResponse<byte[]> xlsx = admin().sendBytes("GET", report("calls", "by=group&period=day&format=xlsx&lang=de"), null,
                Map.of("Accept", "*/*"));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("calls-group-day-" + today + ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            Map<String, Integer> columns = new HashMap<>();
            for (Cell cell : sheet.getRow(3)) {
                columns.put(cell.getStringCellValue(), cell.getColumnIndex());
            }
            Row row = sheet.getRow(4);
            assertThat(row.getCell(columns.get("Name")).getStringCellValue()).isEqualTo("Statistics");
            assertThat(row.getCell(columns.get("Angeboten")).getNumericCellValue()).isEqualTo(2.0);
            assertThat(row.getCell(columns.get("Angenommen")).getNumericCellValue()).isEqualTo(1.0);
            assertThat(row.getCell(columns.get("Aufgelegt")).getNumericCellValue()).isEqualTo(1.0);
        }

        HttpResponse<byte[]> csv = admin().sendBytes("GET", report("calls", "by=group&period=day&format=csv&lang=en"), null, Map.of("Accept", "*/*"));
        assertThat(csv.statusCode()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).get("Offered")).isEqualTo("2");
        assertThat(records.get(0).get("Answered")).isEqualTo("1");
        assertThat(Double.parseDouble(records.get(0).get("Service level %"))).isEqualTo(50.0);

        HttpResponse<byte[]> pdf = admin().sendBytes("GET", report("calls", "by=group&period=day&format=pdf&lang=en"), null, Map.of("Accept", "*/*"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        PdfReader reader = new PdfReader(pdf.body());
        try {
            String page = new PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(page).contains("Calls by group").contains("Statistics").contains("50.0 %");
        } finally {
            reader.close();
        }
        ApiClient.Answer unknownFormat = admin().get(report("calls", "format=docx"));
        assertThat(unknownFormat.status()).isEqualTo(422);
        assertThat(unknownFormat.body()).contains("\"format\"");
    }

    @Test
    @Order(5)
    void aLongReportRunsAsAJobAndLandsInStorageAsXlsx() throws Exception {
        ApiClient.Answer started = admin().post("api/v1/tenants/demo/report-jobs", "{\"report\":\"calls\",\"from\":\"" + today
                + "\",\"to\":\"" + today + "\",\"period\":\"interval\",\"by\":\"group\",\"group\":[" + group
                + "],\"format\":\"xlsx\",\"lang\":\"en\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String job = "api/v1/tenants/demo/report-jobs/" + started.json().getJsonNumber("id").longValue();
        JsonObject done = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> admin().get(job).json(), progress -> !progress.getString("state").equals("RUNNING"));
        assertThat(done.getString("state")).as(done.toString()).isEqualTo("DONE");
        assertThat(done.getInt("progressPercent")).isEqualTo(100);
        assertThat(done.getString("fileName")).endsWith(".xlsx");

        HttpResponse<byte[]> file = ApiClient.as(URI.create(node.portalUrl() + "storage/"), "admin@demo", "demo-admin")
                .sendBytes("GET", "api/v1/tenants/demo/files/reports/" + done.getString("fileName"), null, Map.of("Accept", "*/*"));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat((long) file.body().length).isEqualTo(done.getJsonNumber("fileSize").longValue());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            int offered = -1;
            for (Cell cell : sheet.getRow(3)) {
                offered = cell.getStringCellValue().equals("Offered") ? cell.getColumnIndex() : offered;
            }
            double total = 0;
            for (int row = 4; row <= sheet.getLastRowNum() - 1; row++) {
                total += sheet.getRow(row).getCell(offered).getNumericCellValue();
            }
            assertThat(total).as("the intervals' offered calls add up to the day's").isEqualTo(2.0);
        }
        ApiClient.Answer json = admin().post("api/v1/tenants/demo/report-jobs", "{\"report\":\"calls\",\"format\":\"json\"}");
        assertThat(json.status()).isEqualTo(422);
        assertThat(json.body()).contains("\"format\"");
    }

    @Test
    @Order(6)
    void aNewKpiVersionReadsTheSameCallsItsWayAndTheOldOneStaysAvailable() {
        ApiClient.Answer added = admin().post("api/v1/tenants/demo/kpi-definitions",
                "{\"serviceLevel\":\"ABANDONS_EXCLUDED\",\"shortAbandonsExcluded\":true,\"wrapUpInHandleTime\":false}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        int version = added.json().getInt("version");
        assertThat(version).isGreaterThanOrEqualTo(2);

        JsonObject current = admin().get(report("calls", "by=group")).json();
        assertThat(current.getJsonObject("kpiDefinition").getInt("version")).isEqualTo(version);
        assertThat(current.getJsonObject("totals").getJsonNumber("serviceLevelPercent").doubleValue()).isEqualTo(100.0);
        JsonObject first = admin().get(report("calls", "by=group&kpiVersion=1")).json();
        assertThat(first.getJsonObject("totals").getJsonNumber("serviceLevelPercent").doubleValue()).isEqualTo(50.0);
        assertThat(admin().get("api/v1/tenants/demo/kpi-definitions").json().getInt("current")).isEqualTo(version);
    }

    @Test
    @Order(7)
    void aRecalculationGivesTheSlicesTheWorkerMade() throws Exception {
        String slices = "SELECT CONCAT_WS('|', slice_start, group_id, dimension, dim_key, offered, answered, answered_within_target,"
                + " abandoned, short_abandoned, voicemails, handled, transfers, answered_wait_ms, longest_wait_ms, talk_ms, wrap_up_ms)"
                + " FROM stats_call_slice WHERE group_id = ? ORDER BY 1";
        List<String> incremental = calls.rows(slices, group);
        assertThat(incremental).hasSize(4);

        ApiClient.Answer started = admin().post("api/v1/tenants/demo/recalculations", "{\"from\":\"" + today + "\",\"to\":\"" + today + "\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String job = "api/v1/tenants/demo/recalculations/" + started.json().getJsonNumber("id").longValue();
        JsonObject done = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> admin().get(job).json(), progress -> !progress.getString("state").equals("RUNNING"));

        assertThat(done.getString("state")).as(done.toString()).isEqualTo("DONE");
        assertThat(done.getInt("slicesDone")).isEqualTo(done.getInt("slicesTotal")).isGreaterThanOrEqualTo(96);
        assertThat(calls.rows(slices, group)).isEqualTo(incremental);
    }

    @Test
    @Order(8)
    void badQueriesNameTheirFieldAndAgentsSeeNoReports() {
        ApiClient.Answer unknownVersion = admin().get(report("calls", "kpiVersion=99"));
        assertThat(unknownVersion.status()).isEqualTo(422);
        assertThat(unknownVersion.body()).contains("\"kpiVersion\"");
        ApiClient.Answer badPeriod = admin().get(report("calls", "period=fortnight&by=colour"));
        assertThat(badPeriod.status()).isEqualTo(422);
        assertThat(badPeriod.body()).contains("\"period\"").contains("\"by\"");
        ApiClient.Answer unknownGroup = admin().get("api/v1/tenants/demo/reports/calls?group=987654");
        assertThat(unknownGroup.status()).isEqualTo(422);
        assertThat(unknownGroup.body()).contains("\"group\"");
        ApiClient.Answer tooLong = admin().get("api/v1/tenants/demo/reports/calls?from=2020-01-01&to=" + today);
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("\"to\"");
        assertThat(stats("agent1001@demo", "demo-1001").get(report("calls", "")).status()).isEqualTo(403);
        assertThat(stats("admin@acme", "acme-admin").get(report("calls", "")).status()).isEqualTo(404);
        assertThat(ApiClient.anonymous(URI.create(node.portalUrl() + "stats/")).get(report("calls", "")).status()).isEqualTo(401);
    }

    @Test
    @Order(9)
    void thePortalForwardsReportsAndKeepsSupervisorsToTheirGroups() {
        String query = "api/v1/reports/calls?from=" + today + "&to=" + today + "&by=group&period=day";
        JsonObject asAdmin = calls.admin().get(query).json();
        assertThat(asAdmin.getJsonArray("rows").stream().map(row -> row.asJsonObject().getString("name"))).contains("Statistics");

        ApiClient supervisor = ApiClient.as(URI.create(node.portalUrl()), "supervisor@demo", "demo-supervisor");
        ApiClient.Answer own = supervisor.get(query);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().getJsonArray("rows").stream().map(row -> row.asJsonObject().getString("name"))).doesNotContain("Statistics");
        assertThat(supervisor.get(query + "&group=" + group).status()).isEqualTo(403);

        HttpResponse<byte[]> xlsx = calls.admin().sendBytes("GET", query + "&group=" + group + "&format=xlsx", null,
                Map.of("Accept", "*/*", "Accept-Language", "de-DE,de;q=0.9"));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.openxmlformats");
        assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        ApiClient.Answer agent = ApiClient.as(URI.create(node.portalUrl()), "agent1001@demo", "demo-1001").get(query);
        assertThat(agent.status()).isEqualTo(403);

        ApiClient.Answer job = supervisor.post("api/v1/report-jobs", "{\"report\":\"agent-states\",\"period\":\"day\",\"format\":\"csv\"}");
        assertThat(job.status()).as(job.toString()).isEqualTo(202);
        String progress = "api/v1/report-jobs/" + job.json().getJsonNumber("id").longValue();
        assertThat(job.response().headers().firstValue("Location").orElse("")).endsWith(progress);
        JsonObject done = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> supervisor.get(progress).json(), state -> !state.getString("state").equals("RUNNING"));
        assertThat(done.getString("state")).as(done.toString()).isEqualTo("DONE");
        assertThat(done.getString("parameters")).contains("group=");
        HttpResponse<byte[]> file = supervisor.sendBytes("GET", progress + "/file", null, Map.of("Accept", "*/*"));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(new String(file.body(), StandardCharsets.UTF_8)).contains("Logged in");
        assertThat(calls.admin().get(progress).status()).as("the tenant's admin sees every job").isEqualTo(200);
        assertThat(ApiClient.as(URI.create(node.portalUrl()), "agent1002@demo", "demo-1002").get(progress).status()).isEqualTo(403);
    }

    @Test
    @Order(10)
    void thePortalShowsTodayPerGroupAndTheAgentsDayFromTheRealtimeDatabase() throws Exception {
        JsonObject queues = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> calls.admin().get("api/v1/queues").json(),
                        list -> list.getBoolean("todayAvailable") && todayOf(list).getInt("offered") == 2);
        JsonObject today = todayOf(queues);
        assertThat(today.getInt("answered")).isEqualTo(1);
        assertThat(today.getInt("abandoned")).isEqualTo(1);
        assertThat(today.getInt("shortAbandoned")).isZero();
        // Under the tenant's current KPI definition: the standard one counts the abandon against (50 %), one that excludes abandons not (100 %).
        JsonObject definitions = admin().get("api/v1/tenants/demo/kpi-definitions").json();
        String variant = definitions.getJsonArray("versions").stream().map(version -> version.asJsonObject())
                .filter(version -> version.getInt("version") == definitions.getInt("current")).findFirst().orElseThrow().getString("serviceLevel");
        double serviceLevel = variant.equals("ABANDONS_EXCLUDED") ? 100.0 : 50.0;
        assertThat(today.getJsonNumber("serviceLevelPercent").doubleValue()).as(variant).isEqualTo(serviceLevel);
        assertThat(today.getJsonNumber("serviceLevelLast60Percent").doubleValue()).as("both calls were within the hour").isEqualTo(serviceLevel);
        assertThat(today.getJsonNumber("longestWaitSeconds").longValue()).isBetween(6L, 12L);
        String serverId = calls.rows("SELECT @@server_id").get(0);
        assertThat(queues.getJsonObject("todayReadFrom").getString("role")).isEqualTo("REALTIME");
        assertThat(queues.getJsonObject("todayReadFrom").getJsonNumber("serverId").longValue()).isEqualTo(Long.parseLong(serverId));

        ApiClient.Answer day = calls.admin().get("api/v1/agents/1001/today");
        assertThat(day.status()).as(day.toString()).isEqualTo(200);
        assertThat(day.json().getInt("answered")).isEqualTo(1);
        assertThat(day.json().getJsonNumber("talkSeconds").longValue()).isBetween(1L, 6L);
        assertThat(day.json().getJsonNumber("longestTalkSeconds").longValue()).isEqualTo(day.json().getJsonNumber("talkSeconds").longValue());
        assertThat(day.json().getJsonNumber("ahtSeconds").longValue()).as("talk and wrap-up").isGreaterThanOrEqualTo(
                day.json().getJsonNumber("talkSeconds").longValue());
        assertThat(day.json().getJsonObject("readFrom").getString("role")).isEqualTo("REALTIME");
    }

    @Test
    @Order(11)
    void anAgentsOutboundCallCountsApartFromTheQueueFiguresAndTheCallListFiltersByDirection() throws Exception {
        Sipp sipp = calls.sipp();
        calls.register(sipp, 1001, 6002);
        Process phone = sipp.start("agent-answer.xml", 6002, List.of("-m", "1", "-timeout", "60s"));
        Path numberScenario = Sipp.template("number-rings-answers-hangs-up.xml",
                Map.of("@CALLER_ID@", "+4930500100", "@RING_MS@", "300", "@TALK_MS@", "2000"), sippFolder);
        Process number = sipp.start(numberScenario, TRUNK_PORT, List.of("-m", "1", "-timeout", "60s"));
        calls.setState(1001, "READY");

        ApiClient.Answer placed = calls.admin().post("api/v1/calls", "{\"number\":\"+4940123456\",\"agentId\":\"1001\",\"group\":\"Statistics\"}");
        assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
        String callId = placed.json().getString("callId");
        try {
            assertThat(Sipp.await(number, 30).exit()).as("the number answered, talked 2 s and hung up: %s", sipp.errorLogs()).isZero();
            assertThat(Sipp.await(phone, 30).exit()).as(sipp.errorLogs()).isZero();
        } catch (AssertionError e) {
            // This has failed now and then: what the call's own record says it got to.
            throw new AssertionError(e.getMessage() + "; the call as the API shows it: " + calls.admin().get("api/v1/calls/" + callId)
                    + "; SIPp: " + sipp.errorLogs(), e);
        }

        JsonObject byAgent = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> admin().get(report("calls", "by=agent&period=day")).json(),
                        report -> report.getJsonObject("totals").getInt("outbound") == 1);
        JsonObject agentRow = byAgent.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .filter(row -> row.getString("key").equals("1001")).findFirst().orElseThrow();
        assertThat(agentRow.getInt("outbound")).isEqualTo(1);
        assertThat(agentRow.getInt("outboundAnswered")).isEqualTo(1);
        assertThat(agentRow.getJsonNumber("outboundTalkSeconds").doubleValue()).as("the 2 s the number talked").isBetween(1.5, 6.0);
        assertThat(agentRow.getInt("answered")).as("1001's queue figures stay those of the one call it answered").isEqualTo(1);
        JsonObject byGroup = admin().get(report("calls", "by=group&period=day")).json();
        assertThat(byGroup.getJsonArray("rows").getJsonObject(0).getInt("outbound")).as("Statistics' outbound calls").isEqualTo(1);
        assertThat(byGroup.getJsonArray("rows").getJsonObject(0).getInt("offered")).as("the two calls that came in, not the one out").isEqualTo(2);

        JsonObject outbound = calls.admin().get("api/v1/calls?direction=outbound&limit=100").json();
        assertThat(outbound.getJsonArray("items").getValuesAs(JsonObject.class)).extracting(call -> call.getString("callId")).contains(callId);
        assertThat(outbound.getJsonArray("items").getValuesAs(JsonObject.class)).extracting(call -> call.getString("direction"))
                .containsOnly("OUTBOUND");
        JsonObject inbound = calls.admin().get("api/v1/calls?direction=INBOUND&limit=100").json();
        assertThat(inbound.getJsonArray("items").getValuesAs(JsonObject.class)).extracting(call -> call.getString("direction"))
                .isNotEmpty().containsOnly("INBOUND");
        ApiClient.Answer sideways = calls.admin().get("api/v1/calls?direction=sideways");
        assertThat(sideways.status()).as(sideways.toString()).isEqualTo(422);
        assertThat(sideways.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("direction");
    }

    private static JsonObject todayOf(JsonObject queues) {
        return queues.getJsonArray("items").stream().map(item -> item.asJsonObject())
                .filter(item -> item.getJsonNumber("groupId").longValue() == group).findFirst().orElseThrow().getJsonObject("today");
    }
}
