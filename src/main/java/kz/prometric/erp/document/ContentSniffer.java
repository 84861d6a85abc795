package kz.prometric.erp.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import kz.prometric.erp.shared.BusinessRuleViolation;

import org.springframework.core.io.InputStreamSource;

/**
 * Tells a document's content type from its bytes, never from its name or the type the
 * client claimed: PDF, PNG, JPEG, GIF and WEBP by their magic numbers; DOCX, XLSX and ODT
 * by the entries of their ZIP container (read from its central directory, nothing is
 * unpacked; documents with macros are refused); as a fallback, text that is valid UTF-8
 * without NUL or other control characters (CSV when the name ends with {@code .csv}).
 * Anything else is refused (422 naming {@code file}): executables, scripts, HTML, SVG and
 * other markup, archives, unknown binaries.
 */
final class ContentSniffer {

	private static final int HEAD = 64;

	private static final int MAX_ZIP_ENTRIES = 10_000;

	private static final String ODT_MIMETYPE = "application/vnd.oasis.opendocument.text";

	private ContentSniffer() {
	}

	static SniffedType sniff(InputStreamSource source, String originalName) throws IOException {
		byte[] head;
		try (InputStream in = source.getInputStream()) {
			head = in.readNBytes(HEAD);
		}
		if (startsWith(head, "%PDF-")) {
			return SniffedType.PDF;
		}
		if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return SniffedType.PNG;
		}
		if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
			return SniffedType.JPEG;
		}
		if (startsWith(head, "GIF87a") || startsWith(head, "GIF89a")) {
			return SniffedType.GIF;
		}
		if (startsWith(head, "RIFF") && head.length >= 12
				&& new String(head, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
			return SniffedType.WEBP;
		}
		if (startsWith(head, 'P', 'K', 3, 4)) {
			return office(source);
		}
		if (startsWith(head, 'M', 'Z') || startsWith(head, 0x7F, 'E', 'L', 'F')
				|| startsWith(head, 0xCA, 0xFE, 0xBA, 0xBE) || startsWith(head, 0xFE, 0xED, 0xFA, 0xCE)
				|| startsWith(head, 0xFE, 0xED, 0xFA, 0xCF) || startsWith(head, 0xCE, 0xFA, 0xED, 0xFE)
				|| startsWith(head, 0xCF, 0xFA, 0xED, 0xFE)) {
			throw refused("is an executable program, which is not accepted");
		}
		return text(source, originalName);
	}

	/** DOCX, XLSX or ODT by the container's entries; any other ZIP is refused. */
	private static SniffedType office(InputStreamSource source) throws IOException {
		Path copy = Files.createTempFile("prometric-sniff-", ".zip");
		try {
			try (InputStream in = source.getInputStream()) {
				Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
			try (ZipFile zip = new ZipFile(copy.toFile())) {
				boolean contentTypes = false;
				boolean word = false;
				boolean excel = false;
				int count = 0;
				for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
					if (++count > MAX_ZIP_ENTRIES) {
						throw refused("is an archive with too many entries");
					}
					String name = entries.nextElement().getName();
					String lower = name.toLowerCase(Locale.ROOT);
					if (lower.endsWith("vbaproject.bin") || lower.startsWith("basic/")
							|| lower.startsWith("scripts/")) {
						throw refused("contains macros or scripts, which are not accepted");
					}
					contentTypes |= name.equals("[Content_Types].xml");
					word |= name.startsWith("word/");
					excel |= name.startsWith("xl/");
				}
				if (contentTypes && word && !excel) {
					return SniffedType.DOCX;
				}
				if (contentTypes && excel && !word) {
					return SniffedType.XLSX;
				}
				ZipEntry mimetype = zip.getEntry("mimetype");
				if (mimetype != null && mimetype.getSize() >= 0 && mimetype.getSize() < 200) {
					try (InputStream in = zip.getInputStream(mimetype)) {
						String declared = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
						if (declared.equals(ODT_MIMETYPE)) {
							return SniffedType.ODT;
						}
					}
				}
				throw refused("is a ZIP archive that is not a DOCX, XLSX or ODT document");
			}
			catch (ZipException ex) {
				throw refused("is a damaged ZIP archive");
			}
		}
		finally {
			Files.deleteIfExists(copy);
		}
	}

	/** Text: valid UTF-8 throughout, no NUL or other control characters, no markup. */
	private static SniffedType text(InputStreamSource source, String originalName) throws IOException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
		CharBuffer chars = CharBuffer.allocate(64 * 1024);
		StringBuilder start = new StringBuilder();
		try (InputStream in = source.getInputStream()) {
			boolean end = false;
			while (!end) {
				int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
				if (n < 0) {
					end = true;
				}
				else {
					bytes.position(bytes.position() + n);
				}
				bytes.flip();
				CoderResult result = decoder.decode(bytes, chars, end);
				if (result.isError()) {
					throw refused("is not a document type that is accepted (PDF, PNG, JPEG, GIF, WEBP, DOCX, XLSX, "
							+ "ODT, or UTF-8 text)");
				}
				if (end) {
					decoder.flush(chars);
				}
				chars.flip();
				while (chars.hasRemaining()) {
					char c = chars.get();
					if (c == 0 || (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\f')) {
						throw refused("is binary data, not a document type that is accepted");
					}
					if (start.length() < 512) {
						start.append(c);
					}
				}
				chars.clear();
				bytes.compact();
			}
		}
		catch (CharacterCodingException ex) {
			throw refused("is not valid UTF-8 text");
		}
		String opening = start.toString().replace("\uFEFF", "").stripLeading();
		String lower = opening.toLowerCase(Locale.ROOT);
		if (opening.startsWith("<") || lower.contains("<html") || lower.contains("<script") || lower.contains("<svg")
				|| lower.contains("<!doctype")) {
			throw refused("is HTML, SVG or other markup, which is not accepted");
		}
		if (opening.startsWith("#!")) {
			throw refused("is a script, which is not accepted");
		}
		boolean csv = originalName != null && originalName.strip().toLowerCase(Locale.ROOT).endsWith(".csv");
		return csv ? SniffedType.CSV : SniffedType.TEXT;
	}

	private static BusinessRuleViolation refused(String why) {
		return new BusinessRuleViolation("file", "The file " + why);
	}

	private static boolean startsWith(byte[] head, String magic) {
		return startsWith(head, magic.chars().toArray());
	}

	private static boolean startsWith(byte[] head, int... magic) {
		if (head.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((head[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

}
