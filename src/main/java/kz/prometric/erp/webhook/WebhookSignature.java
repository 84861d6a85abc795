package kz.prometric.erp.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a delivery: {@code v1=} and the hex HMAC-SHA256, keyed with the
 * subscription's secret (its UTF-8 bytes), of {@code <timestamp>.<body>}
 * (docs/webhooks.md).
 */
final class WebhookSignature {

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebhookSignature() {
	}

	static String header(String secret, long timestamp, String body) {
		return "v1=" + hmac(secret, timestamp + "." + body);
	}

	static String hmac(String secret, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/** A new secret: {@code whsec_} and 32 random bytes, base64url. */
	static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
