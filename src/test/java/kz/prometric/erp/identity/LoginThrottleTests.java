package kz.prometric.erp.identity;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

	private static final Duration WINDOW = Duration.ofMinutes(15);

	private static final Duration FIRST = Duration.ofSeconds(30);

	private static final Duration MAX = Duration.ofHours(1);

	private final Instant start = Instant.parse("2026-12-01T08:00:00Z");

	@Test
	void blocksFromTheFifthFailureAndDoublesWithEachFurtherOneUpToTheCap() {
		LoginThrottle throttle = new LoginThrottle("203.0.113.7", "a@example.kz", this.start);
		Instant now = this.start;
		for (int i = 1; i <= 4; i++) {
			assertThat(throttle.recordFailure(now, 5, WINDOW, FIRST, MAX, false)).isZero();
		}
		assertThat(throttle.recordFailure(now, 5, WINDOW, FIRST, MAX, false)).isEqualTo(FIRST);
		assertThat(throttle.blockRemaining(now)).isEqualTo(FIRST);

		Duration previous = FIRST;
		for (int i = 0; i < 10; i++) {
			now = now.plus(previous).plusSeconds(1);
			assertThat(throttle.blockRemaining(now)).isZero();
			Duration next = throttle.recordFailure(now, 5, WINDOW, FIRST, MAX, false);
			assertThat(next).isEqualTo(previous.multipliedBy(2).compareTo(MAX) > 0 ? MAX : previous.multipliedBy(2));
			previous = next;
		}
		assertThat(previous).isEqualTo(MAX);
	}

	@Test
	void waitingOutALongBlockDoesNotResetTheGrowth() {
		LoginThrottle throttle = new LoginThrottle("203.0.113.7", "a@example.kz", this.start);
		Instant now = this.start;
		for (int i = 0; i < 9; i++) {
			throttle.recordFailure(now, 5, WINDOW, FIRST, MAX, false);
		}
		// the 9th failure blocked for 8 min; the next failure comes right after it ends,
		// although that is more than the window after the one before
		Duration block = throttle.blockRemaining(now);
		assertThat(block).isEqualTo(Duration.ofMinutes(8));

		assertThat(throttle.recordFailure(now.plus(block).plusSeconds(1), 5, WINDOW, FIRST, MAX, false))
			.isEqualTo(Duration.ofMinutes(16));
	}

	@Test
	void forgetsAnAccountsFailuresAfterAQuietWindow() {
		LoginThrottle throttle = new LoginThrottle("203.0.113.7", "a@example.kz", this.start);
		for (int i = 0; i < 4; i++) {
			throttle.recordFailure(this.start, 5, WINDOW, FIRST, MAX, false);
		}

		Instant later = this.start.plus(WINDOW).plusSeconds(1);

		assertThat(throttle.recordFailure(later, 5, WINDOW, FIRST, MAX, false)).isZero();
	}

	@Test
	void countsASourcesFailuresPerFixedWindowSoOccasionalTyposNeverAddUp() {
		LoginThrottle source = new LoginThrottle("203.0.113.7", LoginThrottle.ANY_ACCOUNT, this.start);
		Instant now = this.start;
		// one typo every ten minutes for a day: never 100 in one window
		for (int i = 0; i < 144; i++) {
			assertThat(source.recordFailure(now, 100, WINDOW, FIRST, MAX, true)).isZero();
			now = now.plus(Duration.ofMinutes(10));
		}
		// 100 within one window block
		Instant burst = now.plus(WINDOW).plusSeconds(1);
		for (int i = 0; i < 99; i++) {
			assertThat(source.recordFailure(burst, 100, WINDOW, FIRST, MAX, true)).isZero();
		}
		assertThat(source.recordFailure(burst, 100, WINDOW, FIRST, MAX, true)).isEqualTo(FIRST);
	}

}
