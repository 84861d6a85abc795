package kz.prometric.erp.document;

import java.nio.file.Path;

import kz.prometric.erp.shared.RequestBodyLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The document store and the size limit of the upload route. The store is an
 * S3-compatible bucket when {@code prometric.documents.s3.bucket} is set (checked at
 * start-up: a missing or inaccessible bucket fails the start), otherwise the folder
 * {@code prometric.documents.folder}; another {@link DocumentStore} bean replaces both.
 * The route's request body may be as large as
 * {@code prometric.documents.max-request-size} (the file, up to
 * {@code prometric.documents.max-size}, plus the form fields); Spring's multipart limits
 * in application.yml are set from the same two settings.
 */
@Configuration(proxyBeanMethods = false)
class DocumentStorage {

	private static final Logger log = LoggerFactory.getLogger(DocumentStorage.class);

	/** The upload route, for the request size limit of the API. */
	static final String UPLOAD_ROUTE = "/api/workspaces/*/documents";

	@Bean
	@ConditionalOnMissingBean(DocumentStore.class)
	DocumentStore documentStore(@Value("${prometric.documents.folder:./data/documents}") String folder,
			@Value("${prometric.documents.s3.bucket:}") String bucket,
			@Value("${prometric.documents.s3.endpoint:}") String endpoint,
			@Value("${prometric.documents.s3.region:}") String region,
			@Value("${prometric.documents.s3.access-key:}") String accessKey,
			@Value("${prometric.documents.s3.secret-key:}") String secretKey,
			@Value("${prometric.documents.s3.path-style:false}") boolean pathStyle) {
		S3DocumentStore.Settings s3 = new S3DocumentStore.Settings(bucket, endpoint, region, accessKey, secretKey,
				pathStyle);
		if (s3.configured()) {
			S3DocumentStore store = S3DocumentStore.open(s3);
			log.info("Documents are stored in the S3 bucket {}{}", store.bucket(),
					endpoint.isBlank() ? "" : " at " + endpoint.trim());
			return store;
		}
		FolderDocumentStore store = new FolderDocumentStore(Path.of(folder));
		log.info("Documents are stored in {}", store.root());
		return store;
	}

	@Bean
	RequestBodyLimit documentUploadLimit(@Value("${prometric.documents.max-size:20MB}") DataSize maxSize,
			@Value("${prometric.documents.max-request-size:21MB}") DataSize maxRequestSize) {
		if (maxRequestSize.toBytes() <= maxSize.toBytes()) {
			throw new IllegalStateException("prometric.documents.max-request-size (" + maxRequestSize
					+ ") must be larger than prometric.documents.max-size (" + maxSize + ")");
		}
		return new RequestBodyLimit("POST", UPLOAD_ROUTE, maxRequestSize.toBytes());
	}

}
