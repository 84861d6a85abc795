package kz.prometric.erp.document;

import org.springframework.core.io.InputStreamSource;

/**
 * A file as a client sent it: the name it gave (untrusted; sanitized before it is kept),
 * its size and its bytes, readable more than once (a multipart part on disk).
 */
public record UploadedFile(String originalName, long size, InputStreamSource content) {
}
