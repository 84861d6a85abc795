package kz.prometric.erp.document;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the content of document versions lives, by key. Keys are chosen by
 * {@link DocumentManagement} (random UUIDs, never derived from what a user sent). A
 * {@code put} is atomic: a reader sees the whole content or none. The shipped store is a
 * folder ({@code prometric.documents.folder}, default {@code ./data/documents}).
 */
public interface DocumentStore {

	/**
	 * Stores {@code content} under {@code key}, replacing nothing (a key is used once).
	 */
	void put(String key, InputStream content) throws IOException;

	/** The content stored under {@code key}; the caller closes it. */
	InputStream get(String key) throws IOException;

	/** Removes the content under {@code key} if there is any. */
	void delete(String key) throws IOException;

}
