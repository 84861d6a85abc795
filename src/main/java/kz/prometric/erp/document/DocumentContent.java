package kz.prometric.erp.document;

import java.io.InputStream;

/**
 * The content of one version, to be streamed to the caller (who closes {@code content}),
 * with the sniffed content type and the sanitized file name.
 */
public record DocumentContent(String fileName, String contentType, long size, String sha256, InputStream content) {
}
