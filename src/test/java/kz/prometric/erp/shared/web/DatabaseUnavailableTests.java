package kz.prometric.erp.shared.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import kz.prometric.erp.shared.DatabaseConstraints;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that meets a database being restarted or out of reach is answered 503 with
 * {@code Retry-After} (nothing was kept, send it again), not 500; the database's other
 * refusals keep their answers.
 */
class DatabaseUnavailableTests {

	private final ProblemHandling handling = new ProblemHandling();

	@Test
	void aRestartedOrUnreachableDatabaseIsRecognisedHoweverDeeplyWrapped() {
		assertThat(
				DatabaseConstraints.isUnavailable(new ProcessEngineException("flush failed",
						new org.apache.ibatis.exceptions.PersistenceException(
								new SQLException("terminating connection due to administrator command", "57P01")))))
			.isTrue();
		assertThat(DatabaseConstraints
			.isUnavailable(new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
					new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))))
			.isTrue();
		assertThat(DatabaseConstraints.isUnavailable(new DataAccessResourceFailureException("I/O error",
				new SQLException("An I/O error occurred while sending to the backend.", "08006"))))
			.isTrue();
		assertThat(DatabaseConstraints
			.isUnavailable(new IllegalStateException("wrapped", new SQLException("Connection refused", "08001"))))
			.isTrue();
	}

	@Test
	void theDatabasesRefusalsOfTheRequestItselfAreNotOutages() {
		assertThat(DatabaseConstraints.isUnavailable(new DataIntegrityViolationException("duplicate",
				new SQLException("duplicate key value violates unique constraint", "23505"))))
			.isFalse();
		assertThat(DatabaseConstraints.isUnavailable(new DataIntegrityViolationException("too long",
				new SQLException("value too long for type character varying(200)", "22001"))))
			.isFalse();
		assertThat(DatabaseConstraints.isUnavailable(new IllegalStateException("a bug"))).isFalse();
	}

	@Test
	void anOutageIsAnswered503WithRetryAfterAndABugStays500() {
		ResponseEntity<ProblemDetail> outage = this.handling
			.on(new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
					new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));
		ResponseEntity<ProblemDetail> bug = this.handling.on(new IllegalStateException("a bug"));

		assertThat(outage.getStatusCode().value()).isEqualTo(503);
		assertThat(outage.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(outage.getBody().getType().toString()).endsWith("database-unavailable");
		assertThat(bug.getStatusCode().value()).isEqualTo(500);
	}

}
