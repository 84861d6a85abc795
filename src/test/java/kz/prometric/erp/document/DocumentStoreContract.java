package kz.prometric.erp.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What every {@link DocumentStore} does, run by each store's tests
 * ({@link FolderDocumentStoreTests}, {@link S3DocumentStoreTests}).
 */
abstract class DocumentStoreContract {

	/** The store under test, empty at the start of each test. */
	abstract DocumentStore store();

	@Test
	void getReturnsTheBytesPut() throws IOException {
		String key = UUID.randomUUID().toString();
		byte[] content = "%PDF-1.7 Шарт №5\n".getBytes(StandardCharsets.UTF_8);
		put(key, content);
		try (InputStream in = store().get(key)) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		// twice: a get does not consume the content
		try (InputStream in = store().get(key)) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
	}

	@Test
	void keysAreKeptApart() throws IOException {
		String one = UUID.randomUUID().toString();
		String two = UUID.randomUUID().toString();
		put(one, new byte[] { 1 });
		put(two, new byte[] { 2, 2 });
		try (InputStream in = store().get(one)) {
			assertThat(in.readAllBytes()).containsExactly(1);
		}
		try (InputStream in = store().get(two)) {
			assertThat(in.readAllBytes()).containsExactly(2, 2);
		}
	}

	@Test
	void getOfAMissingKeyThrowsNoSuchFile() {
		String key = UUID.randomUUID().toString();
		assertThatExceptionOfType(NoSuchFileException.class).isThrownBy(() -> store().get(key).close());
	}

	@Test
	void deleteRemovesTheContentAndMayBeRepeated() throws IOException {
		String key = UUID.randomUUID().toString();
		put(key, new byte[] { 7 });
		store().delete(key);
		assertThatExceptionOfType(NoSuchFileException.class).isThrownBy(() -> store().get(key).close());
		store().delete(key);
		store().delete(UUID.randomUUID().toString());
	}

	@Test
	void aLargeFileIsStreamedThroughWhole() throws IOException {
		String key = UUID.randomUUID().toString();
		long size = 5L * 1024 * 1024 + 123;
		String expectedSha = sha256(new Generated(size, 42));
		Generated source = new Generated(size, 42);
		store().put(key, source, size, expectedSha, md5(new Generated(size, 42)));
		assertThat(source.served).isEqualTo(size);
		try (InputStream in = store().get(key)) {
			assertThat(sha256(in)).isEqualTo(expectedSha);
		}
	}

	@Test
	void contentShorterThanAnnouncedFailsThePut() {
		String key = UUID.randomUUID().toString();
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> store().put(key, new ByteArrayInputStream(new byte[10]), 11,
					sha256(new ByteArrayInputStream(new byte[10])), md5(new ByteArrayInputStream(new byte[10]))));
		assertThatExceptionOfType(NoSuchFileException.class).isThrownBy(() -> store().get(key).close());
	}

	@Test
	void contentWithAnotherChecksumFailsThePut() throws IOException {
		String key = UUID.randomUUID().toString();
		byte[] content = "the content the ERP hashed".getBytes(StandardCharsets.UTF_8);
		String sha = sha256(new ByteArrayInputStream(content));
		String md5 = md5(new ByteArrayInputStream(content));
		byte[] altered = content.clone();
		altered[0] = 'T';
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> store().put(key, new ByteArrayInputStream(altered), altered.length, sha, md5));
		assertThatExceptionOfType(NoSuchFileException.class).isThrownBy(() -> store().get(key).close());
	}

	@Test
	void keysOtherThanUuidsAreRefused() {
		for (String key : new String[] { "../../etc/passwd", "a/b", "", "3F2A0000-0000-0000-0000-000000000000",
				"x" + UUID.randomUUID() }) {
			assertThatIllegalArgumentException().isThrownBy(() -> put(key, new byte[] { 1 }));
			assertThatIllegalArgumentException().isThrownBy(() -> store().get(key));
			assertThatIllegalArgumentException().isThrownBy(() -> store().delete(key));
		}
		assertThatIllegalArgumentException().isThrownBy(() -> store().get(null));
	}

	void put(String key, byte[] content) throws IOException {
		store().put(key, new ByteArrayInputStream(content), content.length, sha256(new ByteArrayInputStream(content)),
				md5(new ByteArrayInputStream(content)));
	}

	static String sha256(InputStream in) throws IOException {
		return digest(in, "SHA-256");
	}

	static String md5(InputStream in) throws IOException {
		return digest(in, "MD5");
	}

	static String digest(InputStream in, String algorithm) throws IOException {
		MessageDigest sha;
		try {
			sha = MessageDigest.getInstance(algorithm);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		try (DigestInputStream digest = new DigestInputStream(in, sha)) {
			digest.transferTo(OutputStreamNull.INSTANCE);
		}
		return HexFormat.of().formatHex(sha.digest());
	}

	/** Discards what is written. */
	static final class OutputStreamNull extends java.io.OutputStream {

		static final OutputStreamNull INSTANCE = new OutputStreamNull();

		@Override
		public void write(int b) {
		}

		@Override
		public void write(byte[] b, int off, int len) {
		}

	}

	/**
	 * {@code size} pseudo-random bytes made while they are read (never held in memory),
	 * not markable: a store must stream them.
	 */
	static final class Generated extends InputStream {

		private final long size;

		private long state;

		long served;

		Generated(long size, long seed) {
			this.size = size;
			this.state = seed;
		}

		@Override
		public int read() {
			if (this.served >= this.size) {
				return -1;
			}
			this.served++;
			this.state = this.state * 6364136223846793005L + 1442695040888963407L;
			return (int) (this.state >>> 56) & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (length == 0) {
				return 0;
			}
			if (this.served >= this.size) {
				return -1;
			}
			int n = (int) Math.min(length, this.size - this.served);
			for (int i = 0; i < n; i++) {
				buffer[offset + i] = (byte) read();
			}
			return n;
		}

		@Override
		public boolean markSupported() {
			return false;
		}

	}

}
