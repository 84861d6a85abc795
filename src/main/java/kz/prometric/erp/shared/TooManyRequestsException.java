package kz.prometric.erp.shared;

import java.time.Duration;

/**
 * The caller is throttled (e.g. too many failed logins). Answers 429 with
 * {@code Retry-After}.
 */
public class TooManyRequestsException extends RuntimeException {

	private final Duration retryAfter;

	public TooManyRequestsException(String message, Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
