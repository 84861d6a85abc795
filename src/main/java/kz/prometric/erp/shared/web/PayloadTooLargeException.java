package kz.prometric.erp.shared.web;

import java.io.IOException;

/**
 * Thrown while reading a request body that exceeds the configured limit; answers 413.
 */
class PayloadTooLargeException extends IOException {

	PayloadTooLargeException(long limit) {
		super("Request body exceeds the limit of " + limit + " bytes");
	}

}
