package kz.prometric.erp.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a module tells the engine about a task of its object's process as it is created
 * ({@link ProcessSubjects#taskSetting}): the day it is due (the deal's expected close
 * date, the invoice's due date, the order's date; null when the business names none),
 * whether the object is of high value (it raises the priority, see
 * {@link BusinessTasks}), and values the task's form shows read-only (customer, address,
 * lines, what is short), kept as the task's local variables.
 */
public record TaskSetting(LocalDate dueOn, boolean highValue, Map<String, Object> formValues) {

	/**
	 * From this amount in tenge an object is of high value (its tasks come first, see
	 * {@link BusinessTasks}).
	 */
	public static final BigDecimal HIGH_VALUE_KZT = new BigDecimal("10000000");

	/** Nothing to say. */
	public static final TaskSetting NONE = new TaskSetting(null, false, Map.of());

	public TaskSetting {
		Map<String, Object> values = new LinkedHashMap<>();
		if (formValues != null) {
			// a value the business does not have is shown as empty
			formValues.forEach((name, value) -> values.put(name, (value != null) ? value : ""));
		}
		formValues = Collections.unmodifiableMap(values);
	}

	/**
	 * Whether an amount is of high value: {@link #HIGH_VALUE_KZT} or more in tenge
	 * (amounts in other currencies are not compared).
	 */
	public static boolean highValue(BigDecimal amount, String currency) {
		return amount != null && "KZT".equals(currency) && amount.compareTo(HIGH_VALUE_KZT) >= 0;
	}

}
