package kz.prometric.erp.document;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents through the REST API on the real database and the folder store: versions,
 * types told from the bytes, limits, names, tenancy, roles and the soft delete's audit.
 */
@ErpIntegrationTest
class DocumentApiTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
			0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0 };

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	TestData.User owner;

	TestData.User member;

	TestData.User colleague;

	TestData.Org org;

	UUID deal;

	@BeforeEach
	void setUp() {
		this.owner = this.data.user("Saule");
		this.org = this.data.organization(this.owner, "Saule Print");
		this.member = this.data.user("Marat");
		this.data.join(this.owner, this.org.workspaceId(), this.member, "MEMBER");
		this.colleague = this.data.user("Nurlan");
		this.data.join(this.owner, this.org.workspaceId(), this.colleague, "MEMBER");
		UUID customer = this.data.customer(this.owner, this.org.workspaceId(), "Print Buyer LLP");
		this.deal = UUID.fromString(
				this.data.deal(this.owner, this.org.workspaceId(), customer, "Posters", Map.of()).path("id").asText());
	}

	@Test
	void keepsEveryVersionDownloadableWithItsOwnBytesAndType() throws Exception {
		Api.Response first = upload(this.member, attachTo("deal", this.deal, "contract"), "contract.pdf", PDF);
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		String id = first.json().path("id").asText();
		assertThat(first.header("Location")).isEqualTo(ws() + "/documents/" + id);
		assertThat(first.json().path("latestVersion").asInt()).isEqualTo(1);
		assertThat(first.json().path("kind").asText()).isEqualTo("contract");

		Api.Response second = upload(this.colleague, Map.of("documentId", id), "contract-signed.png", PNG);

		assertThat(second.status()).as(second.toString()).isEqualTo(201);
		assertThat(second.json().path("id").asText()).isEqualTo(id);
		JsonNode document = this.api.get(ws() + "/documents/" + id, this.owner.token()).json();
		assertThat(document.path("latestVersion").asInt()).isEqualTo(2);
		assertThat(document.path("versions").findValuesAsText("version")).containsExactly("1", "2");
		assertThat(document.path("versions").findValuesAsText("contentType")).containsExactly("application/pdf",
				"image/png");
		assertThat(document.path("versions").get(0).path("sha256").asText()).isEqualTo(sha256(PDF));
		assertThat(document.path("versions").get(1).path("uploadedBy").asText())
			.isEqualTo(this.colleague.id().toString());
		assertThat(document.path("history").findValuesAsText("action")).containsExactly("UPLOADED", "VERSION_ADDED");

		Uploads.Download v1 = download(this.owner, id, "1");
		Uploads.Download v2 = download(this.member, id, "2");
		assertThat(v1.status()).isEqualTo(200);
		assertThat(v1.bytes()).isEqualTo(PDF);
		assertThat(v1.header("Content-Type")).isEqualTo("application/pdf");
		assertThat(v1.header("Content-Disposition"))
			.isEqualTo("attachment; filename=\"contract.pdf\"; filename*=UTF-8''contract.pdf");
		assertThat(v1.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(v2.bytes()).isEqualTo(PNG);
		assertThat(v2.header("Content-Type")).isEqualTo("image/png");
		assertThat(download(this.owner, id, "3").status()).isEqualTo(404);
		assertThat(download(this.owner, id, "latest").status()).isEqualTo(404);
		Api.Response listed = this.api.get(ws() + "/documents?objectType=deal&objectId=" + this.deal,
				this.member.token());
		assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
		assertThat(listed.itemValues("id")).containsExactly(id);
		assertThat(listed.json().path("total").asInt()).isEqualTo(1);
	}

	@Test
	void tellsTheTypeFromTheBytesNotFromTheName() {
		Api.Response png = upload(this.member, attachTo("deal", this.deal, null), "scan.pdf", PNG);
		Api.Response csv = upload(this.member, attachTo("deal", this.deal, null), "prices.csv",
				"code;name;price\nP-1;Плёнка;100\n".getBytes(StandardCharsets.UTF_8));
		Api.Response text = upload(this.member, attachTo("deal", this.deal, null), "notes.html",
				"Қазақша мәтін, not markup\n".getBytes(StandardCharsets.UTF_8));
		Api.Response docx = upload(this.member, attachTo("deal", this.deal, null), "offer.bin",
				zip("[Content_Types].xml", "word/document.xml"));
		Api.Response xlsx = upload(this.member, attachTo("deal", this.deal, null), "calc.xlsx",
				zip("[Content_Types].xml", "xl/workbook.xml"));

		assertThat(png.json().path("contentType").asText()).isEqualTo("image/png");
		assertThat(png.json().path("fileName").asText()).isEqualTo("scan.png");
		assertThat(csv.json().path("contentType").asText()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(text.json().path("contentType").asText()).isEqualTo("text/plain;charset=UTF-8");
		assertThat(text.json().path("fileName").asText()).isEqualTo("notes.txt");
		assertThat(docx.json().path("contentType").asText())
			.isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(docx.json().path("fileName").asText()).isEqualTo("offer.docx");
		assertThat(xlsx.json().path("contentType").asText())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

	@ParameterizedTest
	@ValueSource(strings = { "html", "svg", "exe", "elf", "binary", "zip", "macro", "script", "latin1" })
	void refusesFilesThatAreNoAcceptedDocumentNamingTheFile(String kind) throws Exception {
		byte[] content = switch (kind) {
			case "html" -> "  <!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
			case "svg" ->
				"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
			case "exe" -> concat("MZ".getBytes(StandardCharsets.US_ASCII), new byte[] { (byte) 0x90, 0, 3, 0, 0, 0 });
			case "elf" -> new byte[] { 0x7F, 'E', 'L', 'F', 2, 1, 1, 0 };
			case "binary" -> new byte[] { 1, 2, 3, 0, 0, (byte) 0xFF, 0x10 };
			case "zip" -> zip("readme.txt");
			case "macro" -> zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin");
			case "script" -> "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8);
			default -> "Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
		};

		Api.Response response = upload(this.member, attachTo("deal", this.deal, null), "harmless.pdf", content);

		assertProblem(response, 422);
		assertThat(response.errorFields()).containsExactly("file");
		assertThat(documentsOf(this.deal)).isZero();
	}

	@Test
	void refusesAnEmptyFileAndAMissingOne() {
		Api.Response empty = upload(this.member, attachTo("deal", this.deal, null), "empty.txt", new byte[0]);
		Api.Response missing = upload(this.member, attachTo("deal", this.deal, null), null, null);

		assertProblem(empty, 422);
		assertThat(empty.errorFields()).containsExactly("file");
		assertProblem(missing, 422);
		assertThat(missing.errorFields()).containsExactly("file");
		assertThat(documentsOf(this.deal)).isZero();
	}

	@Test
	void refusesAFileOverTheLimitWith413AndTakesOneAtTheLimit() {
		// the test profile's limit: prometric.documents.max-size 2MB, max-request-size
		// 3MB
		byte[] atLimit = new byte[2 * 1024 * 1024];
		java.util.Arrays.fill(atLimit, (byte) 'a');
		byte[] overLimit = new byte[2 * 1024 * 1024 + 1];
		java.util.Arrays.fill(overLimit, (byte) 'a');
		byte[] overRequest = new byte[3 * 1024 * 1024 + 10];
		java.util.Arrays.fill(overRequest, (byte) 'a');

		Api.Response taken = upload(this.member, attachTo("deal", this.deal, null), "big.txt", atLimit);
		Api.Response tooLarge = upload(this.member, attachTo("deal", this.deal, null), "bigger.txt", overLimit);
		Api.Response requestTooLarge = upload(this.member, attachTo("deal", this.deal, null), "biggest.txt",
				overRequest);

		assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
		assertThat(taken.json().path("versions").get(0).path("size").asLong()).isEqualTo(atLimit.length);
		assertProblem(tooLarge, 413);
		assertProblem(requestTooLarge, 413);
		assertThat(documentsOf(this.deal)).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "wrong-boundary", "truncated", "no-boundary", "json", "garbage" })
	void answersABrokenMultipartWithAProblemNot500(String kind) {
		String boundary = "----prometric-broken";
		byte[] whole = Uploads.body(boundary, Map.of("objectType", "deal", "objectId", this.deal.toString()), "a.txt",
				"hello".getBytes(StandardCharsets.UTF_8));
		String contentType = "multipart/form-data; boundary=" + boundary;
		byte[] body = whole;
		switch (kind) {
			case "wrong-boundary" -> contentType = "multipart/form-data; boundary=----other";
			case "truncated" -> body = java.util.Arrays.copyOf(whole, whole.length - 20);
			case "no-boundary" -> contentType = "multipart/form-data";
			case "json" -> {
				contentType = "application/json";
				body = "{\"objectType\":\"deal\"}".getBytes(StandardCharsets.UTF_8);
			}
			default -> body = new byte[] { 0, 1, 2, 3, (byte) 0xFF };
		}

		Api.Response response = Uploads.send(this.api, this.member.token(), ws() + "/documents", contentType, body);

		assertThat(response.status()).as(response.toString()).isBetween(400, 499);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text()).doesNotContain("Exception").doesNotContain("at kz.");
		assertThat(documentsOf(this.deal)).isZero();
	}

	@Test
	void keepsOnlyASafeFileNameAndLettersOfEveryScript() {
		Api.Response traversal = upload(this.member, attachTo("deal", this.deal, null), "../../etc/passwd",
				"root:x:0:0\n".getBytes(StandardCharsets.UTF_8));
		Api.Response kazakh = upload(this.member, attachTo("deal", this.deal, null), "Шарт қазақша №5.pdf", PDF);
		Api.Response device = upload(this.member, attachTo("deal", this.deal, null), "CON.pdf", PDF);
		String boundary = "----prometric-crlf";
		byte[] crlf = Uploads.body(boundary, attachTo("deal", this.deal, null), null, null);
		String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
				+ "filename*=UTF-8''report%0D%0AX-Injected%3A%201%22%3B.pdf\r\n"
				+ "Content-Type: application/pdf\r\n\r\n";
		byte[] withFile = concat(concat(part.getBytes(StandardCharsets.US_ASCII), PDF),
				("\r\n" + new String(crlf, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII));
		Api.Response injected = Uploads.send(this.api, this.member.token(), ws() + "/documents",
				"multipart/form-data; boundary=" + boundary, withFile);

		assertThat(traversal.json().path("fileName").asText()).isEqualTo("passwd.txt");
		assertThat(kazakh.json().path("fileName").asText()).isEqualTo("Шарт қазақша №5.pdf");
		assertThat(device.json().path("fileName").asText()).isEqualTo("_CON.pdf");
		assertThat(injected.status()).as(injected.toString()).isEqualTo(201);
		String injectedName = injected.json().path("fileName").asText();
		assertThat(injectedName).doesNotContain("\r", "\n", "\"", ":").endsWith(".pdf");
		Uploads.Download download = download(this.owner, kazakh.json().path("id").asText(), "1");
		assertThat(download.header("Content-Disposition"))
			.isEqualTo("attachment; filename=\"____ _______ _5.pdf\"; filename*=UTF-8''"
					+ "%D0%A8%D0%B0%D1%80%D1%82%20%D2%9B%D0%B0%D0%B7%D0%B0%D2%9B%D1%88%D0%B0%20%E2%84%965.pdf");
		Uploads.Download injectedDownload = download(this.owner, injected.json().path("id").asText(), "1");
		assertThat(injectedDownload.headers().keySet()).noneMatch(h -> h.equalsIgnoreCase("X-Injected"));
	}

	@Test
	void hidesAnotherWorkspacesDocumentsAndObjects() {
		TestData.User stranger = this.data.user("Yerlan");
		TestData.Org other = this.data.organization(stranger, "Yerlan Trade");
		String id = upload(this.member, attachTo("deal", this.deal, "contract"), "contract.pdf", PDF).json()
			.path("id")
			.asText();
		String otherWs = "/api/workspaces/" + other.workspaceId();

		Api.Response attachToOurs = Uploads.upload(this.api, stranger.token(), other.workspaceId(),
				attachTo("deal", this.deal, null), "grab.pdf", PDF);
		Api.Response readFromTheirs = this.api.get(otherWs + "/documents/" + id, stranger.token());
		Api.Response readFromOurs = this.api.get(ws() + "/documents/" + id, stranger.token());
		Api.Response newVersion = Uploads.upload(this.api, stranger.token(), other.workspaceId(),
				Map.of("documentId", id), "v2.pdf", PDF);
		Api.Response contentFromTheirs = this.api.get(otherWs + "/documents/" + id + "/versions/1/content",
				stranger.token());
		Api.Response deleteFromTheirs = this.api.delete(otherWs + "/documents/" + id, stranger.token());
		Api.Response unknownDeal = upload(this.member, attachTo("deal", UUID.randomUUID(), null), "a.pdf", PDF);
		Api.Response wrongType = upload(this.member, attachTo("customer", this.deal, null), "a.pdf", PDF);

		for (Api.Response response : List.of(attachToOurs, readFromTheirs, readFromOurs, newVersion, contentFromTheirs,
				deleteFromTheirs, unknownDeal, wrongType)) {
			assertProblem(response, 404);
			assertThat(response.text()).doesNotContain("contract.pdf");
		}
		assertThat(this.api.get(otherWs + "/documents", stranger.token()).json().path("total").asInt()).isZero();
		assertThat(this.api.get(ws() + "/documents/" + id, this.owner.token()).json().path("latestVersion").asInt())
			.isEqualTo(1);
	}

	@Test
	void refusesBadFieldsNamingThem() {
		assertThat(
				upload(this.member, Map.of("objectType", "spaceship", "objectId", this.deal.toString()), "a.pdf", PDF)
					.errorFields())
			.containsExactly("objectType");
		assertThat(upload(this.member, Map.of("objectType", "deal", "objectId", "42"), "a.pdf", PDF).errorFields())
			.containsExactly("objectId");
		assertThat(upload(this.member, attachTo("deal", this.deal, "poem"), "a.pdf", PDF).errorFields())
			.containsExactly("kind");
		assertThat(upload(this.member, Map.of("documentId", "x"), "a.pdf", PDF).errorFields())
			.containsExactly("documentId");
		Api.Response list = this.api.get(ws() + "/documents?objectId=" + this.deal, this.member.token());
		assertProblem(list, 400);
		assertThat(list.errorFields()).containsExactly("objectType");
		assertThat(this.api.get(ws() + "/documents?size=101", this.member.token()).errorFields())
			.containsExactly("size");
	}

	@Test
	void deletesSoftlyByTheUploaderOrAnAdminAndAuditsIt() {
		String id = upload(this.member, attachTo("deal", this.deal, null), "memo.txt",
				"memo\n".getBytes(StandardCharsets.UTF_8))
			.json()
			.path("id")
			.asText();
		String other = upload(this.member, attachTo("deal", this.deal, null), "memo2.txt",
				"memo 2\n".getBytes(StandardCharsets.UTF_8))
			.json()
			.path("id")
			.asText();

		Api.Response byColleague = this.api.delete(ws() + "/documents/" + id, this.colleague.token());
		assertProblem(byColleague, 403);
		Api.Response byUploader = this.api.delete(ws() + "/documents/" + id, this.member.token());
		Api.Response byOwner = this.api.delete(ws() + "/documents/" + other, this.owner.token());

		assertThat(byUploader.status()).as(byUploader.toString()).isEqualTo(204);
		assertThat(byOwner.status()).as(byOwner.toString()).isEqualTo(204);
		assertProblem(this.api.get(ws() + "/documents/" + id, this.member.token()), 404);
		assertThat(download(this.member, id, "1").status()).isEqualTo(404);
		assertProblem(this.api.delete(ws() + "/documents/" + id, this.member.token()), 404);
		assertProblem(Uploads.upload(this.api, this.member.token(), this.org.workspaceId(), Map.of("documentId", id),
				"again.txt", "again\n".getBytes(StandardCharsets.UTF_8)), 404);
		assertThat(documentsOf(this.deal)).isZero();
		List<Map<String, Object>> audit = this.jdbc
			.queryForList("select action, actor_id, document_version from doc_document_audit where document_id = ? "
					+ "order by occurred_at, id", UUID.fromString(id));
		assertThat(audit).extracting(row -> row.get("action")).containsExactly("UPLOADED", "DELETED");
		assertThat(audit.get(1).get("actor_id")).isEqualTo(this.member.id());
		Map<String, Object> row = this.jdbc.queryForMap(
				"select deleted_by, deleted_at is not null as deleted from doc_document where id = ?",
				UUID.fromString(other));
		assertThat(row.get("deleted_by")).isEqualTo(this.owner.id());
		assertThat(row.get("deleted")).isEqualTo(true);
	}

	private Map<String, String> attachTo(String type, UUID id, String kind) {
		return (kind == null) ? Map.of("objectType", type, "objectId", id.toString())
				: Map.of("objectType", type, "objectId", id.toString(), "kind", kind);
	}

	private Api.Response upload(TestData.User user, Map<String, String> fields, String fileName, byte[] content) {
		return Uploads.upload(this.api, user.token(), this.org.workspaceId(), fields, fileName, content);
	}

	private Uploads.Download download(TestData.User user, String id, String version) {
		return Uploads.download(this.api, user.token(),
				ws() + "/documents/" + id + "/versions/" + version + "/content");
	}

	private int documentsOf(UUID deal) {
		return this.api.get(ws() + "/documents?objectType=deal&objectId=" + deal, this.owner.token())
			.json()
			.path("total")
			.asInt();
	}

	private String ws() {
		return "/api/workspaces/" + this.org.workspaceId();
	}

	private static void assertProblem(Api.Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	static byte[] zip(String... entries) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (ZipOutputStream zip = new ZipOutputStream(out)) {
				for (String entry : entries) {
					zip.putNextEntry(new ZipEntry(entry));
					zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
					zip.closeEntry();
				}
			}
			return out.toByteArray();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] concat(byte[] a, byte[] b) {
		byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

}
