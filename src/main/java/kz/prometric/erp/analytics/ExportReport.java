package kz.prometric.erp.analytics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import kz.prometric.erp.shared.InvalidInputException;

/**
 * The reports that can be exported, by the name the API uses, with the parameters each
 * takes (the same as its JSON report's query parameters).
 */
enum ExportReport {

	DEALS("deals", "Deals"), PIPELINE("pipeline", "Pipeline"), FORECAST("forecast", "Forecast", "from", "to"),
	SALES("sales", "Sales", "from", "to", "groupBy"),
	RECEIVABLES_AGING("receivables-aging", "Receivables aging", "asOf"),
	STOCK_VALUATION("stock-valuation", "Stock valuation"),
	PROCESS_FIGURES("process-figures", "Process figures", "from", "to");

	private final String code;

	private final String title;

	private final List<String> parameters;

	ExportReport(String code, String title, String... parameters) {
		this.code = code;
		this.title = title;
		this.parameters = List.of(parameters);
	}

	String code() {
		return this.code;
	}

	String title() {
		return this.title;
	}

	List<String> parameters() {
		return this.parameters;
	}

	static ExportReport parse(String code) {
		if (code == null || code.isBlank()) {
			throw new InvalidInputException("report", "is required");
		}
		String wanted = code.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter(r -> r.code.equals(wanted))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("report", "must be one of "
					+ Arrays.stream(values()).map(ExportReport::code).collect(Collectors.joining(", "))));
	}

}
