package kz.prometric.erp.shared;

import java.util.List;

/**
 * Input that is malformed for a reason Bean Validation cannot see (a BIN whose check
 * digit is wrong, an unknown sort field). Answers 400 with the offending fields.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldViolation> violations;

	public InvalidInputException(String field, String message) {
		super(message);
		this.violations = List.of(new FieldViolation(field, message));
	}

	public List<FieldViolation> violations() {
		return this.violations;
	}

}
