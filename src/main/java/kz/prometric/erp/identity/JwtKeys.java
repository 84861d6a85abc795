package kz.prometric.erp.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC-SHA256 key that signs access tokens: from the environment when given, else
 * generated once and kept in a file readable only by its owner, so tokens stay valid
 * across restarts of a development run.
 */
final class JwtKeys {

	private static final Logger log = LoggerFactory.getLogger(JwtKeys.class);

	private static final int MIN_BYTES = 32;

	private JwtKeys() {
	}

	static SecretKey load(IdentityProperties properties) {
		if (properties.jwtSecret() != null && !properties.jwtSecret().isBlank()) {
			return key(properties.jwtSecret().getBytes(StandardCharsets.UTF_8));
		}
		return key(fromFile(properties.jwtSecretFile()));
	}

	private static SecretKey key(byte[] secret) {
		if (secret.length < MIN_BYTES) {
			throw new IllegalStateException("The JWT secret must be at least " + MIN_BYTES + " bytes long");
		}
		return new SecretKeySpec(secret, "HmacSHA256");
	}

	private static byte[] fromFile(Path file) {
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file).strip());
			}
			byte[] secret = new byte[64];
			new SecureRandom().nextBytes(secret);
			Path parent = file.toAbsolutePath().getParent();
			Files.createDirectories(parent);
			Files.writeString(file, Base64.getEncoder().encodeToString(secret));
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the file keeps the default permissions
			}
			log.warn("No PROMETRIC_SECURITY_JWT_SECRET set: generated a development signing key in {}",
					file.toAbsolutePath());
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the JWT secret file " + file, ex);
		}
	}

}
