package kz.prometric.erp.analytics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Report exports end to end on the real database: asked for through the API, written in
 * the background by {@link ExportWorker}, stored as a document, downloaded through the
 * document module, told to the requester only.
 */
@ErpIntegrationTest
class ReportExportApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ExportWorker worker;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void exportsAHundredThousandDealsInTheBackgroundWithProgress() throws Exception {
		TestData.User owner = this.data.user("Bolat");
		TestData.User member = this.data.user("Saule");
		TestData.Org org = this.data.organization(owner, "Big Pipeline");
		this.data.join(owner, org.workspaceId(), member, "MEMBER");
		String ws = "/api/workspaces/" + org.workspaceId();
		insertDeals(org.workspaceId(), owner.id(), 100_000);
		BigDecimal expectedSum = this.jdbc.queryForObject("select sum(value) from crm_deal where workspace_id = ?",
				BigDecimal.class, org.workspaceId());
		Map<String, Long> expectedStages = new HashMap<>();
		this.jdbc.query("select stage, count(*) n from crm_deal where workspace_id = ? group by stage", rs -> {
			expectedStages.put(rs.getString("stage"), rs.getLong("n"));
		}, org.workspaceId());
		Runtime runtime = Runtime.getRuntime();
		System.gc();
		long before = runtime.totalMemory() - runtime.freeMemory();
		AtomicLong peak = new AtomicLong(before);
		AtomicBoolean sampling = new AtomicBoolean(true);
		Thread sampler = new Thread(() -> {
			while (sampling.get()) {
				peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
				try {
					Thread.sleep(5);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sampler.start();
		long started = System.nanoTime();

		Api.Response submitted = this.api.post(ws + "/analytics/exports", owner.token(),
				Map.of("report", "deals", "format", "csv"));

		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
		String id = submitted.json().path("id").asText();
		assertThat(submitted.header("Location")).isEqualTo(ws + "/analytics/exports/" + id);
		assertThat(submitted.json().path("state").asText()).isIn("QUEUED", "RUNNING");
		assertThat(submitted.json().path("createdBy").asText()).isEqualTo(owner.id().toString());
		List<Integer> progress = new ArrayList<>();
		JsonNode job = submitted.json();
		long deadline = System.currentTimeMillis() + 300_000;
		while (!job.path("state").asText().equals("DONE") && !job.path("state").asText().equals("FAILED")
				&& System.currentTimeMillis() < deadline) {
			job = this.api.get(ws + "/analytics/exports/" + id, owner.token()).json();
			if (job.path("state").asText().equals("RUNNING")) {
				progress.add(job.path("progress").asInt());
			}
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		sampling.set(false);
		sampler.join();
		System.out.printf("100k deals export: %d ms, heap used before %d MB, peak %d MB (whole JVM, sampled)%n", millis,
				before >> 20, peak.get() >> 20);
		assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("DONE");
		assertThat(job.path("progress").asInt()).isEqualTo(100);
		assertThat(job.path("rowsWritten").asLong()).isEqualTo(100_000);
		assertThat(job.path("attempts").asInt()).isEqualTo(1);
		assertThat(progress).as("progress seen while running").anyMatch(p -> p > 0 && p < 100);
		assertThat(progress).as("never falls").isSorted();
		String link = job.path("downloadLink").asText();
		assertThat(link).isEqualTo(ws + "/documents/" + job.path("documentId").asText() + "/versions/1/content");

		HttpResponse<String> download = download(link, owner.token());

		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		String csv = download.body();
		assertThat(csv).startsWith(
				"\uFEFFid,title,customer,stage,value,currency,probability,expected close date," + "owner,created\r\n");
		String[] lines = csv.split("\r\n");
		assertThat(lines).hasSize(100_001);
		BigDecimal sum = BigDecimal.ZERO;
		Map<String, Long> stages = new HashMap<>();
		for (int i = 1; i < lines.length; i++) {
			String[] cells = lines[i].split(",", -1);
			assertThat(cells).hasSize(10);
			sum = sum.add(new BigDecimal(cells[4]));
			stages.merge(cells[3], 1L, Long::sum);
		}
		assertThat(sum).isEqualByComparingTo(expectedSum);
		assertThat(stages).isEqualTo(expectedStages);
		// the document belongs to the export, of the workspace
		JsonNode document = this.api.get(ws + "/documents/" + job.path("documentId").asText(), owner.token()).json();
		assertThat(document.path("objectType").asText()).isEqualTo("report");
		assertThat(document.path("objectId").asText()).isEqualTo(id);
		assertThat(document.path("contentType").asText()).isEqualTo("text/csv;charset=UTF-8");
		// the requester is told, with the download link; the other member is not
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.api.get("/api/notifications?workspaceId=" + org.workspaceId(), owner.token())
				.items()
				.stream()
				.anyMatch(n -> n.path("kind").asText().equals("report.ready")));
		JsonNode told = this.api.get("/api/notifications?workspaceId=" + org.workspaceId(), owner.token())
			.items()
			.stream()
			.filter(n -> n.path("kind").asText().equals("report.ready"))
			.findFirst()
			.orElseThrow();
		assertThat(told.path("link").asText()).isEqualTo(link);
		assertThat(this.api.get("/api/notifications?workspaceId=" + org.workspaceId(), member.token()).items())
			.noneMatch(n -> n.path("kind").asText().startsWith("report."));
		// the member sees the workspace's exports and downloads the file too
		assertThat(this.api.get(ws + "/analytics/exports", member.token()).items())
			.extracting(n -> n.path("id").asText())
			.contains(id);
		assertThat(download(link, member.token()).statusCode()).isEqualTo(200);
	}

	@Test
	void escapesFormulasInTextCellsOfCsvAndXlsxButNotNumbers() throws Exception {
		TestData.User owner = this.data.user("Yerlan");
		TestData.User member = this.data.user("Madina");
		TestData.Org org = this.data.organization(owner, "Formula Trade");
		this.data.join(owner, org.workspaceId(), member, "MEMBER");
		String ws = "/api/workspaces/" + org.workspaceId();
		UUID customer = this.data.customer(owner, org.workspaceId(), "@Customer Cyrillic Алматы");
		String hyperlink = "=HYPERLINK(\"http://evil.example\",\"Click\")";
		for (String title : List.of(hyperlink, "+1+2", "-3", "@SUM(A1)", "Plain, \"quoted\"")) {
			this.data.deal(owner, org.workspaceId(), customer, title, Map.of("value", "1500000.00"));
		}

		// a member (not only managers) exports
		JsonNode csvJob = finished(ws, member, "deals", "csv");
		String csv = download(csvJob.path("downloadLink").asText(), member.token()).body();

		assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",")
			.contains(",'+1+2,")
			.contains(",'-3,")
			.contains(",'@SUM(A1),")
			.contains(",\"Plain, \"\"quoted\"\"\",")
			.contains(",'@Customer Cyrillic Алматы,")
			.contains(",1500000.00,KZT,");

		JsonNode xlsxJob = finished(ws, member, "deals", "xlsx");
		HttpResponse<byte[]> xlsx = this.http
			.send(HttpRequest.newBuilder(URI.create(this.api.baseUrl() + xlsxJob.path("downloadLink").asText()))
				.header("Authorization", "Bearer " + member.token())
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(xlsx.headers().firstValue("Content-Type").orElse(""))
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		Map<String, String> parts = unzip(xlsx.body());
		assertThat(parts).containsKeys("[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml",
				"xl/worksheets/sheet1.xml");
		String sheet = parts.get("xl/worksheets/sheet1.xml");
		// well-formed XML, as a spreadsheet reads it
		DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(sheet.getBytes(StandardCharsets.UTF_8)));
		assertThat(sheet).doesNotContain("<f>")
			.contains("t=\"inlineStr\"><is><t xml:space=\"preserve\">'=HYPERLINK(&quot;http://evil.example&quot;,"
					+ "&quot;Click&quot;)</t></is>")
			.contains("<t xml:space=\"preserve\">'-3</t>")
			.contains("<t xml:space=\"preserve\">'@Customer Cyrillic Алматы</t>")
			// numbers are numeric cells, the creation time a date cell
			.containsPattern("<c r=\"E\\d+\" s=\"4\"><v>1500000.00</v></c>")
			.containsPattern("<c r=\"G\\d+\"><v>\\d+</v></c>")
			.containsPattern("<c r=\"J\\d+\" s=\"2\"><v>\\d+\\.\\d+</v></c>");
		assertThat(sheet.split("<row ")).hasSize(1 + 1 + 5);
		// nobody uploads files to a report
		Api.Response upload = this.api.send("POST", ws + "/documents", owner.token(),
				"--b\r\nContent-Disposition: form-data; name=\"objectType\"\r\n\r\nreport\r\n--b\r\n"
						+ "Content-Disposition: form-data; name=\"objectId\"\r\n\r\n" + csvJob.path("id").asText()
						+ "\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.txt\"\r\n"
						+ "Content-Type: text/plain\r\n\r\nhello\r\n--b--\r\n",
				Map.of("Content-Type", "multipart/form-data; boundary=b"));
		assertThat(upload.status()).as(upload.toString()).isEqualTo(422);
		assertThat(upload.errorFields()).contains("objectType");
	}

	@Test
	void hidesAnotherWorkspacesExports() {
		TestData.User owner = this.data.user("Aigul");
		TestData.Org org = this.data.organization(owner, "Hidden Reports");
		TestData.User other = this.data.user("Nurlan");
		TestData.Org otherOrg = this.data.organization(other, "Curious Reports");
		JsonNode job = finished("/api/workspaces/" + org.workspaceId(), owner, "pipeline", "csv");
		String id = job.path("id").asText();

		Api.Response foreign = this.api.get("/api/workspaces/" + otherOrg.workspaceId() + "/analytics/exports/" + id,
				other.token());
		Api.Response theirs = this.api.get("/api/workspaces/" + org.workspaceId() + "/analytics/exports/" + id,
				other.token());
		Api.Response download = this.api.get("/api/workspaces/" + otherOrg.workspaceId() + "/documents/"
				+ job.path("documentId").asText() + "/versions/1/content", other.token());

		assertThat(foreign.status()).isEqualTo(404);
		assertThat(theirs.status()).isEqualTo(404);
		assertThat(download.status()).isEqualTo(404);
		assertThat(
				this.api.get("/api/workspaces/" + otherOrg.workspaceId() + "/analytics/exports", other.token()).items())
			.isEmpty();
	}

	@Test
	void refusesMoreThanThreeQueuedOrRunningExportsPerWorkspace() {
		TestData.User owner = this.data.user("Daniyar");
		TestData.Org org = this.data.organization(owner, "Busy Reports");
		String ws = "/api/workspaces/" + org.workspaceId();
		// three exports running on another node (their leases are current)
		List<UUID> running = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			UUID id = UUID.randomUUID();
			this.jdbc.update("""
					insert into analytics_report_export (id, workspace_id, report, format, parameters, state,
					    attempts, lease_owner, lease_until, requested_by, created_at, started_at)
					values (?, ?, 'pipeline', 'csv', '{}', 'RUNNING', 1, gen_random_uuid(), now() + interval '1 hour',
					    ?, now(), now())""", id, org.workspaceId(), owner.id());
			running.add(id);
		}
		try {
			Api.Response refused = this.api.post(ws + "/analytics/exports", owner.token(),
					Map.of("report", "pipeline", "format", "csv"));

			assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.header("Retry-After")).isNotBlank();
			assertThat(this.api.get(ws + "/analytics/exports", owner.token()).json().path("total").asInt())
				.isEqualTo(3);
		}
		finally {
			this.jdbc.update(
					"update analytics_report_export set state = 'FAILED', error = 'test', lease_owner = null,"
							+ " lease_until = null, finished_at = now(), notified_at = now() where workspace_id = ?",
					org.workspaceId());
		}
		Api.Response accepted = this.api.post(ws + "/analytics/exports", owner.token(),
				Map.of("report", "pipeline", "format", "csv"));
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
	}

	@Test
	void takesOverAnExportWhoseNodeDiedAndFailsOneThatKeepsDying() {
		TestData.User owner = this.data.user("Askar");
		TestData.Org org = this.data.organization(owner, "Dead Node Trade");
		String ws = "/api/workspaces/" + org.workspaceId();
		UUID customer = this.data.customer(owner, org.workspaceId(), "Survivor Customer");
		this.data.deal(owner, org.workspaceId(), customer, "Survivor deal", Map.of());
		// a node claimed these and died: half written, the lease ran out a minute ago
		UUID taken = deadJob(org.workspaceId(), owner.id(), "deals", 1);
		UUID exhausted = deadJob(org.workspaceId(), owner.id(), "pipeline", ExportJobs.MAX_ATTEMPTS);

		this.worker.dispatch();

		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.api.get(ws + "/analytics/exports/" + taken, owner.token())
				.json()
				.path("state")
				.asText()
				.equals("DONE"));
		JsonNode job = this.api.get(ws + "/analytics/exports/" + taken, owner.token()).json();
		assertThat(job.path("attempts").asInt()).isEqualTo(2);
		assertThat(job.path("rowsWritten").asLong()).isEqualTo(1);
		String csv = download(job.path("downloadLink").asText(), owner.token()).body();
		assertThat(csv.split("\r\n")).hasSize(2);
		assertThat(csv).contains("Survivor deal");
		JsonNode failed = this.api.get(ws + "/analytics/exports/" + exhausted, owner.token()).json();
		assertThat(failed.path("state").asText()).isEqualTo("FAILED");
		assertThat(failed.path("error").asText()).contains("interrupted");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.api.get("/api/notifications?workspaceId=" + org.workspaceId(), owner.token())
				.items()
				.stream()
				.map(n -> n.path("kind").asText())
				.toList()
				.containsAll(List.of("report.ready", "report.failed")));
	}

	private UUID deadJob(UUID workspaceId, UUID requestedBy, String report, int attempts) {
		UUID id = UUID.randomUUID();
		this.jdbc.update("""
				insert into analytics_report_export (id, workspace_id, report, format, parameters, state, progress,
				    rows_written, attempts, lease_owner, lease_until, requested_by, created_at, started_at)
				values (?, ?, ?, 'csv', '{}', 'RUNNING', 40, 400, ?, gen_random_uuid(), now() - interval '1 minute',
				    ?, now() - interval '5 minutes', now() - interval '5 minutes')""", id, workspaceId, report,
				attempts, requestedBy);
		return id;
	}

	private JsonNode finished(String ws, TestData.User by, String report, String format) {
		Api.Response submitted = this.api.post(ws + "/analytics/exports", by.token(),
				Map.of("report", report, "format", format));
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
		String id = submitted.json().path("id").asText();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.api.get(ws + "/analytics/exports/" + id, by.token())
				.json()
				.path("state")
				.asText()
				.matches("DONE|FAILED"));
		JsonNode job = this.api.get(ws + "/analytics/exports/" + id, by.token()).json();
		assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("DONE");
		return job;
	}

	private HttpResponse<String> download(String link, String token) {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create(this.api.baseUrl() + link))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> unzip(byte[] zip) throws IOException {
		Map<String, String> parts = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				parts.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return parts;
	}

	/**
	 * Deals written straight into crm's tables (a fixture, as a bulk load would): 200
	 * customers, the stages in turn, values from 0.25 to 99,900.25, close dates over a
	 * year, one minute apart.
	 */
	private void insertDeals(UUID workspaceId, UUID createdBy, int count) {
		this.jdbc
			.update("""
					insert into crm_customer (id, workspace_id, type, name, created_at, updated_at)
					select gen_random_uuid(), ?, 'COMPANY', 'Customer ' || g, now(), now() from generate_series(0, 199) g""",
					workspaceId);
		this.jdbc.update("""
				insert into crm_deal (id, workspace_id, customer_id, title, value, currency, stage, probability,
				                      expected_close_date, lost_reason, created_by, created_at, updated_at)
				select gen_random_uuid(), ?, c.id, 'Deal ' || g, (g % 1000) * 100 + 0.25, 'KZT',
				       (array['NEW', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST'])[g % 6 + 1],
				       (array[10, 30, 50, 70, 100, 0])[g % 6 + 1], date '2026-01-01' + (g % 365),
				       case when g % 6 = 5 then 'Too expensive' end, ?,
				       timestamptz '2025-01-01 00:00+05' + g * interval '1 minute', now()
				  from generate_series(1, ?) g
				  join (select id, row_number() over (order by id) - 1 n from crm_customer where workspace_id = ?) c
				    on c.n = g % 200""", workspaceId, createdBy, count, workspaceId);
	}

}
