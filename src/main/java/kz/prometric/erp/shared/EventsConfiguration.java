package kz.prometric.erp.shared;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

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

	private final IncompleteEventPublications incomplete;

	EventsConfiguration(IncompleteEventPublications incomplete) {
		this.incomplete = incomplete;
	}

	@Scheduled(initialDelayString = "${prometric.events.retry-interval:PT2M}",
			fixedDelayString = "${prometric.events.retry-interval:PT2M}")
	void resubmitFailedPublications() {
		try {
			this.incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(1));
		}
		catch (RuntimeException ex) {
			log.warn("Resubmitting incomplete event publications failed; will try again", ex);
		}
	}

}
