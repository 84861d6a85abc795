package kz.prometric.erp.document;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The S3 store against the {@link DocumentStoreContract}, on a real S3-compatible server
 * in this JVM: S3Proxy on 127.0.0.1 (a random port) over jclouds' in-memory
 * ({@code transient}) blob store, requiring AWS signature V4 with an access and a secret
 * key. Also the start-up checks of the settings.
 */
class S3DocumentStoreTests extends DocumentStoreContract {

	static S3ProxyServer server;

	private String bucket;

	private S3DocumentStore store;

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
	void open() {
		this.bucket = server.bucket();
		this.store = server.store(this.bucket);
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	@Override
	DocumentStore store() {
		return this.store;
	}

	static S3DocumentStore.Settings settings(String bucket, String access, String secret) {
		return server.settings(bucket, access, secret);
	}

	@Test
	void theContentIsAnObjectOfTheBucketUnderItsKey() throws Exception {
		String key = UUID.randomUUID().toString();
		put(key, new byte[] { 1, 2, 3 });
		assertThat(server.blobs().blobExists(this.bucket, key)).isTrue();
		assertThat(server.blobs().getBlob(this.bucket, key).getPayload().openStream().readAllBytes()).containsExactly(1,
				2, 3);
	}

	@Test
	void aMissingBucketFailsTheStartNamingTheSetting() {
		assertThatIllegalStateException()
			.isThrownBy(() -> S3DocumentStore.open(settings("no-such-bucket", S3ProxyServer.ACCESS, server.secret)))
			.withMessageContaining("prometric.documents.s3.bucket")
			.withMessageContaining("no-such-bucket")
			.withMessageContaining("does not exist");
	}

	@Test
	void aWrongSecretFailsTheStartNamingTheKeys() {
		assertThatIllegalStateException()
			.isThrownBy(() -> S3DocumentStore.open(settings(this.bucket, S3ProxyServer.ACCESS, "wrong-secret")))
			.withMessageContaining("prometric.documents.s3.access-key")
			.withMessageContaining("secret-key");
	}

	@Test
	void incompleteSettingsFailTheStartNamingTheSetting() {
		assertThatIllegalStateException()
			.isThrownBy(() -> S3DocumentStore.open(settings(this.bucket, S3ProxyServer.ACCESS, "")))
			.withMessageContaining("prometric.documents.s3.secret-key");
		assertThatIllegalStateException()
			.isThrownBy(() -> S3DocumentStore.open(settings(this.bucket, "", server.secret)))
			.withMessageContaining("prometric.documents.s3.access-key");
		assertThatIllegalStateException()
			.isThrownBy(() -> S3DocumentStore
				.open(new S3DocumentStore.Settings(this.bucket, "", " ", S3ProxyServer.ACCESS, server.secret, false)))
			.withMessageContaining("prometric.documents.s3.region");
		assertThatIllegalStateException()
			.isThrownBy(() -> S3DocumentStore.open(new S3DocumentStore.Settings(this.bucket, "ftp://example.org", "",
					S3ProxyServer.ACCESS, server.secret, false)))
			.withMessageContaining("prometric.documents.s3.endpoint");
	}

	@Test
	void anUnreachableEndpointFailsTheStartNamingTheSetting() {
		assertThatIllegalStateException()
			.isThrownBy(() -> S3DocumentStore.open(new S3DocumentStore.Settings(this.bucket, "http://127.0.0.1:1", "",
					S3ProxyServer.ACCESS, server.secret, true)))
			.withMessageContaining("prometric.documents.s3.endpoint");
	}

}
