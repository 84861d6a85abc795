package kz.prometric.erp.identity;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Failed logins for one e-mail address within the current window; after too many the
 * address is locked for a while. Kept in the database so every application node sees the
 * same count.
 */
@Entity
@Table(name = "idn_login_throttle")
class LoginThrottle {

	@Id
	private String email;

	private int failures;

	private Instant windowStart;

	private Instant lockedUntil;

	protected LoginThrottle() {
	}

	LoginThrottle(String email, Instant now) {
		this.email = email;
		this.windowStart = now;
	}

	Duration lockRemaining(Instant now) {
		return (this.lockedUntil != null && now.isBefore(this.lockedUntil)) ? Duration.between(now, this.lockedUntil)
				: Duration.ZERO;
	}

	void recordFailure(Instant now, int maxFailures, Duration window, Duration lock) {
		if (now.isAfter(this.windowStart.plus(window))) {
			this.windowStart = now;
			this.failures = 0;
		}
		this.failures++;
		if (this.failures >= maxFailures) {
			this.lockedUntil = now.plus(lock);
			this.failures = 0;
			this.windowStart = now;
		}
	}

}
