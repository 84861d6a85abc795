package kz.prometric.erp.shared;

/**
 * The request clashes with the current state: a duplicate unique value, an illegal state
 * transition, a concurrent change. Answers 409; {@code field} names the request field
 * when one is to blame.
 */
public class ConflictException extends RuntimeException {

	private final String field;

	public ConflictException(String message) {
		this(null, message);
	}

	public ConflictException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
