package kz.prometric.erp.document;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A {@link DocumentStore} on an S3-compatible bucket (AWS S3, MinIO, Ceph, Yandex Object
 * Storage, …): the content of key {@code 3f2a…} is the object {@code 3f2a…} of the
 * bucket. A put streams the content in one {@code PutObject} request of the announced
 * length (never held in memory) with its {@code Content-MD5}, which the server verifies,
 * so an object exists whole or not at all. Keys must be UUIDs (chosen by the ERP). A get
 * of a missing key throws {@link NoSuchFileException} like the folder store; other
 * failures are {@link IOException}s naming the bucket.
 */
class S3DocumentStore implements DocumentStore, AutoCloseable {

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	/** The region used with an endpoint when none is set (most S3-compatible servers). */
	static final String DEFAULT_REGION_WITH_ENDPOINT = "us-east-1";

	private final S3Client client;

	private final String bucket;

	S3DocumentStore(S3Client client, String bucket) {
		this.client = client;
		this.bucket = bucket;
	}

	/**
	 * The settings {@code prometric.documents.s3.*}: {@code bucket} (required),
	 * {@code endpoint} (for S3-compatible servers; AWS when blank), {@code region}
	 * (required without an endpoint), {@code accessKey} and {@code secretKey} (both or
	 * neither: the AWS default credentials chain then), {@code pathStyle}
	 * ({@code https://host/bucket/key} instead of {@code https://bucket.host/key}).
	 */
	record Settings(String bucket, String endpoint, String region, String accessKey, String secretKey,
			boolean pathStyle) {

		boolean configured() {
			return present(this.bucket);
		}

	}

	/**
	 * A store for the settings, checked before it is used: refuses incomplete settings
	 * and a bucket that is missing or not accessible with the credentials, with a message
	 * naming the setting to fix.
	 */
	static S3DocumentStore open(Settings settings) {
		if (!settings.configured()) {
			throw new IllegalStateException("prometric.documents.s3.bucket is not set");
		}
		// the content is verified with Content-MD5, which every S3-compatible server
		// checks;
		// no flexible checksums (a CRC32 in an aws-chunked trailer by default), which
		// many
		// do not implement (S3Proxy 2.6.0 answers 501, gaul/s3proxy#795)
		S3ClientBuilder builder = S3Client.builder()
			.forcePathStyle(settings.pathStyle())
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		String where;
		if (present(settings.endpoint())) {
			URI endpoint;
			try {
				endpoint = URI.create(settings.endpoint().trim());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("prometric.documents.s3.endpoint is not a URL: " + settings.endpoint()
						+ " (" + ex.getMessage() + ")");
			}
			if (endpoint.getScheme() == null || endpoint.getHost() == null
					|| !(endpoint.getScheme().equals("https") || endpoint.getScheme().equals("http"))) {
				throw new IllegalStateException(
						"prometric.documents.s3.endpoint must be an http(s) URL, not " + settings.endpoint());
			}
			builder.endpointOverride(endpoint);
			builder.region(
					Region.of(present(settings.region()) ? settings.region().trim() : DEFAULT_REGION_WITH_ENDPOINT));
			where = endpoint.toString();
		}
		else {
			if (!present(settings.region())) {
				throw new IllegalStateException("prometric.documents.s3.region must be set for bucket "
						+ settings.bucket() + " on AWS (or set prometric.documents.s3.endpoint)");
			}
			builder.region(Region.of(settings.region().trim()));
			where = "AWS region " + settings.region().trim();
		}
		builder.credentialsProvider(credentials(settings));
		S3Client client = builder.build();
		String bucket = settings.bucket().trim();
		try {
			client.headBucket((request) -> request.bucket(bucket));
		}
		catch (NoSuchBucketException ex) {
			client.close();
			throw new IllegalStateException("prometric.documents.s3.bucket: the bucket " + bucket
					+ " does not exist at " + where + "; create it first", ex);
		}
		catch (S3Exception ex) {
			client.close();
			if (ex.statusCode() == 404) {
				throw new IllegalStateException("prometric.documents.s3.bucket: the bucket " + bucket
						+ " does not exist at " + where + "; create it first", ex);
			}
			if (ex.statusCode() == 403 || ex.statusCode() == 401) {
				throw new IllegalStateException("prometric.documents.s3.bucket: the bucket " + bucket + " at " + where
						+ " refuses these credentials (HTTP " + ex.statusCode()
						+ "); check prometric.documents.s3.access-key and secret-key", ex);
			}
			throw new IllegalStateException("prometric.documents.s3.bucket: the bucket " + bucket + " at " + where
					+ " cannot be used (HTTP " + ex.statusCode() + ")", ex);
		}
		catch (SdkException ex) {
			client.close();
			throw new IllegalStateException("prometric.documents.s3.endpoint: the bucket " + bucket + " at " + where
					+ " cannot be reached: " + ex.getMessage(), ex);
		}
		return new S3DocumentStore(client, bucket);
	}

	private static AwsCredentialsProvider credentials(Settings settings) {
		boolean access = present(settings.accessKey());
		boolean secret = present(settings.secretKey());
		if (access && secret) {
			return StaticCredentialsProvider
				.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
		}
		if (access) {
			throw new IllegalStateException(
					"prometric.documents.s3.secret-key must be set with prometric.documents.s3.access-key");
		}
		if (secret) {
			throw new IllegalStateException(
					"prometric.documents.s3.access-key must be set with prometric.documents.s3.secret-key");
		}
		return DefaultCredentialsProvider.builder().build();
	}

	String bucket() {
		return this.bucket;
	}

	@Override
	public void put(String key, InputStream content, long size, String sha256, String md5) throws IOException {
		check(key);
		String checksum;
		try {
			byte[] digest = HexFormat.of().parseHex(md5);
			if (digest.length != 16) {
				throw new IllegalArgumentException(md5);
			}
			checksum = Base64.getEncoder().encodeToString(digest);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new IllegalArgumentException("Not an MD5: " + md5);
		}
		try {
			this.client.putObject(
					(request) -> request.bucket(this.bucket)
						.key(key)
						.contentLength(size)
						.contentType("application/octet-stream")
						.contentMD5(checksum),
					RequestBody.fromContentProvider(ContentStreamProvider.fromInputStream(content), size,
							"application/octet-stream"));
		}
		catch (SdkException | IllegalStateException ex) {
			// the SDK throws IllegalStateException for content shorter than announced
			throw new IOException(
					"Could not store document " + key + " in bucket " + this.bucket + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public InputStream get(String key) throws IOException {
		check(key);
		try {
			return this.client.getObject((request) -> request.bucket(this.bucket).key(key));
		}
		catch (NoSuchKeyException ex) {
			throw missing(key, ex);
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				throw missing(key, ex);
			}
			throw new IOException(
					"Could not read document " + key + " from bucket " + this.bucket + ": " + ex.getMessage(), ex);
		}
		catch (SdkException ex) {
			throw new IOException(
					"Could not read document " + key + " from bucket " + this.bucket + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void delete(String key) throws IOException {
		check(key);
		try {
			this.client.deleteObject((request) -> request.bucket(this.bucket).key(key));
		}
		catch (SdkException ex) {
			throw new IOException(
					"Could not delete document " + key + " from bucket " + this.bucket + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		this.client.close();
	}

	private NoSuchFileException missing(String key, Exception cause) {
		NoSuchFileException missing = new NoSuchFileException("s3://" + this.bucket + "/" + key);
		missing.initCause(cause);
		return missing;
	}

	private static void check(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Not a document key: " + key);
		}
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
