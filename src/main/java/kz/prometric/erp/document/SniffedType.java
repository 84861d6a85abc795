package kz.prometric.erp.document;

import java.util.List;

/**
 * The content types a document may have, told from its bytes ({@link ContentSniffer}),
 * with the file extensions they are known by (the first is the one a kept name gets).
 */
enum SniffedType {

	PDF("application/pdf", "pdf"), PNG("image/png", "png"), JPEG("image/jpeg", "jpg", "jpeg"), GIF("image/gif", "gif"),
	WEBP("image/webp", "webp"), DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
	ODT("application/vnd.oasis.opendocument.text", "odt"), CSV("text/csv;charset=UTF-8", "csv"),
	TEXT("text/plain;charset=UTF-8", "txt");

	private final String contentType;

	private final List<String> extensions;

	SniffedType(String contentType, String... extensions) {
		this.contentType = contentType;
		this.extensions = List.of(extensions);
	}

	String contentType() {
		return this.contentType;
	}

	String extension() {
		return this.extensions.get(0);
	}

	List<String> extensions() {
		return this.extensions;
	}

}
