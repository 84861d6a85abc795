package kz.prometric.erp.workflow;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person who may work a task may complete it with its form's fields and nothing more:
 * workspace B's manager, a candidate of B's own "Qualify deal" task, tries every engine
 * door with workspace A's deal id and with variables the form does not offer. Each is
 * refused with 403 naming what was refused; A's deal is unchanged and B's instance still
 * waits at the same task. Completing with the form's fields works, in Tasklist too.
 */
@ErpIntegrationTest
class TaskVariableGuardApiTests {

	private static final String QUALIFY_DEAL = "Task_QualifyDeal";

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ObjectMapper mapper;

	TestData.User alice;

	TestData.Org acme;

	JsonNode acmeDeal;

	TestData.User bob;

	TestData.Org globex;

	JsonNode globexDeal;

	ProcessInstance globexProcess;

	Task globexTask;

	@BeforeEach
	void setUp() {
		this.alice = this.data.user("Alice");
		this.acme = this.data.organization(this.alice, "Acme");
		this.acmeDeal = this.data.deal(this.alice, this.acme.workspaceId(),
				this.data.customer(this.alice, this.acme.workspaceId(), "Acme Customer"), "Acme deal", Map.of());
		this.bob = this.data.user("Bob");
		this.globex = this.data.organization(this.bob, "Globex");
		this.globexDeal = this.data.deal(this.bob, this.globex.workspaceId(),
				this.data.customer(this.bob, this.globex.workspaceId(), "Globex Customer"), "Globex deal", Map.of());
		this.globexProcess = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(this.globexDeal.path("id").asText())
			.singleResult();
		this.globexTask = this.tasks.createTaskQuery().processInstanceId(this.globexProcess.getId()).singleResult();
		assertThat(this.globexTask.getTaskDefinitionKey()).isEqualTo(QUALIFY_DEAL);
	}

	@Test
	void refusesCompletingWithAnotherWorkspacesDealId() {
		Api.Response completed = engine("POST", "/task/" + taskId() + "/complete",
				variables(Map.of("dealId", acmeDealId(), "outcome", "LOST", "lostReason", "taken over")));

		assertRefused(completed, "dealId");
	}

	@Test
	void refusesCompletingWithAVariableTheFormDoesNotOffer() {
		Api.Response completed = engine("POST", "/task/" + taskId() + "/complete",
				variables(Map.of("outcome", "ADVANCE", "stage", "WON")));

		assertRefused(completed, "stage");
		assertThat(completed.text()).doesNotContain("outcome");
	}

	@Test
	void refusesASelectValueOutsideTheFieldsOptions() {
		Api.Response completed = engine("POST", "/task/" + taskId() + "/complete", variables(Map.of("outcome", "WON")));

		// a value the form does not accept: 422 naming the field
		// (TaskFormValidationApiTests)
		assertThat(completed.status()).as(completed.text()).isEqualTo(422);
		assertThat(completed.text()).contains("outcome").contains("options");
		assertNothingChanged();
	}

	@Test
	void refusesChangingAReadOnlyField() {
		Api.Response completed = engine("POST", "/task/" + taskId() + "/complete",
				variables(Map.of("outcome", "ADVANCE", "dealValue", 1)));

		assertRefused(completed, "dealValue");
		assertThat(completed.text()).contains("read-only");
		assertThat(this.runtime.getVariable(this.globexProcess.getId(), "dealValue")).isEqualTo(1_500_000.0);
	}

	@Test
	void refusesSettingVariablesOnTheTaskAndOnTheExecution() {
		String pi = this.globexProcess.getId();
		String foreign = "{\"value\":\"" + acmeDealId() + "\",\"type\":\"String\"}";

		assertRefused(
				engine("POST", "/task/" + taskId() + "/variables", "{\"modifications\":{\"dealId\":" + foreign + "}}"),
				"dealId");
		assertRefused(engine("PUT", "/task/" + taskId() + "/variables/dealId", foreign), "dealId");
		assertRefused(engine("PUT", "/task/" + taskId() + "/localVariables/dealId", foreign), "dealId");
		assertRefused(engine("DELETE", "/task/" + taskId() + "/variables/dealId", null), "dealId");
		assertRefused(engine("PUT", "/process-instance/" + pi + "/variables/dealId", foreign), null);
		assertRefused(engine("POST", "/process-instance/" + pi + "/variables",
				"{\"modifications\":{\"dealId\":" + foreign + "}}"), null);
		assertRefused(engine("PUT", "/execution/" + pi + "/localVariables/dealId", foreign), null);
		assertThat(this.runtime.getVariable(pi, "dealId")).isNull();
	}

	@Test
	void refusesBpmnErrorsAndEscalationsFromTheTask() {
		assertRefused(engine("POST", "/task/" + taskId() + "/bpmnError",
				"{\"errorCode\":\"Err_Anything\",\"variables\":{\"dealId\":{\"value\":\"" + acmeDealId() + "\"}}}"),
				null);
		assertRefused(engine("POST", "/task/" + taskId() + "/bpmnEscalation", "{\"escalationCode\":\"Esc_Anything\"}"),
				null);
	}

	@Test
	void refusesProcessInstanceModification() {
		Api.Response modified = engine("POST", "/process-instance/" + this.globexProcess.getId() + "/modification",
				"{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_CloseDeal\","
						+ "\"variables\":{\"outcome\":{\"value\":\"WON\",\"local\":false}}},"
						+ "{\"type\":\"cancel\",\"activityId\":\"" + QUALIFY_DEAL + "\"}]}");

		assertRefused(modified, null);
	}

	@Test
	void refusesMessageCorrelationAndSignalsFromOutside() {
		Api.Response correlated = engine("POST", "/message",
				"{\"messageName\":\"Msg_DealStageChanged\",\"businessKey\":\"" + this.globexDeal.path("id").asText()
						+ "\",\"processVariables\":{\"stage\":{\"value\":\"WON\"},\"dealId\":{\"value\":\""
						+ acmeDealId() + "\"}}}");
		Api.Response signalled = engine("POST", "/signal", "{\"name\":\"Sig_Anything\"}");

		assertRefused(correlated, null);
		assertRefused(signalled, null);
	}

	@Test
	void refusesStartingADealLifecycleForAnotherWorkspacesDeal() {
		Api.Response started = engine("POST", "/process-definition/key/deal-lifecycle/start", variables(Map
			.of("workspaceId", this.globex.workspaceId().toString(), "dealId", acmeDealId(), "stage", "NEGOTIATION")));

		assertRefused(started, null);
		assertThat(this.runtime.createProcessInstanceQuery().variableValueEquals("dealId", acmeDealId()).count())
			.isZero();
	}

	@Test
	void completesWithTheFormsFieldsOnTheEngineRestApi() {
		Api.Response completed = engine("POST", "/task/" + taskId() + "/complete",
				variables(Map.of("outcome", "LOST", "lostReason", "No budget this year")));

		assertThat(completed.status()).as(completed.text()).isEqualTo(204);
		JsonNode deal = deal(this.bob, this.globex, this.globexDeal);
		assertThat(deal.path("stage").asText()).isEqualTo("LOST");
		assertThat(deal.path("lostReason").asText()).isEqualTo("No budget this year");
		assertThat(deal(this.alice, this.acme, this.acmeDeal).path("stage").asText()).isEqualTo("NEW");
	}

	@Test
	void tasklistRefusesForeignIdsAndAcceptsTheFormWithItsUnchangedReadOnlyFields() throws Exception {
		TasklistTenantApiTests.Tasklist tasklist = TasklistTenantApiTests.Tasklist.login(this.api.baseUrl(),
				this.bob.email(), TestData.PASSWORD, this.mapper);
		String submitForm = "/camunda/api/engine/engine/default/task/" + taskId() + "/submit-form";
		// Tasklist lists the tasks first (which also hands out the session's CSRF token)
		assertThat(tasklist.get("/camunda/api/engine/engine/default/task")).extracting(t -> t.path("id").asText())
			.containsExactly(taskId());

		HttpResponse<String> foreign = tasklist.post(submitForm,
				variables(Map.of("outcome", "LOST", "lostReason", "x", "dealId", acmeDealId())));
		assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
		assertThat(foreign.body()).contains("dealId");
		assertNothingChanged();

		// what Tasklist's form-js sends: every field, read-only ones unchanged, numbers
		// as JSON numbers
		HttpResponse<String> submitted = tasklist.post(submitForm,
				"{\"variables\":{\"dealTitle\":{\"value\":\"Globex deal\"},"
						+ "\"customerName\":{\"value\":\"Globex Customer\"},\"dealValue\":{\"value\":1500000},"
						+ "\"outcome\":{\"value\":\"ADVANCE\"}}}");

		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
		assertThat(deal(this.bob, this.globex, this.globexDeal).path("stage").asText()).isEqualTo("QUALIFIED");
		assertThat(this.tasks.createTaskQuery().processInstanceId(this.globexProcess.getId()).singleResult())
			.extracting(Task::getTaskDefinitionKey)
			.isEqualTo("Task_PrepareProposal");
		// read-only fields are not written back: the value keeps its type
		assertThat(this.runtime.getVariable(this.globexProcess.getId(), "dealValue")).isEqualTo(1_500_000.0);
	}

	// helpers

	private String taskId() {
		return this.globexTask.getId();
	}

	private String acmeDealId() {
		return this.acmeDeal.path("id").asText();
	}

	private Api.Response engine(String method, String path, String body) {
		return this.api.send(method, "/engine-rest" + path, this.bob.token(), body, Map.of());
	}

	private String variables(Map<String, Object> values) {
		try {
			Map<String, Object> variables = new java.util.LinkedHashMap<>();
			values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
			return this.mapper.writeValueAsString(Map.of("variables", variables));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode deal(TestData.User by, TestData.Org org, JsonNode deal) {
		Api.Response response = this.api
			.get("/api/workspaces/" + org.workspaceId() + "/deals/" + deal.path("id").asText(), by.token());
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json();
	}

	/** A 403 naming the refused variable (when given), and nothing changed. */
	private void assertRefused(Api.Response response, String variable) {
		assertThat(response.status()).as(response.text()).isEqualTo(403);
		if (variable != null) {
			assertThat(response.text()).contains(variable);
		}
		assertNothingChanged();
	}

	private void assertNothingChanged() {
		assertThat(deal(this.alice, this.acme, this.acmeDeal).path("stage").asText()).isEqualTo("NEW");
		assertThat(deal(this.bob, this.globex, this.globexDeal).path("stage").asText()).isEqualTo("NEW");
		List<Task> open = this.tasks.createTaskQuery().processInstanceId(this.globexProcess.getId()).list();
		assertThat(open).extracting(Task::getId).containsExactly(taskId());
		assertThat(this.runtime.createProcessInstanceQuery()
			.processInstanceId(this.globexProcess.getId())
			.singleResult()
			.isEnded()).isFalse();
		// the instance is bound to its deal by business key and tenant; no dealId
		// variable
		// exists, and none may be written
		assertThat(this.runtime.getVariable(this.globexProcess.getId(), "dealId")).isNull();
		assertThat(this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(this.acmeDeal.path("id").asText())
			.count()).isEqualTo(1);
		assertThat(UUID.fromString(acmeDealId())).isNotNull();
	}

}
