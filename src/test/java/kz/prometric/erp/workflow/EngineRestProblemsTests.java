package kz.prometric.erp.workflow;

import java.sql.SQLException;

import jakarta.ws.rs.core.Response;
import kz.prometric.erp.shared.BusinessRuleViolation;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine REST's answers to errors that the matrix cannot provoke through a route (a
 * platform fault, a refusal of the ERP's own engine plugins): never a 500 for what a
 * client caused, never a message that names what the caller may not see.
 */
class EngineRestProblemsTests {

	@Test
	void answersAClientRefusalWithItsOwnStatusAndMessage() {
		Response response = EngineRestProblems.answer(new VariablesRefused("Field 'dealId' is not on this form"), null);

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(dto(response).getType()).isEqualTo("VariablesRefused");
		assertThat(dto(response).getMessage()).isEqualTo("Field 'dealId' is not on this form");
	}

	@Test
	void answersAClientRefusalWrappedByAResourceAsTheRefusal() {
		RestException wrapped = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
				new VariablesRefused("Field 'orderId' is not on this form"), "Cannot complete task 42: ...");

		Response response = EngineRestProblems.answer(wrapped, null);

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(dto(response).getMessage()).isEqualTo("Field 'orderId' is not on this form");
	}

	@Test
	void answersAnEngineExceptionNamedRefusedWith400() {
		Response response = EngineRestProblems.answer(new ProcessVariablesRefused("Variable 'dealId' is not declared"),
				null);

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(dto(response).getType()).isEqualTo("ProcessVariablesRefused");
		assertThat(dto(response).getMessage()).isEqualTo("Variable 'dealId' is not declared");
	}

	@Test
	void answersATenantRefusalLikeAnUnknownObject() {
		Response refused = EngineRestProblems.answer(
				new ProcessEngineException(
						"ENGINE-13034 Cannot update the job 'abc' because it belongs to no authenticated tenant."),
				null);
		Response unknown = EngineRestProblems.answer(new RestException(Response.Status.NOT_FOUND, "No job abc"), null);

		assertThat(refused.getStatus()).isEqualTo(404);
		assertThat(dto(refused).getMessage()).isEqualTo(dto(unknown).getMessage()).doesNotContain("abc");
	}

	@Test
	void refusesWithoutNamingTheResourceWhereNoObjectIsAddressed() {
		Response response = EngineRestProblems
			.answer(new AuthorizationException("erlan@example.kz", "CREATE", "Deployment", "secret-resource-id"), null);

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(dto(response).getMessage()).doesNotContain("secret-resource-id").doesNotContain("Deployment");
	}

	@Test
	void answersWhatAClientCausedWith4xxAndPlatformFaultsWithAGeneric500() {
		assertThat(EngineRestProblems.answer(new OptimisticLockingException("changed"), null).getStatus())
			.isEqualTo(409);
		assertThat(
				EngineRestProblems.answer(new BusinessRuleViolation("lostReason", "needs a reason"), null).getStatus())
			.isEqualTo(422);
		assertThat(EngineRestProblems.answer(new NullPointerException("retries"), null).getStatus()).isEqualTo(400);
		assertThat(EngineRestProblems
			.answer(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
					new ProcessEngineException("Cannot complete: task is suspended"), "Cannot complete"), null)
			.getStatus()).isEqualTo(400);
		Response fault = EngineRestProblems
			.answer(new ProcessEngineException("could not execute", new SQLException("connection refused")), null);
		assertThat(fault.getStatus()).isEqualTo(500);
		assertThat(dto(fault).getMessage()).isEqualTo("An unexpected error occurred");
	}

	private static ExceptionDto dto(Response response) {
		return (ExceptionDto) response.getEntity();
	}

	/** A refusal named as such, without the marker. */
	static class ProcessVariablesRefused extends ProcessEngineException {

		ProcessVariablesRefused(String message) {
			super(message);
		}

	}

	/** A refusal as the ERP's engine plugins raise it. */
	static class VariablesRefused extends ProcessEngineException implements ClientRefusal {

		VariablesRefused(String message) {
			super(message);
		}

		@Override
		public int status() {
			return 400;
		}

	}

}
