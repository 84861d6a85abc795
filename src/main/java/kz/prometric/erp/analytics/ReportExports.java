package kz.prometric.erp.analytics;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.shared.TooManyRequestsException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Report exports: a member asks for a report as a CSV or XLSX file; the file is written
 * in the background ({@link ExportWorker}), stored as a document of the workspace
 * attached to the export (object type {@code report}), and the member is told
 * ({@code report.ready} or {@code report.failed}). Exports belong to the workspace: every
 * member sees its list; another workspace's export is 404 like an unknown one.
 * docs/analytics.md, "Exports".
 */
@Service
public class ReportExports {

	private static final TypeReference<LinkedHashMap<String, String>> PARAMETERS = new TypeReference<>() {
	};

	private final ExportJobs jobs;

	private final ReportTables tables;

	private final ExportWorker worker;

	private final WorkspaceManagement workspaces;

	private final ObjectMapper mapper;

	private final Clock clock;

	private final int maxActive;

	ReportExports(ExportJobs jobs, ReportTables tables, ExportWorker worker, WorkspaceManagement workspaces,
			ObjectMapper mapper, Clock clock,
			@Value("${prometric.analytics.exports.max-active-per-workspace:3}") int maxActive) {
		this.jobs = jobs;
		this.tables = tables;
		this.worker = worker;
		this.workspaces = workspaces;
		this.mapper = mapper;
		this.clock = clock;
		this.maxActive = maxActive;
	}

	/**
	 * Queues an export of {@code report} ({@code deals}, {@code pipeline},
	 * {@code forecast}, {@code sales}, {@code receivables-aging},
	 * {@code stock-valuation}, {@code process-figures}) as {@code format} ({@code csv},
	 * {@code xlsx}) with the parameters of the JSON report; it starts at once on this
	 * node, or on any node within the poll interval. 404 for a non-member; 400 naming
	 * {@code report}, {@code format} or {@code parameters.<name>}; 429 while the
	 * workspace already has the most queued and running exports (default 3). Not
	 * idempotent: each call is a new export.
	 */
	@Transactional
	public ExportView submit(UUID workspaceId, UUID callerId, String report, String format,
			Map<String, Object> parameters) {
		this.workspaces.requireMember(workspaceId, callerId);
		ExportReport which = ExportReport.parse(report);
		ExportFormat as = ExportFormat.parse(format);
		Map<String, String> checked = this.tables.checked(which, parameters);
		this.jobs.lockWorkspace(workspaceId);
		if (this.jobs.active(workspaceId) >= this.maxActive) {
			throw new TooManyRequestsException("The workspace already has " + this.maxActive
					+ " exports queued or running; ask again when one has finished", Duration.ofSeconds(30));
		}
		UUID id = UUID.randomUUID();
		this.jobs.insert(id, workspaceId, which.code(), as.code(), json(checked), callerId, this.clock.instant());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					ReportExports.this.worker.wake();
				}
			});
		}
		return view(this.jobs.find(workspaceId, id).orElseThrow());
	}

	/**
	 * The workspace's exports, newest first ({@code sort=createdAt,asc}: oldest first).
	 */
	@Transactional(readOnly = true)
	public PageResult<ExportView> exports(UUID workspaceId, UUID callerId, PageQuery query) {
		this.workspaces.requireMember(workspaceId, callerId);
		if (query.sortProperty() != null && !"createdAt".equals(query.sortProperty())) {
			throw new InvalidInputException("sort",
					"cannot sort by '" + query.sortProperty() + "'; allowed: createdAt");
		}
		long offset = (long) (query.page() - 1) * query.size();
		if (offset > PageResult.TOTAL_CAP) {
			throw new InvalidInputException("page", "pages reach the first " + PageResult.TOTAL_CAP + " exports only");
		}
		List<ExportView> items = this.jobs.page(workspaceId, query, (int) offset).stream().map(this::view).toList();
		return new PageResult<>(items, query.page(), query.size(), this.jobs.count(workspaceId));
	}

	/** One export of the workspace; 404 when unknown or another workspace's. */
	@Transactional(readOnly = true)
	public ExportView export(UUID workspaceId, UUID callerId, UUID exportId) {
		this.workspaces.requireMember(workspaceId, callerId);
		return view(this.jobs.find(workspaceId, exportId).orElseThrow(() -> new NotFoundException("Export", exportId)));
	}

	private ExportView view(ExportJobs.Job job) {
		String link = (job.documentId() != null)
				? "/api/workspaces/" + job.workspaceId() + "/documents/" + job.documentId() + "/versions/1/content"
				: null;
		return new ExportView(job.id(), job.workspaceId(), job.report(), job.format(), parameters(job.parameters()),
				job.state(), job.progress(), job.rowsWritten(), job.totalRows(), job.attempts(), job.requestedBy(),
				job.createdAt(), job.startedAt(), job.finishedAt(), job.documentId(), job.fileName(), link,
				job.error());
	}

	private String json(Map<String, String> parameters) {
		try {
			return this.mapper.writeValueAsString(parameters);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Map<String, String> parameters(String json) {
		try {
			return this.mapper.readValue(json, PARAMETERS);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored export parameters are not JSON: " + json, ex);
		}
	}

}
