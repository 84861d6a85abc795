package kz.prometric.erp.support;

import java.time.Duration;
import java.time.Instant;

import org.springframework.modulith.events.core.EventPublicationRegistry;

import static org.awaitility.Awaitility.await;

/**
 * Waits until the work a test started after its commits (listeners of the modules'
 * events: kept PDFs, e-mails, business events, notifications, webhook outbox rows) is
 * done, so that a measurement that counts every thread's statements (Hibernate's
 * statistics) sees only what it measures.
 */
public final class AfterCommitWork {

	private AfterCommitWork() {
	}

	/** Until no event published since {@code since} waits for a listener. */
	public static void awaitDone(EventPublicationRegistry publications, Instant since) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> publications.findIncompletePublications()
				.stream()
				.noneMatch(p -> p.getPublicationDate().isAfter(since)));
	}

}
