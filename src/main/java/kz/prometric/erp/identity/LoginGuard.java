package kz.prometric.erp.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import kz.prometric.erp.shared.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Throttles password guessing for every way a password is checked (API login, Tasklist
 * login, basic authentication on the engine REST API), without handing attackers a way to
 * lock accounts:
 * <ul>
 * <li>per source address and account: from the {@code max-failures}th failure on, that
 * source is refused for that account for {@code delay}, doubling with every further
 * failure up to {@code max-delay};</li>
 * <li>per source address over all accounts (password spraying): the same from
 * {@code source-max-failures} failures within a {@code window} on;</li>
 * <li>never per account alone: the owner logging in from another address gets in.</li>
 * </ul>
 * A refused attempt does not check the password and does not count. Failures are recorded
 * in a transaction of their own, so a refused login still counts. The source is
 * {@link LoginSource#current()}.
 */
@Component
class LoginGuard {

	private static final Logger log = LoggerFactory.getLogger(LoginGuard.class);

	private final LoginThrottles throttles;

	private final IdentityProperties.Login settings;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	LoginGuard(LoginThrottles throttles, IdentityProperties properties, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.throttles = throttles;
		this.settings = properties.login();
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** 429 with the time left when this source is blocked for this account or overall. */
	void ensureAllowed(String source, String account) {
		Instant now = this.clock.instant();
		Duration remaining = this.throttles.find(source, List.of(account, LoginThrottle.ANY_ACCOUNT))
			.stream()
			.map(t -> t.blockRemaining(now))
			.max(Duration::compareTo)
			.orElse(Duration.ZERO);
		if (!remaining.isZero()) {
			throw new TooManyRequestsException("Too many failed logins from your address; try again later", remaining);
		}
	}

	/**
	 * Counts a request that is limited per source whatever it names (asking for password
	 * reset mails): 429 while the source is blocked for {@code key} or overall; from the
	 * {@code threshold}th request within a {@code window} on, the source is blocked for
	 * {@code key} for {@code delay}, doubling with every further request. Counted in a
	 * transaction of its own.
	 */
	void countRequest(String source, String key, int threshold) {
		ensureAllowed(source, key);
		this.ownTransaction.executeWithoutResult(status -> {
			Duration block = count(source, key, this.clock.instant(), threshold, true);
			if (!block.isZero()) {
				log.warn("Requests from {} for {} refused for {} after too many", source, key, block);
			}
		});
	}

	void recordFailure(String source, String account) {
		this.ownTransaction.executeWithoutResult(status -> {
			Instant now = this.clock.instant();
			Duration accountBlock = count(source, account, now, this.settings.maxFailures(), false);
			Duration sourceBlock = count(source, LoginThrottle.ANY_ACCOUNT, now, this.settings.sourceMaxFailures(),
					true);
			if (!accountBlock.isZero()) {
				log.warn("Logins from {} for {} refused for {} after repeated failures", source, account, accountBlock);
			}
			if (!sourceBlock.isZero()) {
				log.warn("Logins from {} refused for {} after repeated failures across accounts", source, sourceBlock);
			}
		});
	}

	private Duration count(String source, String account, Instant now, int threshold, boolean fixedWindow) {
		this.throttles.ensureRow(source, account);
		return this.throttles.findForUpdate(source, account)
			.orElseThrow()
			.recordFailure(now, threshold, this.settings.window(), this.settings.delay(), this.settings.maxDelay(),
					fixedWindow);
	}

	/**
	 * A successful login forgets this source's failures for this account (not the
	 * source's overall count).
	 */
	void recordSuccess(String source, String account) {
		this.throttles.forget(source, account);
	}

	/**
	 * Forgets counts whose failures and blocks are long over, so probing many addresses
	 * leaves no lasting rows.
	 */
	@Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
	void forgetStaleFailures() {
		Instant before = this.clock.instant().minus(this.settings.window());
		this.ownTransaction.executeWithoutResult(status -> this.throttles.deleteStale(before));
	}

}
