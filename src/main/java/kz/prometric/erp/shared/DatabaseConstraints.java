package kz.prometric.erp.shared;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Reads what the database refused: which unique constraint a concurrent duplicate hit, or
 * whether a value itself could not be stored.
 */
public final class DatabaseConstraints {

	private static final String UNIQUE_VIOLATION = "23505";

	private static final String DATA_EXCEPTION_CLASS = "22";

	private static final String CONNECTION_EXCEPTION_CLASS = "08";

	private static final String OPERATOR_INTERVENTION = "57P";

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

	/**
	 * Whether {@code ex} means the database could not be reached or went away (restart,
	 * failover, no free connection in time): SQLSTATE class 08 (connection exception) or
	 * 57P (operator intervention: shutdown, crash), a connection the pool could not give,
	 * or a transaction that could not begin for that reason. Nothing of the request was
	 * kept; the same request can be sent again.
	 */
	public static boolean isUnavailable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof CannotCreateTransactionException
					|| cause instanceof DataAccessResourceFailureException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)
							|| sql.getSQLState().startsWith(OPERATOR_INTERVENTION))) {
				return true;
			}
		}
		return false;
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
