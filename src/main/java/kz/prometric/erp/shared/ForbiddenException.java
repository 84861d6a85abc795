package kz.prometric.erp.shared;

/**
 * The caller belongs to the workspace but its role does not allow the action. Answers
 * 403.
 */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}

}
