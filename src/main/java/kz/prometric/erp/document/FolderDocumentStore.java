package kz.prometric.erp.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A {@link DocumentStore} in a folder: the content of key {@code 3f2a…} is the file
 * {@code <folder>/3f/3f2a…}. A put writes a temporary file in the same folder, forces it
 * to disk and renames it to its key (an atomic move), so a crash leaves either the whole
 * file or a temporary one, never a half-written file under a key. Keys must be UUIDs, so
 * no key names a path outside the folder.
 */
class FolderDocumentStore implements DocumentStore {

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private final Path root;

	FolderDocumentStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	Path root() {
		return this.root;
	}

	@Override
	public void put(String key, InputStream content, long size, String sha256, String md5) throws IOException {
		Path target = path(key);
		Path folder = target.getParent();
		Files.createDirectories(folder);
		if (Files.exists(target)) {
			throw new FileAlreadyExistsException(target.toString());
		}
		Path temporary = Files.createTempFile(folder, ".upload-", ".tmp");
		try {
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING); OutputStream out = Channels.newOutputStream(channel)) {
				MessageDigest digest = sha256();
				long written = new DigestInputStream(content, digest).transferTo(out);
				if (written != size) {
					throw new IOException("Document " + key + " has " + written + " bytes, not the announced " + size);
				}
				String actual = HexFormat.of().formatHex(digest.digest());
				if (!actual.equalsIgnoreCase(sha256)) {
					throw new IOException(
							"Document " + key + " has the SHA-256 " + actual + ", not the announced " + sha256);
				}
				out.flush();
				channel.force(true);
			}
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	@Override
	public InputStream get(String key) throws IOException {
		return Files.newInputStream(path(key));
	}

	@Override
	public void delete(String key) throws IOException {
		Files.deleteIfExists(path(key));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Path path(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Not a document key: " + key);
		}
		Path path = this.root.resolve(key.substring(0, 2)).resolve(key).normalize();
		if (!path.startsWith(this.root)) {
			throw new IllegalArgumentException("Not a document key: " + key);
		}
		return path;
	}

}
