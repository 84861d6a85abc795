package kz.prometric.erp.document;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The folder store against the {@link DocumentStoreContract}. */
class FolderDocumentStoreTests extends DocumentStoreContract {

	@TempDir
	Path folder;

	private FolderDocumentStore store;

	@BeforeEach
	void open() {
		this.store = new FolderDocumentStore(this.folder);
	}

	@Override
	DocumentStore store() {
		return this.store;
	}

}
