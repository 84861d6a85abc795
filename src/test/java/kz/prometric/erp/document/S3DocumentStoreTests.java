package kz.prometric.erp.document;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.Properties;
import java.util.UUID;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
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

	static final String ACCESS = "prometric-test-access";

	static final String SECRET = "prometric-test-secret-" + UUID.randomUUID();

	static BlobStoreContext blobs;

	static S3Proxy proxy;

	static String endpoint;

	private String bucket;

	private S3DocumentStore store;

	@BeforeAll
	static void startServer() throws Exception {
		blobs = ContextBuilder.newBuilder("transient")
			.credentials("identity", "credential")
			.overrides(new Properties())
			.build(BlobStoreContext.class);
		proxy = S3Proxy.builder()
			.blobStore(blobs.getBlobStore())
			.awsAuthentication(AuthenticationType.AWS_V4, ACCESS, SECRET)
			.endpoint(URI.create("http://127.0.0.1:0"))
			.build();
		proxy.start();
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!"STARTED".equals(proxy.getState())) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
			}
			Thread.sleep(10);
		}
		endpoint = "http://127.0.0.1:" + proxy.getPort();
	}

	@AfterAll
	static void stopServer() throws Exception {
		if (proxy != null) {
			proxy.stop();
		}
		if (blobs != null) {
			blobs.close();
		}
	}

	@BeforeEach
	void open() {
		this.bucket = "documents-" + UUID.randomUUID().toString().substring(0, 8);
		BlobStore blobStore = blobs.getBlobStore();
		blobStore.createContainerInLocation(null, this.bucket);
		this.store = S3DocumentStore.open(settings(this.bucket, ACCESS, SECRET));
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
		return new S3DocumentStore.Settings(bucket, endpoint, "", access, secret, true);
	}

	@Test
	void theContentIsAnObjectOfTheBucketUnderItsKey() throws Exception {
		String key = UUID.randomUUID().toString();
		put(key, new byte[] { 1, 2, 3 });
		assertThat(blobs.getBlobStore().blobExists(this.bucket, key)).isTrue();
		assertThat(blobs.getBlobStore().getBlob(this.bucket, key).getPayload().openStream().readAllBytes())
			.containsExactly(1, 2, 3);
	}

	@Test
	void aMissingBucketFailsTheStartNamingTheSetting() {
		assertThatIllegalStateException()
			.isThrownBy(() -> S3DocumentStore.open(settings("no-such-bucket", ACCESS, SECRET)))
			.withMessageContaining("prometric.documents.s3.bucket")
			.withMessageContaining("no-such-bucket")
			.withMessageContaining("does not exist");
	}

	@Test
	void aWrongSecretFailsTheStartNamingTheKeys() {
		assertThatIllegalStateException()
			.isThrownBy(() -> S3DocumentStore.open(settings(this.bucket, ACCESS, "wrong-secret")))
			.withMessageContaining("prometric.documents.s3.access-key")
			.withMessageContaining("secret-key");
	}

	@Test
	void incompleteSettingsFailTheStartNamingTheSetting() {
		assertThatIllegalStateException().isThrownBy(() -> S3DocumentStore.open(settings(this.bucket, ACCESS, "")))
			.withMessageContaining("prometric.documents.s3.secret-key");
		assertThatIllegalStateException().isThrownBy(() -> S3DocumentStore.open(settings(this.bucket, "", SECRET)))
			.withMessageContaining("prometric.documents.s3.access-key");
		assertThatIllegalStateException().isThrownBy(
				() -> S3DocumentStore.open(new S3DocumentStore.Settings(this.bucket, "", " ", ACCESS, SECRET, false)))
			.withMessageContaining("prometric.documents.s3.region");
		assertThatIllegalStateException()
			.isThrownBy(() -> S3DocumentStore
				.open(new S3DocumentStore.Settings(this.bucket, "ftp://example.org", "", ACCESS, SECRET, false)))
			.withMessageContaining("prometric.documents.s3.endpoint");
	}

	@Test
	void anUnreachableEndpointFailsTheStartNamingTheSetting() {
		assertThatIllegalStateException()
			.isThrownBy(() -> S3DocumentStore
				.open(new S3DocumentStore.Settings(this.bucket, "http://127.0.0.1:1", "", ACCESS, SECRET, true)))
			.withMessageContaining("prometric.documents.s3.endpoint");
	}

}
