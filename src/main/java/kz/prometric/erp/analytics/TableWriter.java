package kz.prometric.erp.analytics;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Writes one table, row by row, as a file; nothing is kept in memory but the current row.
 * Cell values are {@link String} (text), {@link Long} or {@link Integer} (whole numbers),
 * {@link java.math.BigDecimal} (decimals), {@link java.time.LocalDate} (dates),
 * {@link java.time.LocalDateTime} (date and time, already in the business zone),
 * {@link java.util.UUID} (written as text) or null (empty). Text cells are escaped with
 * {@link Cells#text}; numbers and dates never are.
 */
interface TableWriter extends Closeable {

	void header(List<String> names) throws IOException;

	void row(Object[] cells) throws IOException;

	/** Finishes the file and closes the stream. */
	@Override
	void close() throws IOException;

}
