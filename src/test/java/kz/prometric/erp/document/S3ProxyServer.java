package kz.prometric.erp.document;

import java.net.URI;
import java.util.Properties;
import java.util.UUID;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3-compatible server in the test's JVM: S3Proxy on 127.0.0.1 (a random port)
 * over jclouds' in-memory ({@code transient}) blob store, requiring AWS signature V4 with
 * an access and a secret key.
 */
final class S3ProxyServer implements AutoCloseable {

	static final String ACCESS = "prometric-test-access";

	final String secret = "prometric-test-secret-" + UUID.randomUUID();

	private final BlobStoreContext blobs;

	private final S3Proxy proxy;

	final String endpoint;

	S3ProxyServer() throws Exception {
		this.blobs = ContextBuilder.newBuilder("transient")
			.credentials("identity", "credential")
			.overrides(new Properties())
			.build(BlobStoreContext.class);
		this.proxy = S3Proxy.builder()
			.blobStore(this.blobs.getBlobStore())
			.awsAuthentication(AuthenticationType.AWS_V4, ACCESS, this.secret)
			.endpoint(URI.create("http://127.0.0.1:0"))
			.build();
		this.proxy.start();
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!"STARTED".equals(this.proxy.getState())) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("S3Proxy did not start: " + this.proxy.getState());
			}
			Thread.sleep(10);
		}
		this.endpoint = "http://127.0.0.1:" + this.proxy.getPort();
	}

	/** The server's blobs, to look at what a store did, not through the store. */
	BlobStore blobs() {
		return this.blobs.getBlobStore();
	}

	/** A new empty bucket. */
	String bucket() {
		String bucket = "documents-" + UUID.randomUUID().toString().substring(0, 8);
		blobs().createContainerInLocation(null, bucket);
		return bucket;
	}

	S3DocumentStore.Settings settings(String bucket, String access, String secret) {
		return new S3DocumentStore.Settings(bucket, this.endpoint, "", access, secret, true);
	}

	S3DocumentStore store(String bucket) {
		return S3DocumentStore.open(settings(bucket, ACCESS, this.secret));
	}

	@Override
	public void close() throws Exception {
		this.proxy.stop();
		this.blobs.close();
	}

}
