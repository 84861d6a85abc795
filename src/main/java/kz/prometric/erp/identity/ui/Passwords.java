package kz.prometric.erp.identity.ui;

import java.nio.charset.StandardCharsets;

/** The password rules of the forms (the API's: 8 to 72 characters, at most 72 bytes). */
final class Passwords {

	private Passwords() {
	}

	/** The message key of what is wrong with a new password, or null. */
	static String problem(String password, String confirmation) {
		if (password.length() < 8) {
			return "identity.password.tooShort";
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
			return "identity.password.tooLong";
		}
		if (!password.equals(confirmation)) {
			return "identity.password.mismatch";
		}
		return null;
	}

}
