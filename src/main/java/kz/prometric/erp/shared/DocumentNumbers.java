package kz.prometric.erp.shared;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gapless, sequential document numbers per workspace, series and year
 * ({@code INV-2026-000001}, {@code INV-2026-000002}, …), as an invoice's own number (ESF
 * field 1.1) must be.
 * <p>
 * The counter is a row of {@code shared_number_sequence}, created on first use and
 * advanced with {@code update … returning}, which locks the row until the caller's
 * transaction ends. So the number is taken only if the document that carries it commits:
 * a rollback gives it back and the next caller gets the same number. Concurrent callers,
 * on this node or another, queue on the row lock for that one series and year; other
 * workspaces, series and years are not held up. Keep the issuing transaction short after
 * calling {@link #next}: it holds the counter until it commits.
 */
@Service
public class DocumentNumbers {

	private static final Pattern SERIES = Pattern.compile("[A-Z][A-Z0-9]{0,19}");

	private final JdbcTemplate jdbc;

	DocumentNumbers(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes the next number of {@code series} for {@code year} in the workspace, e.g.
	 * {@code next(ws, "INV", 2026)} → {@code "INV-2026-000001"} (six digits, more once a
	 * year passes 999,999). Not idempotent: every call in a committed transaction
	 * consumes a number.
	 * <p>
	 * Must run inside the caller's transaction (propagation {@code MANDATORY}: joins it
	 * like {@code REQUIRED}, and refuses to run without one, since a number committed on
	 * its own would be lost if the document's transaction then failed).
	 * @param series upper-case letters and digits, starting with a letter, at most 20
	 * @param year the year the document belongs to (usually of its issue date), 1000 to
	 * 9999
	 * @throws org.springframework.transaction.IllegalTransactionStateException when no
	 * transaction is active
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public String next(UUID workspaceId, String series, int year) {
		if (workspaceId == null) {
			throw new IllegalArgumentException("A document number needs a workspace");
		}
		if (series == null || !SERIES.matcher(series).matches()) {
			throw new IllegalArgumentException("A number series is 1 to 20 upper-case letters or digits: " + series);
		}
		if (year < 1000 || year > 9999) {
			throw new IllegalArgumentException("A document year has four digits: " + year);
		}
		this.jdbc.update("""
				insert into shared_number_sequence (workspace_id, series, year, next_value) values (?, ?, ?, 1)
				on conflict (workspace_id, series, year) do nothing""", workspaceId, series, year);
		Long taken = this.jdbc.queryForObject("""
				update shared_number_sequence set next_value = next_value + 1
				where workspace_id = ? and series = ? and year = ?
				returning next_value - 1""", Long.class, workspaceId, series, year);
		return format(series, year, taken);
	}

	/** How a number is written: series, year and the value in six digits. */
	static String format(String series, int year, long value) {
		return String.format("%s-%d-%06d", series, year, value);
	}

}
