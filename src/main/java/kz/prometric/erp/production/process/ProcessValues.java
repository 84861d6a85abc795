package kz.prometric.erp.production.process;

import java.math.BigDecimal;

import kz.prometric.erp.shared.BusinessRuleViolation;

/** Reads what a form or a machine submitted as a decimal: a number or its text. */
final class ProcessValues {

	private ProcessValues() {
	}

	static BigDecimal decimal(Object value, String field) {
		if (value == null) {
			return null;
		}
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		if (value instanceof Number || value instanceof String) {
			try {
				return new BigDecimal(value.toString().strip());
			}
			catch (NumberFormatException ex) {
				throw new BusinessRuleViolation(field, "must be a number");
			}
		}
		throw new BusinessRuleViolation(field, "must be a number");
	}

	static String text(Object value) {
		return (value == null) ? null : value.toString();
	}

}
