package kz.prometric.erp.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import kz.prometric.erp.shared.VatCategory;
import kz.prometric.erp.shared.BusinessRuleViolation;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import kz.prometric.erp.workflow.WorkspaceDefinitions;

import org.springframework.stereotype.Component;

/**
 * The VAT rate in force for a category on a turnover date, as decided by
 * {@code dmn/vat-rate.dmn} (the deployed version of decision {@code vat-rate}). Java
 * holds no rate: to change one, add an effective-dated row to the table and redeploy.
 */
@Component
public class VatRates {

	/** Decision key, the file name of {@code dmn/vat-rate.dmn}. */
	public static final String DECISION_VAT_RATE = "vat-rate";

	/** Input: the {@link VatCategory} name. */
	public static final String VAR_VAT_CATEGORY = "vatCategory";

	/** Input: the turnover (supply) date, a {@link LocalDate}. */
	public static final String VAR_TURNOVER_DATE = "turnoverDate";

	/** Output: the rate in percent (double), empty when exempt. */
	public static final String OUT_RATE = "rate";

	/** Output: whether the turnover is exempt (boolean). */
	public static final String OUT_EXEMPT = "exempt";

	private final WorkspaceDefinitions definitions;

	VatRates(WorkspaceDefinitions definitions) {
		this.definitions = definitions;
	}

	/**
	 * The rate for {@code category} on {@code turnoverDate} (the date of supply, not the
	 * invoice date). Reads only; joins no transaction of its own.
	 * @throws BusinessRuleViolation (field {@code vatCategory}) when no row of the table
	 * matches, e.g. a category the deployed table does not know
	 */
	public VatRate rateFor(VatCategory category, LocalDate turnoverDate) {
		return rateFor(null, category.name(), turnoverDate);
	}

	/**
	 * The rate for a category given by name, as stored on a product, by the shared
	 * default table; see {@link #rateFor(VatCategory, LocalDate)}.
	 */
	public VatRate rateFor(String category, LocalDate turnoverDate) {
		return rateFor(null, category, turnoverDate);
	}

	/**
	 * The rate by the table the workspace uses: its own version of {@code vat-rate} if it
	 * deployed one, else the shared default ({@link WorkspaceDefinitions}); a
	 * {@code null} workspace: the shared default.
	 */
	public VatRate rateFor(UUID workspaceId, String category, LocalDate turnoverDate) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(VAR_VAT_CATEGORY, category);
		variables.put(VAR_TURNOVER_DATE, turnoverDate);
		DmnDecisionResultEntries row = this.definitions.evaluateDecision(DECISION_VAT_RATE, workspaceId)
			.variables(variables)
			.evaluate()
			.getSingleResult();
		if (row == null) {
			throw new BusinessRuleViolation(VAR_VAT_CATEGORY,
					"No VAT rate for category " + category + " on " + turnoverDate);
		}
		if (Boolean.TRUE.equals(row.getEntry(OUT_EXEMPT))) {
			return VatRate.EXEMPT;
		}
		Number rate = row.getEntry(OUT_RATE);
		return VatRate.of(BigDecimal.valueOf(rate.doubleValue()));
	}

}
