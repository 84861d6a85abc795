package kz.prometric.erp.shared;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events between modules: listeners annotated {@code @ApplicationModuleListener} run
 * asynchronously after commit, each publication is logged in {@code event_publication},
 * and publications whose listener failed (an SMTP server that was down, say) are
 * resubmitted every few minutes until they succeed.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class EventsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EventsConfiguration.class);

	private static final long RETRY_LOCK = 0x45564e5452L;

	private final IncompleteEventPublications incomplete;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	EventsConfiguration(IncompleteEventPublications incomplete, JdbcTemplate jdbc, TransactionTemplate transaction) {
		this.incomplete = incomplete;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	@Scheduled(initialDelayString = "${prometric.events.retry-interval:PT2M}",
			fixedDelayString = "${prometric.events.retry-interval:PT2M}")
	void resubmitFailedPublications() {
		try {
			// one node at a time: the lock is held for the transaction that resubmits
			this.transaction.executeWithoutResult(status -> {
				Boolean locked = this.jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class,
						RETRY_LOCK);
				if (Boolean.TRUE.equals(locked)) {
					this.incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(1));
				}
			});
		}
		catch (RuntimeException ex) {
			log.warn("Resubmitting incomplete event publications failed; will try again", ex);
		}
	}

}
