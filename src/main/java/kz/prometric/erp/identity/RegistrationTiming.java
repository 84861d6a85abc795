package kz.prometric.erp.identity;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * Makes a registration of an existing address take about as long as one of a new address,
 * which does more work (the account, the personal workspace, the confirmation request).
 * It keeps a moving average of how long new registrations take and holds the other
 * answers until about that much time has passed since they began. New registrations are
 * never slowed down.
 */
@Component
class RegistrationTiming {

	/** Weight of the newest new-account registration in the moving average. */
	private static final double ALPHA = 0.1;

	private static final long MAX_PADDING_NANOS = TimeUnit.SECONDS.toNanos(2);

	private volatile double averageNanos;

	void newAccountTook(long nanos) {
		double average = this.averageNanos;
		this.averageNanos = (average == 0) ? nanos : average + ALPHA * (nanos - average);
	}

	/** Waits until about as long as a new registration takes has passed since start. */
	void padFrom(long startNanos) {
		double average = this.averageNanos;
		if (average == 0) {
			return;
		}
		// a little jitter, as new registrations vary too
		long target = (long) (average * (0.9 + 0.2 * ThreadLocalRandom.current().nextDouble()));
		long remaining = Math.min(target, MAX_PADDING_NANOS) - (System.nanoTime() - startNanos);
		if (remaining > 0) {
			try {
				TimeUnit.NANOSECONDS.sleep(remaining);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
