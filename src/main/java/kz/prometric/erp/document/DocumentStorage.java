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
 * The document store (a folder unless another {@link DocumentStore} bean is defined) and
 * the size limit of the upload route. The route's request body may be as large as
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
	DocumentStore folderDocumentStore(@Value("${prometric.documents.folder:./data/documents}") String folder) {
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
