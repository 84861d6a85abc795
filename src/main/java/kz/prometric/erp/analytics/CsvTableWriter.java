package kz.prometric.erp.analytics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.nio.charset.StandardCharsets;

/**
 * CSV as RFC 4180 writes it: comma separated, CRLF line ends, a field in double quotes
 * when it holds a comma, a quote, CR or LF (quotes doubled inside), in UTF-8 with a byte
 * order mark (so Excel reads Cyrillic and Kazakh text right). Numbers are plain decimals
 * with a point ({@code 1500000.00}), dates ISO ({@code 2026-03-31}), date and time
 * {@code 2026-03-31 14:05:00}. Text cells are escaped against formula injection
 * ({@link Cells#text}).
 */
final class CsvTableWriter implements TableWriter {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final Writer out;

	CsvTableWriter(OutputStream out) throws IOException {
		this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
		this.out.write('\uFEFF');
	}

	@Override
	public void header(List<String> names) throws IOException {
		row(names.toArray());
	}

	@Override
	public void row(Object[] cells) throws IOException {
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				this.out.write(',');
			}
			write(cells[i]);
		}
		this.out.write("\r\n");
	}

	private void write(Object cell) throws IOException {
		if (cell == null) {
			return;
		}
		if (cell instanceof BigDecimal number) {
			this.out.write(number.toPlainString());
		}
		else if (cell instanceof Long || cell instanceof Integer) {
			this.out.write(cell.toString());
		}
		else if (cell instanceof LocalDate date) {
			this.out.write(date.toString());
		}
		else if (cell instanceof LocalDateTime time) {
			this.out.write(DATE_TIME.format(time));
		}
		else {
			quoted(Cells.text(cell.toString()));
		}
	}

	private void quoted(String text) throws IOException {
		boolean quote = false;
		for (int i = 0; i < text.length() && !quote; i++) {
			char c = text.charAt(i);
			quote = c == ',' || c == '"' || c == '\r' || c == '\n';
		}
		if (!quote) {
			this.out.write(text);
			return;
		}
		this.out.write('"');
		this.out.write(text.replace("\"", "\"\""));
		this.out.write('"');
	}

	@Override
	public void close() throws IOException {
		this.out.close();
	}

}
