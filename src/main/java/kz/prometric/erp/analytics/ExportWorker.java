package kz.prometric.erp.analytics;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import kz.prometric.erp.document.DocumentManagement;
import kz.prometric.erp.document.DocumentView;
import kz.prometric.erp.document.ObjectType;
import kz.prometric.erp.notification.NotificationKind;
import kz.prometric.erp.notification.UserNotices;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the export jobs in the background, on Spring's task execution: a small pool of its
 * own ({@code prometric.analytics.exports.threads}, default 2), fed by a poll every few
 * seconds ({@code prometric.analytics.exports.poll-interval}) and woken at once when a
 * job is queued on this node. A job is leased ({@code prometric.analytics.exports.lease},
 * default a minute) and the lease is extended with every progress update (every
 * {@link #PROGRESS_EVERY} rows, each its own short statement); a job whose node died is
 * claimed again when its lease runs out and starts over, its partial file (in the dead
 * node's temporary folder) forgotten. A node that lost its lease notices at its next
 * update, stops and deletes its file. The finished file becomes the document in the same
 * transaction that marks the job DONE; the requester is told after that commit (and again
 * by the poll if the node died in between; the notification is once per job anyway).
 */
@Component
class ExportWorker {

	/** Rows between two progress updates. */
	static final int PROGRESS_EVERY = 1000;

	private static final Logger log = LoggerFactory.getLogger(ExportWorker.class);

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private static final TypeReference<LinkedHashMap<String, String>> PARAMETERS = new TypeReference<>() {
	};

	private final ExportJobs jobs;

	private final ReportTables tables;

	private final DocumentManagement documents;

	private final UserNotices notices;

	private final TransactionTemplate transaction;

	private final ObjectMapper mapper;

	private final Clock clock;

	private final Duration lease;

	private final boolean enabled;

	private final int threads;

	private final Semaphore free;

	private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

	ExportWorker(ExportJobs jobs, ReportTables tables, DocumentManagement documents, UserNotices notices,
			TransactionTemplate transaction, ObjectMapper mapper, Clock clock,
			@Value("${prometric.analytics.exports.lease:PT1M}") Duration lease,
			@Value("${prometric.analytics.exports.threads:2}") int threads,
			@Value("${prometric.analytics.exports.worker-enabled:true}") boolean enabled) {
		this.jobs = jobs;
		this.tables = tables;
		this.documents = documents;
		this.notices = notices;
		this.transaction = transaction;
		this.mapper = mapper;
		this.clock = clock;
		this.lease = lease;
		this.enabled = enabled;
		this.threads = threads;
		this.free = new Semaphore(threads);
		// one more thread than runners: the wake-ups and polls that claim jobs
		this.executor.setCorePoolSize(threads + 1);
		this.executor.setMaxPoolSize(threads + 1);
		this.executor.setQueueCapacity(threads + 16);
		this.executor.setThreadNamePrefix("report-export-");
		this.executor.setWaitForTasksToCompleteOnShutdown(false);
		this.executor.initialize();
	}

	@PreDestroy
	void stop() {
		this.executor.shutdown();
	}

	@Scheduled(initialDelayString = "${prometric.analytics.exports.poll-interval:PT5S}",
			fixedDelayString = "${prometric.analytics.exports.poll-interval:PT5S}")
	void poll() {
		if (!this.enabled) {
			return;
		}
		try {
			dispatch();
			tellMissed();
		}
		catch (RuntimeException ex) {
			log.warn("Claiming report exports failed; will try again", ex);
		}
	}

	/** A job was queued on this node: look for work now rather than at the next poll. */
	void wake() {
		if (!this.enabled) {
			return;
		}
		try {
			this.executor.execute(() -> {
				try {
					dispatch();
				}
				catch (RuntimeException ex) {
					log.warn("Claiming report exports failed; the poll tries again", ex);
				}
			});
		}
		catch (RuntimeException ex) {
			log.debug("Export wake-up not queued; the poll picks the job up", ex);
		}
	}

	/**
	 * Fails the jobs that were interrupted too often, then claims as many jobs as there
	 * are free runners and starts them; answers how many it claimed.
	 */
	synchronized int dispatch() {
		Instant now = this.clock.instant();
		for (ExportJobs.Job failed : this.jobs.failExhausted(now)) {
			tell(failed.id(), failed.workspaceId(), failed.requestedBy(), failed.report(), failed.format(), null,
					failed.error());
		}
		int available = this.free.availablePermits();
		if (available == 0) {
			return 0;
		}
		List<ExportJobs.Claim> claims = this.jobs.claim(now, available, now.plus(this.lease));
		for (ExportJobs.Claim claim : claims) {
			this.free.acquireUninterruptibly();
			try {
				this.executor.execute(() -> {
					try {
						run(claim);
					}
					finally {
						this.free.release();
					}
				});
			}
			catch (RuntimeException ex) {
				this.free.release();
				log.warn("Export {} could not be started here; its lease runs out and a node takes it", claim.id(), ex);
			}
		}
		return claims.size();
	}

	/** Tells the requesters of finished jobs who were not told (a node died). */
	void tellMissed() {
		for (ExportJobs.Job job : this.jobs.unnotified(this.clock.instant().minusSeconds(30))) {
			tell(job.id(), job.workspaceId(), job.requestedBy(), job.report(), job.format(), job.documentId(),
					job.error());
		}
	}

	/** One attempt of a claimed job, from the first row. */
	void run(ExportJobs.Claim claim) {
		ExportReport report = ExportReport.parse(claim.report());
		ExportFormat format = ExportFormat.parse(claim.format());
		Path file = null;
		try {
			file = Files.createTempFile("prometric-export-" + claim.id() + "-", "." + format.code());
			ReportTables.Table table = this.tables.table(report, claim.workspaceId(), claim.requestedBy(),
					parameters(claim.parameters()));
			long total = table.expectedRows();
			long[] written = { 0 };
			if (!this.jobs.progress(claim, 0, total, 0, this.clock.instant().plus(this.lease))) {
				throw new LeaseLost();
			}
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
					TableWriter writer = format.writer(out, report.title())) {
				writer.header(table.columns());
				table.rows(row -> {
					writer.row(row);
					written[0]++;
					if (written[0] % PROGRESS_EVERY == 0) {
						int percent = (int) Math.min(99, (total > 0) ? written[0] * 100 / total : 0);
						if (!this.jobs.progress(claim, written[0], total, percent,
								this.clock.instant().plus(this.lease))) {
							throw new LeaseLost();
						}
					}
				});
			}
			String name = report.code() + "-"
					+ STAMP.format(LocalDateTime.ofInstant(this.clock.instant(), AnalyticsReports.BUSINESS_ZONE)) + "."
					+ format.code();
			Path done = file;
			DocumentView document = this.transaction.execute(status -> {
				DocumentView stored = this.documents.generated(claim.workspaceId(), claim.requestedBy(),
						ObjectType.REPORT, claim.id(), name, new FileSystemResource(done));
				if (!this.jobs.finish(claim, stored.id(), stored.fileName(), written[0], this.clock.instant())) {
					// rolls the document back (its stored content is removed again)
					throw new LeaseLost();
				}
				return stored;
			});
			log.info("Export {} ({} as {}) done: {} rows, attempt {}", claim.id(), report.code(), format.code(),
					written[0], claim.attempts());
			tell(claim.id(), claim.workspaceId(), claim.requestedBy(), report.code(), format.code(), document.id(),
					null);
		}
		catch (LeaseLost ex) {
			log.info("Export {} lost its lease (another node runs it now); this attempt stops", claim.id());
		}
		catch (InvalidInputException | NotFoundException | BusinessRuleViolation | IllegalStateException ex) {
			failed(claim, report, format, reason(ex));
		}
		catch (IOException | RuntimeException ex) {
			log.error("Export {} failed", claim.id(), ex);
			failed(claim, report, format, "The export failed unexpectedly; ask again (export " + claim.id() + ")");
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					log.warn("Could not delete the temporary export file {}", file, ex);
				}
			}
		}
	}

	private static String reason(RuntimeException ex) {
		if (ex instanceof NotFoundException) {
			return "The requester is no longer a member of the workspace";
		}
		return ex.getMessage();
	}

	private void failed(ExportJobs.Claim claim, ExportReport report, ExportFormat format, String reason) {
		if (this.jobs.fail(claim, reason, this.clock.instant())) {
			tell(claim.id(), claim.workspaceId(), claim.requestedBy(), report.code(), format.code(), null, reason);
		}
	}

	/** Tells the requester (once per job, whoever calls it how often). */
	private void tell(UUID jobId, UUID workspaceId, UUID requestedBy, String report, String format, UUID documentId,
			String error) {
		try {
			String what = report + " (" + format.toUpperCase(java.util.Locale.ROOT) + ")";
			if (documentId != null) {
				this.notices.tell(NotificationKind.REPORT_READY, workspaceId, requestedBy, "report.ready:" + jobId,
						"Report ready: " + what, "Your export is ready to download.",
						"/api/workspaces/" + workspaceId + "/documents/" + documentId + "/versions/1/content");
			}
			else {
				this.notices.tell(NotificationKind.REPORT_FAILED, workspaceId, requestedBy, "report.failed:" + jobId,
						"Report failed: " + what, (error != null) ? error : "The export failed.",
						"/api/workspaces/" + workspaceId + "/analytics/exports/" + jobId);
			}
			this.jobs.notified(jobId, this.clock.instant());
		}
		catch (RuntimeException ex) {
			log.warn("Could not tell the requester of export {}; the poll tries again", jobId, ex);
		}
	}

	private Map<String, String> parameters(String json) {
		try {
			return this.mapper.readValue(json, PARAMETERS);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored export parameters are not JSON: " + json, ex);
		}
	}

	int threads() {
		return this.threads;
	}

	/** The claim no longer holds the job's lease. */
	private static final class LeaseLost extends RuntimeException {

		LeaseLost() {
			super(null, null, false, false);
		}

	}

}
