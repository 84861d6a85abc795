package kz.prometric.erp.document;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the content of document versions lives, by key. Keys are chosen by
 * {@link DocumentManagement} (random UUIDs, never derived from what a user sent). A
 * {@code put} is atomic: a reader sees the whole content or none. The shipped stores are
 * a folder ({@code prometric.documents.folder}, default {@code ./data/documents}) and an
 * S3-compatible bucket ({@code prometric.documents.s3.bucket}); see
 * {@link DocumentStorage}.
 */
public interface DocumentStore {

	/**
	 * Stores {@code content} under {@code key}, replacing nothing (a key is used once).
	 * {@code size}, {@code sha256} and {@code md5} (both hexadecimal) are the number of
	 * bytes and the checksums of the content, known before the write: an S3 store streams
	 * the content in one request of that length and the server verifies the MD5
	 * ({@code Content-MD5}); the folder store verifies the SHA-256. Content of another
	 * length or checksum fails the put (an {@link IOException}) and leaves nothing under
	 * the key.
	 */
	void put(String key, InputStream content, long size, String sha256, String md5) throws IOException;

	/**
	 * The content stored under {@code key}; the caller closes it.
	 * @throws java.nio.file.NoSuchFileException when nothing is stored under the key
	 */
	InputStream get(String key) throws IOException;

	/** Removes the content under {@code key} if there is any. */
	void delete(String key) throws IOException;

}
