package kz.prometric.erp.shared;

import java.util.Locale;

/**
 * A user's search text as a case-insensitive {@code LIKE} pattern matching it anywhere,
 * taken literally: {@code %}, {@code _} and {@code \} are escaped. Queries compare
 * {@code fold(column) like :search escape '\'}: {@code fold} lower-cases with ICU (see
 * {@code shared.persistence.FoldFunctionContributor}), as this pattern is lower-cased
 * with {@link Locale#ROOT}, so Cyrillic matches in any case.
 */
public final class SearchText {

	private SearchText() {
	}

	/**
	 * {@code %text%} in lower case, escaped; {@code null} for no or blank text (no
	 * filter).
	 */
	public static String containing(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String escaped = text.strip()
			.toLowerCase(Locale.ROOT)
			.replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_");
		return "%" + escaped + "%";
	}

}
