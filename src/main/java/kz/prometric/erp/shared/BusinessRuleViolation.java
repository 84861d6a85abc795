package kz.prometric.erp.shared;

import java.util.List;

/**
 * A well-formed request that a business rule refuses. Answers 422.
 */
public class BusinessRuleViolation extends RuntimeException {

	private final List<FieldViolation> violations;

	public BusinessRuleViolation(String message, List<FieldViolation> violations) {
		super(message);
		this.violations = List.copyOf(violations);
	}

	public BusinessRuleViolation(String field, String message) {
		this(message, List.of(new FieldViolation(field, message)));
	}

	public List<FieldViolation> violations() {
		return this.violations;
	}

}
