package kz.prometric.erp.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import kz.prometric.erp.shared.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Throttles password guessing per e-mail address, for every way a password is checked
 * (API login, Tasklist login, basic authentication on the engine REST API). Failures are
 * recorded in a transaction of their own, so a refused login still counts.
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

	void ensureNotLocked(String email) {
		Instant now = this.clock.instant();
		Duration remaining = this.throttles.findById(email).map(t -> t.lockRemaining(now)).orElse(Duration.ZERO);
		if (!remaining.isZero()) {
			throw new TooManyRequestsException("Too many failed logins; try again later", remaining);
		}
	}

	void recordFailure(String email) {
		this.ownTransaction.executeWithoutResult(status -> {
			this.throttles.ensureRow(email);
			LoginThrottle throttle = this.throttles.findForUpdate(email).orElseThrow();
			Instant now = this.clock.instant();
			throttle.recordFailure(now, this.settings.maxFailures(), this.settings.window(),
					this.settings.lockDuration());
			if (!throttle.lockRemaining(now).isZero()) {
				log.warn("Login for {} locked for {} after repeated failures", email, this.settings.lockDuration());
			}
		});
	}

	void reset(String email) {
		this.throttles.deleteById(email);
	}

	/**
	 * Forgets failures whose window and lock are over, so probing many addresses leaves
	 * no lasting rows.
	 */
	@Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
	void forgetStaleFailures() {
		Instant now = this.clock.instant();
		this.ownTransaction
			.executeWithoutResult(status -> this.throttles.deleteStale(now.minus(this.settings.window()), now));
	}

}
