package kz.prometric.erp.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code prometric.security}. The JWT signing secret comes from
 * {@code PROMETRIC_SECURITY_JWT_SECRET} in production; without it a secret is generated
 * once and kept in {@code jwt-secret-file}.
 */
@ConfigurationProperties("prometric.security")
record IdentityProperties(String jwtSecret, Path jwtSecretFile, String issuer, Duration accessTokenTtl,
		Duration refreshTokenTtl, int bcryptStrength, Login login, List<String> platformAdmins,
		PasswordReset passwordReset) {

	IdentityProperties {
		jwtSecretFile = (jwtSecretFile != null) ? jwtSecretFile : Path.of("data", "jwt-secret");
		issuer = (issuer != null) ? issuer : "prometric-erp";
		accessTokenTtl = (accessTokenTtl != null) ? accessTokenTtl : Duration.ofHours(24);
		refreshTokenTtl = (refreshTokenTtl != null) ? refreshTokenTtl : Duration.ofDays(7);
		bcryptStrength = (bcryptStrength > 0) ? bcryptStrength : 10;
		login = (login != null) ? login : new Login(0, null, null, null, 0);
		passwordReset = (passwordReset != null) ? passwordReset : new PasswordReset(null, 0, 0);
		platformAdmins = (platformAdmins != null) ? platformAdmins.stream().filter(e -> !e.isBlank()).toList()
				: List.of();
	}

	/**
	 * Throttling of failed logins (see {@code LoginGuard}): per source address and
	 * account from {@code maxFailures} failures, per source address over all accounts
	 * from {@code sourceMaxFailures}; the first block lasts {@code delay}, each further
	 * failure doubles it up to {@code maxDelay}; counts are forgotten after
	 * {@code window} without failures or blocks.
	 */
	record Login(int maxFailures, Duration window, Duration delay, Duration maxDelay, int sourceMaxFailures) {

		Login {
			maxFailures = (maxFailures > 0) ? maxFailures : 5;
			window = (window != null) ? window : Duration.ofMinutes(15);
			delay = (delay != null) ? delay : Duration.ofSeconds(30);
			maxDelay = (maxDelay != null) ? maxDelay : Duration.ofHours(1);
			sourceMaxFailures = (sourceMaxFailures > 0) ? sourceMaxFailures : 100;
		}

	}

	/**
	 * Forgotten passwords: a reset link works once, for {@code tokenValidity}; one
	 * address gets at most {@code maxMailsPerHour} links an hour however often someone
	 * asks (the further requests answer the same and send nothing); one source address
	 * may ask {@code maxRequestsPerSource} times per login {@code window}, then it is
	 * refused (429) for the login {@code delay}, doubling, whatever addresses it names.
	 */
	record PasswordReset(Duration tokenValidity, int maxMailsPerHour, int maxRequestsPerSource) {

		PasswordReset {
			tokenValidity = (tokenValidity != null) ? tokenValidity : Duration.ofMinutes(30);
			maxMailsPerHour = (maxMailsPerHour > 0) ? maxMailsPerHour : 3;
			maxRequestsPerSource = (maxRequestsPerSource > 0) ? maxRequestsPerSource : 10;
		}

	}

}
