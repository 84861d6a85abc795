package kz.prometric.erp.document;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Makes a client's file name safe to keep and to send back in a
 * {@code Content-Disposition}: only the last path segment ({@code ../../etc/passwd} →
 * {@code passwd}), Unicode NFC, no control or format characters (CR, LF, NUL, bidi
 * overrides), none of {@code < > : " | ? * / \}, no leading or trailing dots and spaces,
 * no Windows device names ({@code CON}, {@code NUL}, {@code COM1} …), at most
 * {@link #MAX_LENGTH} characters; letters of every script (Cyrillic, Kazakh ә ғ қ ң ө ұ ү
 * һ і) stay. The extension is the one of the sniffed content type, so a PNG named
 * {@code scan.pdf} is kept as {@code scan.png}.
 */
final class FileNames {

	/** The longest name kept, in characters (code points). */
	static final int MAX_LENGTH = 200;

	private static final String FORBIDDEN = "<>:\"|?*/\\";

	private static final Pattern DEVICE = Pattern
		.compile("(?i)(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\\$|conout\\$)");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private FileNames() {
	}

	/**
	 * The safe name of a file of {@code type} that the client called {@code original}
	 * ({@code document.<ext>} when nothing usable is left).
	 */
	static String sanitize(String original, SniffedType type) {
		String name = (original != null) ? Normalizer.normalize(original, Normalizer.Form.NFC) : "";
		int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
		name = name.substring(cut + 1);
		StringBuilder clean = new StringBuilder();
		name.codePoints().forEach(c -> {
			int category = Character.getType(c);
			if (category == Character.CONTROL || category == Character.FORMAT || category == Character.SURROGATE
					|| category == Character.PRIVATE_USE || category == Character.UNASSIGNED
					|| category == Character.LINE_SEPARATOR || category == Character.PARAGRAPH_SEPARATOR) {
				return;
			}
			if (FORBIDDEN.indexOf(c) >= 0) {
				clean.append('_');
			}
			else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				clean.append(' ');
			}
			else {
				clean.appendCodePoint(c);
			}
		});
		name = strip(SPACES.matcher(clean).replaceAll(" "));
		String base = name;
		String extension = type.extension();
		int dot = name.lastIndexOf('.');
		if (dot >= 0) {
			base = strip(name.substring(0, dot));
			String own = name.substring(dot + 1);
			if (type.extensions().contains(own.toLowerCase(Locale.ROOT))) {
				extension = own;
			}
		}
		if (base.isEmpty()) {
			base = "document";
		}
		int firstDot = base.indexOf('.');
		String stem = (firstDot > 0) ? base.substring(0, firstDot) : base;
		if (DEVICE.matcher(stem.strip()).matches()) {
			base = "_" + base;
		}
		int room = MAX_LENGTH - extension.length() - 1;
		if (base.codePointCount(0, base.length()) > room) {
			base = strip(base.substring(0, base.offsetByCodePoints(0, room)));
			if (base.isEmpty()) {
				base = "document";
			}
		}
		return base + "." + extension;
	}

	private static String strip(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && (text.charAt(start) == '.' || text.charAt(start) == ' ')) {
			start++;
		}
		while (end > start && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ' ')) {
			end--;
		}
		return text.substring(start, end);
	}

}
