package kz.prometric.erp.analytics;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A report export as the API answers it. {@code state} is QUEUED, RUNNING, DONE or
 * FAILED; {@code progress} the percentage of rows written (100 when DONE);
 * {@code attempts} how often a node has started it (more than 1 after a node died while
 * running it). When DONE, {@code documentId} is the stored file's document and
 * {@code downloadLink} the path of its content; when FAILED, {@code error} says why.
 */
public record ExportView(UUID id, UUID workspaceId, String report, String format, Map<String, String> parameters,
		String state, int progress, long rowsWritten, Long totalRows, int attempts, UUID createdBy, Instant createdAt,
		Instant startedAt, Instant finishedAt, UUID documentId, String fileName, String downloadLink, String error) {
}
