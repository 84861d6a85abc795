package kz.prometric.erp.analytics.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import kz.prometric.erp.analytics.ExportView;
import kz.prometric.erp.analytics.ReportExports;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Report exports of a workspace (members only): asked for here, written in the
 * background, downloaded as a document ({@code downloadLink}). docs/analytics.md,
 * "Exports".
 */
@RestController
@RequestMapping("/api/workspaces/{workspaceId}/analytics/exports")
@Tag(name = "Analytics")
class ExportController {

	private final ReportExports exports;

	ExportController(ReportExports exports) {
		this.exports = exports;
	}

	@PostMapping
	@Operation(summary = "Export a report as CSV or XLSX in the background: 202 with the job (state QUEUED); "
			+ "poll it, or wait for the report.ready notification, then download its downloadLink. report: deals, "
			+ "pipeline, forecast, sales, receivables-aging, stock-valuation, process-figures; format: csv, xlsx; "
			+ "parameters: those of the JSON report. 429 while the workspace has 3 exports queued or running")
	ResponseEntity<ExportView> submit(@PathVariable UUID workspaceId, @Valid @RequestBody CreateExportRequest request) {
		ExportView job = this.exports.submit(workspaceId, CurrentUser.id(), request.report(), request.format(),
				request.parameters());
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create("/api/workspaces/" + workspaceId + "/analytics/exports/" + job.id()))
			.body(job);
	}

	@GetMapping
	@Operation(summary = "The workspace's exports, newest first (sort=createdAt,asc: oldest first)")
	PageResult<ExportView> list(@PathVariable UUID workspaceId, PageQuery page) {
		return this.exports.exports(workspaceId, CurrentUser.id(), page);
	}

	@GetMapping("/{exportId}")
	@Operation(summary = "One export: state, progress in percent, rows written, and when done the document and "
			+ "its download link")
	ExportView get(@PathVariable UUID workspaceId, @PathVariable UUID exportId) {
		return this.exports.export(workspaceId, CurrentUser.id(), exportId);
	}

	record CreateExportRequest(@NotBlank @Size(max = 40) String report, @NotBlank @Size(max = 10) String format,
			@Size(max = 10) Map<String, Object> parameters) {
	}

}
