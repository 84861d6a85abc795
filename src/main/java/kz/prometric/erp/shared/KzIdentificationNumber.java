package kz.prometric.erp.shared;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Kazakhstan's 12-digit identification numbers: BIN (legal entities) and IIN
 * (individuals). Both share one check-digit rule: weights 1..11, and when the remainder
 * is 10 a second pass with weights 3..11,1,2; a number whose second pass also gives 10 is
 * never valid. See {@code docs/kazakhstan.md}.
 */
public final class KzIdentificationNumber {

	private static final int[] FIRST_WEIGHTS = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };

	private static final int[] SECOND_WEIGHTS = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2 };

	private KzIdentificationNumber() {
	}

	/** Why a number was refused, or {@code null} when it is a valid BIN. */
	public static String binProblem(String value) {
		String format = formatProblem(value);
		if (format != null) {
			return format;
		}
		int month = Integer.parseInt(value.substring(2, 4));
		if (month < 1 || month > 12) {
			return "digits 3-4 must be the registration month (01-12)";
		}
		char type = value.charAt(4);
		if (type < '4' || type > '6') {
			return "digit 5 must be 4, 5 or 6 (legal entity type)";
		}
		char attribute = value.charAt(5);
		if (attribute < '0' || attribute > '3') {
			return "digit 6 must be 0-3 (head office, branch, representative office, farm)";
		}
		return checkDigitProblem(value);
	}

	/** Why a number was refused, or {@code null} when it is a valid IIN. */
	public static String iinProblem(String value) {
		String format = formatProblem(value);
		if (format != null) {
			return format;
		}
		int centuryAndSex = value.charAt(6) - '0';
		if (centuryAndSex < 1 || centuryAndSex > 6) {
			return "digit 7 must be 1-6 (century and sex)";
		}
		int century = 1800 + ((centuryAndSex - 1) / 2) * 100;
		try {
			LocalDate.of(century + Integer.parseInt(value.substring(0, 2)), Integer.parseInt(value.substring(2, 4)),
					Integer.parseInt(value.substring(4, 6)));
		}
		catch (DateTimeException ex) {
			return "digits 1-6 must be a valid birth date (YYMMDD)";
		}
		return checkDigitProblem(value);
	}

	public static boolean isValidBin(String value) {
		return binProblem(value) == null;
	}

	public static boolean isValidIin(String value) {
		return iinProblem(value) == null;
	}

	private static String formatProblem(String value) {
		if (value == null || value.length() != 12 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return "must be exactly 12 digits";
		}
		return null;
	}

	private static String checkDigitProblem(String value) {
		int remainder = weightedSum(value, FIRST_WEIGHTS) % 11;
		if (remainder == 10) {
			remainder = weightedSum(value, SECOND_WEIGHTS) % 11;
		}
		if (remainder == 10) {
			return "no valid number starts with these 11 digits";
		}
		return (remainder == value.charAt(11) - '0') ? null : "check digit is wrong";
	}

	private static int weightedSum(String value, int[] weights) {
		int sum = 0;
		for (int i = 0; i < 11; i++) {
			sum += (value.charAt(i) - '0') * weights[i];
		}
		return sum;
	}

}
