package kz.prometric.erp.workflow;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task completion is validated against the task's Camunda Form on the server, in the
 * one engine-level check every entry point goes through: the ERP's task API, the engine
 * REST API (HTTP Basic) and Tasklist answer a missing required field, a value of the
 * wrong type or outside the options with 422 naming the field, and nothing changes: the
 * task is still open, unassigned, and no variable was written.
 */
@ErpIntegrationTest
class TaskFormValidationApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ObjectMapper mapper;

	TestData.User owner;

	TestData.Org org;

	JsonNode deal;

	Task task;

	@BeforeEach
	void setUp() {
		this.owner = this.data.user("Vera");
		this.org = this.data.organization(this.owner, "Validation Co");
		this.deal = this.data.deal(this.owner, this.org.workspaceId(),
				this.data.customer(this.owner, this.org.workspaceId(), "Strict Buyer LLP"), "Validated deal", Map.of());
		this.task = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(this.deal.path("id").asText())
			.tenantIdIn(this.org.workspaceId().toString())
			.singleResult();
		// the deal's creator has its task; he gives it back, so a refused completion can
		// be seen not to claim it
		assertThat(this.task.getAssignee()).isEqualTo(this.owner.email());
		assertThat(this.api
			.post("/api/workspaces/" + this.org.workspaceId() + "/tasks/" + this.task.getId() + "/unclaim",
					this.owner.token(), null)
			.status()).isEqualTo(204);
	}

	@Test
	void theTaskApiRefusesAMissingRequiredFieldNamingIt() {
		Api.Response response = complete(Map.of());

		assertInvalid(response, "outcome");
		assertThat(response.text()).contains("required");
	}

	@Test
	void theTaskApiRefusesAWronglyTypedValueNamingTheField() {
		// a number where the form has a select (lostReason's condition then cannot tell
		// it is hidden: required too)
		assertInvalid(complete(Map.of("outcome", 5)), "outcome");
		assertInvalid(complete(Map.of("outcome", "LOST", "lostReason", 42)), "lostReason");
		assertInvalid(complete(Map.of("outcome", "LOST", "lostReason", true)), "lostReason");
	}

	@Test
	void theTaskApiRefusesAValueOutsideTheOptionsAndAFieldTheFormDoesNotHave() {
		assertInvalid(complete(Map.of("outcome", "WON")), "outcome");
		assertInvalid(complete(Map.of("outcome", "ADVANCE", "stage", "WON")), "stage");
		assertInvalid(complete(Map.of("outcome", "ADVANCE", "dealValue", 1)), "dealValue");
	}

	@Test
	void aFieldRequiredOnlyWhenShownIsRequiredWhenTheFormShowsIt() {
		// lostReason is hidden unless outcome is LOST (conditional.hide in the form)
		assertInvalid(complete(Map.of("outcome", "LOST")), "lostReason");
		Map<String, Object> emptyReason = new LinkedHashMap<>();
		emptyReason.put("outcome", "LOST");
		emptyReason.put("lostReason", "");
		assertInvalid(complete(emptyReason), "lostReason");

		Api.Response lost = complete(Map.of("outcome", "LOST", "lostReason", "No budget"));

		assertThat(lost.status()).as(lost.toString()).isEqualTo(204);
		assertThat(stage()).isEqualTo("LOST");
	}

	@Test
	void theEngineRestApiRefusesTheSameWith422() {
		Api.Response missing = engine("{\"variables\":{}}");
		Api.Response wrongType = engine("{\"variables\":{\"outcome\":{\"value\":5,\"type\":\"Integer\"}}}");
		Api.Response hiddenRequired = engine("{\"variables\":{\"outcome\":{\"value\":\"LOST\"}}}");

		assertEngineInvalid(missing, "outcome");
		assertEngineInvalid(wrongType, "outcome");
		assertEngineInvalid(hiddenRequired, "lostReason");

		Api.Response advanced = engine("{\"variables\":{\"outcome\":{\"value\":\"ADVANCE\"}}}");

		assertThat(advanced.status()).as(advanced.toString()).isEqualTo(204);
		assertThat(stage()).isEqualTo("QUALIFIED");
	}

	@Test
	void tasklistRefusesTheSameWith422() throws Exception {
		TasklistTenantApiTests.Tasklist tasklist = TasklistTenantApiTests.Tasklist.login(this.api.baseUrl(),
				this.owner.email(), TestData.PASSWORD, this.mapper);
		assertThat(tasklist.get("/camunda/api/engine/engine/default/task")).isNotEmpty();
		String submit = "/camunda/api/engine/engine/default/task/" + this.task.getId() + "/submit-form";

		HttpResponse<String> missing = tasklist.post(submit,
				"{\"variables\":{\"dealTitle\":{\"value\":\"Validated deal\"},\"outcome\":{\"value\":null}}}");

		assertThat(missing.statusCode()).as(missing.body()).isEqualTo(422);
		assertThat(missing.body()).contains("outcome");
		assertNothingChanged();
	}

	// helpers

	private Api.Response complete(Map<String, Object> variables) {
		return this.api.post("/api/workspaces/" + this.org.workspaceId() + "/tasks/" + this.task.getId() + "/complete",
				this.owner.token(), Map.of("variables", variables));
	}

	private Api.Response engine(String body) {
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString((this.owner.email() + ":" + TestData.PASSWORD).getBytes(StandardCharsets.UTF_8));
		return this.api.send("POST", "/engine-rest/task/" + this.task.getId() + "/complete", basic, body, Map.of());
	}

	private void assertInvalid(Api.Response response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.errorFields()).contains(field);
		assertNothingChanged();
	}

	private void assertEngineInvalid(Api.Response response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.json().path("type").asText()).isEqualTo("TaskFormInvalid");
		assertThat(response.json().path("message").asText()).contains(field);
		assertNothingChanged();
	}

	private void assertNothingChanged() {
		Task open = this.tasks.createTaskQuery().taskId(this.task.getId()).singleResult();
		assertThat(open).as("the task is still open").isNotNull();
		assertThat(open.getAssignee()).as("not claimed by the refused completion").isNull();
		String instance = this.task.getProcessInstanceId();
		assertThat(this.runtime.getVariable(instance, "outcome")).isNull();
		assertThat(this.runtime.getVariable(instance, "lostReason")).isNull();
		assertThat(this.runtime.getVariable(instance, "stage")).isEqualTo("NEW");
		assertThat(stage()).isEqualTo("NEW");
	}

	private String stage() {
		return this.api
			.get("/api/workspaces/" + this.org.workspaceId() + "/deals/" + this.deal.path("id").asText(),
					this.owner.token())
			.json()
			.path("stage")
			.asText();
	}

}
