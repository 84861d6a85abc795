package kz.prometric.erp.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import kz.prometric.erp.workflow.WorkspaceDefinitions;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document module on an S3 bucket end to end, in the one application context of the
 * tests: a {@link DocumentManagement} built like the application's bean, with the
 * application's repositories, engine and workspaces, but an {@link S3DocumentStore} on
 * S3Proxy (see {@link S3ProxyServer}) instead of the folder. Uploads, versions, the
 * checksum and size recorded in the database, reading the content back, and a rolled back
 * upload leaving no object in the bucket.
 */
@ErpIntegrationTest
class S3DocumentManagementTests {

	static final byte[] PDF = DocumentApiTests.PDF;

	static S3ProxyServer server;

	@Autowired
	TestData data;

	@Autowired
	Documents documents;

	@Autowired
	DocumentVersions versions;

	@Autowired
	DocumentAudits audits;

	@Autowired
	WorkspaceManagement workspaces;

	@Autowired
	IdentityManagement identity;

	@Autowired
	WorkspaceDefinitions definitions;

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@Autowired
	List<DocumentTargets> targets;

	@Autowired
	PlatformTransactionManager transactions;

	String bucket;

	S3DocumentStore store;

	DocumentManagement management;

	TransactionTemplate tx;

	TestData.User owner;

	TestData.Org org;

	UUID deal;

	@BeforeAll
	static void startServer() throws Exception {
		server = new S3ProxyServer();
	}

	@AfterAll
	static void stopServer() throws Exception {
		if (server != null) {
			server.close();
		}
	}

	@BeforeEach
	void setUp() {
		this.bucket = server.bucket();
		this.store = server.store(this.bucket);
		this.management = new DocumentManagement(this.documents, this.versions, this.audits, this.store,
				this.workspaces, this.identity, this.definitions, this.runtime, this.jdbc, this.clock, this.targets,
				DataSize.ofMegabytes(20));
		this.tx = new TransactionTemplate(this.transactions);
		this.owner = this.data.user("Aigerim");
		this.org = this.data.organization(this.owner, "Aigerim Storage");
		UUID customer = this.data.customer(this.owner, this.org.workspaceId(), "Bucket Buyer LLP");
		this.deal = UUID.fromString(
				this.data.deal(this.owner, this.org.workspaceId(), customer, "Archive", Map.of()).path("id").asText());
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void uploadsVersionsAndReadsThemBackFromTheBucket() throws Exception {
		DocumentView first = this.tx.execute((status) -> this.management.upload(this.org.workspaceId(), this.owner.id(),
				upload(null, "contract.pdf", PDF)));
		byte[] second = "second version, signed\n".getBytes(StandardCharsets.UTF_8);
		DocumentView both = this.tx.execute((status) -> this.management.upload(this.org.workspaceId(), this.owner.id(),
				upload(first.id().toString(), "contract-signed.txt", second)));
		assertThat(both.latestVersion()).isEqualTo(2);

		List<DocumentVersion> stored = this.versions.findByDocumentIdOrderByVersion(first.id());
		assertThat(stored).hasSize(2);
		// each version is an object of the bucket under its random key, with the recorded
		// size and SHA-256
		for (DocumentVersion version : stored) {
			assertThat(server.blobs().blobExists(this.bucket, version.storageKey())).isTrue();
			try (InputStream in = server.blobs().getBlob(this.bucket, version.storageKey()).getPayload().openStream()) {
				byte[] bytes = in.readAllBytes();
				assertThat((long) bytes.length).isEqualTo(version.sizeBytes());
				assertThat(DocumentStoreContract.sha256(new ByteArrayInputStream(bytes))).isEqualTo(version.sha256());
			}
		}
		assertThat(server.blobs().list(this.bucket)).hasSize(2);

		assertThat(content(first.id(), "1")).isEqualTo(PDF);
		assertThat(content(first.id(), "2")).isEqualTo(second);
	}

	@Test
	void aRolledBackUploadLeavesNoObjectInTheBucket() {
		this.tx.execute((status) -> {
			this.management.upload(this.org.workspaceId(), this.owner.id(), upload(null, "draft.pdf", PDF));
			assertThat(server.blobs().list(this.bucket)).hasSize(1);
			status.setRollbackOnly();
			return null;
		});
		assertThat(server.blobs().list(this.bucket)).isEmpty();
	}

	private byte[] content(UUID documentId, String version) {
		return this.tx.execute((status) -> {
			DocumentContent content = this.management.content(this.org.workspaceId(), this.owner.id(), documentId,
					version);
			try (InputStream in = content.content()) {
				return in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private DocumentManagement.Upload upload(String documentId, String name, byte[] bytes) {
		UploadedFile file = new UploadedFile(name, bytes.length, new ByteArrayResource(bytes));
		return (documentId != null) ? new DocumentManagement.Upload(null, null, null, documentId, file)
				: new DocumentManagement.Upload("deal", this.deal.toString(), "contract", null, file);
	}

}
