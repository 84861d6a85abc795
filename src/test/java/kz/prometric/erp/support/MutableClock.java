package kz.prometric.erp.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests: the system clock, unless a test sets a fixed instant
 * (and resets it in a {@code finally}), for rules that depend on the date such as the VAT
 * rate on a turnover date.
 */
public class MutableClock extends Clock {

	private volatile Instant fixed;

	/** From now on the clock stands at {@code instant}. */
	public void set(Instant instant) {
		this.fixed = instant;
	}

	/** Back to the system clock. */
	public void reset() {
		this.fixed = null;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		MutableClock self = this;
		return new Clock() {

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return self.withZone(other);
			}

			@Override
			public Instant instant() {
				return self.instant();
			}

		};
	}

	@Override
	public Instant instant() {
		Instant at = this.fixed;
		return (at != null) ? at : Instant.now();
	}

}
