package kz.prometric.erp.analytics;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

import kz.prometric.erp.shared.InvalidInputException;

/** The file formats of an export, by the name the API uses. */
enum ExportFormat {

	CSV("csv"), XLSX("xlsx");

	private final String code;

	ExportFormat(String code) {
		this.code = code;
	}

	String code() {
		return this.code;
	}

	/** A writer of this format onto {@code out} (which it closes). */
	TableWriter writer(OutputStream out, String sheetName) throws IOException {
		return (this == CSV) ? new CsvTableWriter(out) : new XlsxTableWriter(out, sheetName);
	}

	static ExportFormat parse(String code) {
		if (code == null || code.isBlank()) {
			throw new InvalidInputException("format", "is required");
		}
		return switch (code.strip().toLowerCase(Locale.ROOT)) {
			case "csv" -> CSV;
			case "xlsx" -> XLSX;
			default -> throw new InvalidInputException("format", "must be csv or xlsx");
		};
	}

}
