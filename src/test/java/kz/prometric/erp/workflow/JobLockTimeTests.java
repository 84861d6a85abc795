package kz.prometric.erp.workflow;

import kz.prometric.erp.support.ErpIntegrationTest;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultJobConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job caught by a crashed node runs again once its lock expires, so the lock time is
 * what makes a crashed job resume within a minute (docs/operations.md, "Jobs and crashed
 * nodes"): 30 s, an idle node looks for due jobs at least every 10 s, and an SMTP server
 * can hold a thread for less than the lock time.
 */
@ErpIntegrationTest
class JobLockTimeTests {

	@Autowired
	CamundaBpmProperties camunda;

	@Autowired
	JavaMailSenderImpl mail;

	@Test
	void aCrashedNodesJobIsFreeAgainWithinThirtySeconds() {
		// the job executor as the starter builds it on every node (the test profile runs
		// none:
		// tests drive jobs themselves)
		JobExecutor executor = DefaultJobConfiguration.JobConfiguration.jobExecutor(new SyncTaskExecutor(),
				this.camunda);

		assertThat(executor.getLockTimeInMillis()).isEqualTo(30_000);
		assertThat(executor.getMaxWait()).isLessThanOrEqualTo(10_000);
	}

	@Test
	void smtpWaitsLessThanTheLockTime() {
		assertThat(this.mail.getJavaMailProperties()).containsEntry("mail.smtp.connectiontimeout", "5000")
			.containsEntry("mail.smtp.timeout", "10000")
			.containsEntry("mail.smtp.writetimeout", "10000");
	}

}
