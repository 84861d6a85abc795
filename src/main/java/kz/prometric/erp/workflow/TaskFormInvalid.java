package kz.prometric.erp.workflow;

import java.util.List;

import kz.prometric.erp.shared.FieldViolation;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A person completed or filled in a task with values its Camunda Form does not accept: a
 * required field left empty, a value of the wrong type, a value outside the field's
 * options or bounds. Each {@link #violations() violation} names the field (the variable)
 * and what is wrong. Answers 422 on the engine REST API, in Tasklist and on the ERP's
 * task API alike; nothing has changed when it is thrown. A bad user request to the
 * engine, so the engine does not log it as an error with a stack trace.
 */
public final class TaskFormInvalid extends BadUserRequestException implements ClientRefusal {

	private static final long serialVersionUID = 1L;

	private final transient List<FieldViolation> violations;

	TaskFormInvalid(String what, List<FieldViolation> violations) {
		super("Invalid form values on " + what + ": "
				+ String.join("; ", violations.stream().map(v -> v.field() + " " + v.message()).toList()));
		this.violations = List.copyOf(violations);
	}

	/** 422: the request is understood; the form refuses its values. */
	@Override
	public int status() {
		return 422;
	}

	/** The refused fields, each with its reason, in the form's order. */
	public List<FieldViolation> violations() {
		return this.violations;
	}

}
