package kz.prometric.erp.workflow;

import java.sql.SQLException;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine REST API answers a database outage in the middle of a command 503 with
 * {@code Retry-After}, like the ERP's own API, and keeps 500 for other platform faults.
 */
class EngineRestDatabaseUnavailableTests {

	@Test
	void aCommandCutOffByADatabaseRestartIs503WithRetryAfter() {
		Response response = EngineRestProblems.answer(
				new ProcessEngineException("flush failed",
						new org.apache.ibatis.exceptions.PersistenceException(
								new SQLException("terminating connection due to administrator command", "57P01"))),
				null);

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
	}

	@Test
	void anotherPlatformFaultStays500() {
		Response response = EngineRestProblems
			.answer(new ProcessEngineException("flush failed", new org.apache.ibatis.exceptions.PersistenceException(
					new SQLException("relation \"act_ru_task\" does not exist", "42P01"))), null);

		assertThat(response.getStatus()).isEqualTo(500);
	}

}
