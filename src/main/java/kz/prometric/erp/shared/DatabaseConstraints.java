package kz.prometric.erp.shared;

import java.sql.SQLException;

/**
 * Reads what the database refused: which unique constraint a concurrent duplicate hit, or
 * whether a value itself could not be stored.
 */
public final class DatabaseConstraints {

	private static final String UNIQUE_VIOLATION = "23505";

	private static final String DATA_EXCEPTION_CLASS = "22";

	private DatabaseConstraints() {
	}

	/**
	 * Whether {@code ex} was caused by a duplicate in the unique constraint or index
	 * named {@code constraint}.
	 */
	public static boolean isUniqueViolation(Throwable ex, String constraint) {
		SQLException sql = sqlCause(ex);
		return sql != null && UNIQUE_VIOLATION.equals(sql.getSQLState()) && sql.getMessage() != null
				&& sql.getMessage().contains("\"" + constraint + "\"");
	}

	/**
	 * SQLSTATE class 22: the value itself is invalid (bad encoding, NUL characters, out
	 * of range).
	 */
	public static boolean isDataException(Throwable ex) {
		SQLException sql = sqlCause(ex);
		return sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith(DATA_EXCEPTION_CLASS);
	}

	private static SQLException sqlCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof SQLException sql) {
				return sql;
			}
		}
		return null;
	}

}
