package kz.prometric.erp.analytics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The smallest XLSX (Office Open XML) that Excel, LibreOffice and Google Sheets open: one
 * sheet, written as a stream of rows into a ZIP, so memory stays flat however many rows
 * there are (no library: Apache POI's streaming SXSSF needs POI, xmlbeans and commons
 * jars, about 15 MB, for this; fastexcel is not available). Numbers are numeric cells
 * (decimals with the format {@code #,##0.00}), dates are date cells ({@code yyyy-mm-dd},
 * date and time {@code yyyy-mm-dd hh:mm:ss}), text is an inline string
 * ({@code t="inlineStr"}), which a spreadsheet never evaluates; it is escaped like CSV
 * all the same ({@link Cells#text}), so a text cell starting with {@code =} also stays
 * text when someone edits it and presses Enter. The header row is bold. At most
 * {@link #MAX_ROWS} data rows (Excel's limit less the header).
 */
final class XlsxTableWriter implements TableWriter {

	/** Excel's 1,048,576 rows less the header. */
	static final int MAX_ROWS = 1_048_575;

	private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	private static final String RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

	private static final String DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private static final int STYLE_DATE = 1;

	private static final int STYLE_DATE_TIME = 2;

	private static final int STYLE_HEADER = 3;

	private static final int STYLE_DECIMAL = 4;

	private final ZipOutputStream zip;

	private final Writer sheet;

	private int row;

	XlsxTableWriter(OutputStream out, String sheetName) throws IOException {
		this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		part("[Content_Types].xml", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
				<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
				<Default Extension="xml" ContentType="application/xml"/>\
				<Override PartName="/xl/workbook.xml" \
				ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
				<Override PartName="/xl/worksheets/sheet1.xml" \
				ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
				<Override PartName="/xl/styles.xml" \
				ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
				</Types>""");
		part("_rels/.rels",
				"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"" + RELS
						+ "\"><Relationship Id=\"rId1\" Type=\"" + DOC_RELS
						+ "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
		part("xl/workbook.xml",
				"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"" + MAIN
						+ "\" xmlns:r=\"" + DOC_RELS + "\"><sheets><sheet name=\"" + escape(sheetName(sheetName))
						+ "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
		part("xl/_rels/workbook.xml.rels",
				"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + "<Relationships xmlns=\"" + RELS
						+ "\"><Relationship Id=\"rId1\" Type=\"" + DOC_RELS
						+ "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" + DOC_RELS
						+ "/styles\" Target=\"styles.xml\"/></Relationships>");
		part("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\""
				+ MAIN + "\"><numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/>"
				+ "<numFmt numFmtId=\"165\" formatCode=\"yyyy-mm-dd hh:mm:ss\"/></numFmts>"
				+ "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
				+ "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
				+ "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
				+ "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
				+ "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
				+ "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
				+ "<cellXfs count=\"5\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
				+ "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
				+ "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
				+ "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
				+ "<xf numFmtId=\"4\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
				+ "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/>"
				+ "</cellStyles></styleSheet>");
		this.zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
		this.sheet = new BufferedWriter(new OutputStreamWriter(this.zip, StandardCharsets.UTF_8), 64 * 1024);
		this.sheet.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN
				+ "\"><sheetData>");
	}

	@Override
	public void header(List<String> names) throws IOException {
		this.row++;
		this.sheet.write("<row r=\"" + this.row + "\">");
		for (int i = 0; i < names.size(); i++) {
			inline(i, names.get(i), STYLE_HEADER);
		}
		this.sheet.write("</row>");
	}

	@Override
	public void row(Object[] cells) throws IOException {
		if (this.row > MAX_ROWS) {
			throw new IllegalStateException(
					"An XLSX sheet holds at most " + MAX_ROWS + " rows; export this report as CSV");
		}
		this.row++;
		this.sheet.write("<row r=\"" + this.row + "\">");
		for (int i = 0; i < cells.length; i++) {
			Object cell = cells[i];
			if (cell == null) {
				continue;
			}
			if (cell instanceof BigDecimal number) {
				number(i, number.toPlainString(), STYLE_DECIMAL);
			}
			else if (cell instanceof Long || cell instanceof Integer) {
				number(i, cell.toString(), 0);
			}
			else if (cell instanceof LocalDate date) {
				number(i, Long.toString(ChronoUnit.DAYS.between(EPOCH, date)), STYLE_DATE);
			}
			else if (cell instanceof LocalDateTime time) {
				long days = ChronoUnit.DAYS.between(EPOCH, time.toLocalDate());
				BigDecimal fraction = BigDecimal.valueOf(time.toLocalTime().toSecondOfDay())
					.divide(BigDecimal.valueOf(86_400), 10, java.math.RoundingMode.HALF_UP);
				number(i, BigDecimal.valueOf(days).add(fraction).stripTrailingZeros().toPlainString(), STYLE_DATE_TIME);
			}
			else {
				inline(i, Cells.text(cell.toString()), 0);
			}
		}
		this.sheet.write("</row>");
	}

	private void number(int column, String value, int style) throws IOException {
		this.sheet.write("<c r=\"" + reference(column) + "\"" + ((style != 0) ? " s=\"" + style + "\"" : "") + "><v>"
				+ value + "</v></c>");
	}

	private void inline(int column, String text, int style) throws IOException {
		this.sheet.write("<c r=\"" + reference(column) + "\" t=\"inlineStr\""
				+ ((style != 0) ? " s=\"" + style + "\"" : "") + "><is><t xml:space=\"preserve\">");
		this.sheet.write(escape(text));
		this.sheet.write("</t></is></c>");
	}

	private String reference(int column) {
		StringBuilder letters = new StringBuilder();
		int n = column + 1;
		while (n > 0) {
			int rest = (n - 1) % 26;
			letters.insert(0, (char) ('A' + rest));
			n = (n - 1) / 26;
		}
		return letters.append(this.row).toString();
	}

	/** XML text: markup characters escaped, characters XML 1.0 cannot hold dropped. */
	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\r' -> out.append("&#13;");
				default -> {
					if (c >= 0x20 || c == '\t' || c == '\n') {
						if (c != 0xFFFE && c != 0xFFFF) {
							out.append(c);
						}
					}
				}
			}
		}
		return out.toString();
	}

	/** A sheet name: at most 31 characters, none of {@code []:*?/\}. */
	private static String sheetName(String name) {
		String clean = name.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
		if (clean.isEmpty()) {
			clean = "Report";
		}
		return (clean.length() > 31) ? clean.substring(0, 31) : clean;
	}

	private void part(String name, String content) throws IOException {
		this.zip.putNextEntry(new ZipEntry(name));
		this.zip.write(content.getBytes(StandardCharsets.UTF_8));
		this.zip.closeEntry();
	}

	@Override
	public void close() throws IOException {
		this.sheet.write("</sheetData></worksheet>");
		this.sheet.flush();
		this.zip.closeEntry();
		this.zip.finish();
		this.zip.close();
	}

}
