package kz.prometric.erp.identity;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * Failed logins from one source address, either for one account or (account
 * {@value #ANY_ACCOUNT}) for all accounts together. From the threshold on, every further
 * failure blocks the key for twice as long as the one before, up to a cap. Only this key
 * is blocked: the same account from another source, and other accounts from this source
 * (below the source's own, looser threshold), are not. Kept in the database so every
 * application node sees the same counts.
 */
@Entity
@Table(name = "idn_login_throttle")
@IdClass(LoginThrottle.Key.class)
class LoginThrottle {

	/** The account of the row that counts a source's failures for all accounts. */
	static final String ANY_ACCOUNT = "*";

	@Id
	private String source;

	@Id
	private String account;

	private int failures;

	private Instant windowStart;

	private Instant lastFailureAt;

	private Instant blockedUntil;

	protected LoginThrottle() {
	}

	LoginThrottle(String source, String account, Instant now) {
		this.source = source;
		this.account = account;
		this.windowStart = now;
		this.lastFailureAt = now;
	}

	Duration blockRemaining(Instant now) {
		return (this.blockedUntil != null && now.isBefore(this.blockedUntil)) ? Duration.between(now, this.blockedUntil)
				: Duration.ZERO;
	}

	/**
	 * Counts a failure. Reaching {@code threshold} blocks for {@code firstDelay}; each
	 * further failure doubles the block, up to {@code maxDelay}. When the count starts
	 * again depends on the key:
	 * <ul>
	 * <li>a source and account ({@code fixedWindow} false): after {@code window} without
	 * failures and without a block, so waiting out a block does not reset the
	 * growth;</li>
	 * <li>a source over all accounts ({@code fixedWindow} true): every {@code window}
	 * once no block is running, so a busy office behind one address with occasional typos
	 * never adds up to a block.</li>
	 * </ul>
	 * @return the block this failure started, or zero
	 */
	Duration recordFailure(Instant now, int threshold, Duration window, Duration firstDelay, Duration maxDelay,
			boolean fixedWindow) {
		boolean blockOver = this.blockedUntil == null || now.isAfter(this.blockedUntil.plus(window));
		boolean windowOver = fixedWindow ? now.isAfter(this.windowStart.plus(window))
				: (this.failures == 0 || now.isAfter(this.lastFailureAt.plus(window)));
		if (windowOver && blockOver) {
			this.failures = 0;
			this.windowStart = now;
			this.blockedUntil = null;
		}
		this.failures++;
		this.lastFailureAt = now;
		if (this.failures < threshold) {
			return Duration.ZERO;
		}
		Duration delay = delay(this.failures - threshold, firstDelay, maxDelay);
		this.blockedUntil = now.plus(delay);
		return delay;
	}

	static Duration delay(int doublings, Duration firstDelay, Duration maxDelay) {
		Duration delay = firstDelay;
		for (int i = 0; i < doublings && delay.compareTo(maxDelay) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(maxDelay) > 0) ? maxDelay : delay;
	}

	/** The composite id: source address and account. */
	static class Key implements Serializable {

		private String source;

		private String account;

		protected Key() {
		}

		Key(String source, String account) {
			this.source = source;
			this.account = account;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && Objects.equals(this.source, key.source)
					&& Objects.equals(this.account, key.account);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.source, this.account);
		}

	}

}
