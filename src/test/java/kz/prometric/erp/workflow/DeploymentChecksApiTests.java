package kz.prometric.erp.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import kz.prometric.erp.support.TestData.Org;
import kz.prometric.erp.support.TestData.User;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The deployment guard's checks beyond safety (issue 13, part 3): a process owner's file
 * naming a bean that is not allowed, losing a message, a user task, a variable or a form
 * the ERP relies on, failing a lint rule, or a decision table losing an output the ERP
 * reads, is refused with every reason and deploys nothing; the shipped files pass; and
 * the engine's expressions reach only the allowed beans whatever was deployed.
 */
@ErpIntegrationTest
class DeploymentChecksApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	RepositoryService repository;

	@Autowired
	DeploymentChecks checks;

	@Autowired
	ProcessEngineConfigurationImpl engine;

	@AfterEach
	void deleteWorkspaceDeployments() {
		ModelerUploads.deleteWorkspaceDeployments(this.repository);
	}

	@Test
	void theShippedFilesPassEveryCheck() throws IOException {
		Map<String, byte[]> shipped = new LinkedHashMap<>();
		for (String folder : List.of("processes", "dmn", "forms")) {
			try (Stream<Path> files = Files.list(Path.of(folder))) {
				for (Path file : files.filter(f -> !f.getFileName().toString().endsWith(".md")).toList()) {
					shipped.put(folder + "/" + file.getFileName(), Files.readAllBytes(file));
				}
			}
		}
		assertThat(shipped).hasSizeGreaterThan(30);

		assertThat(this.checks.reasons(shipped, shipped, true)).isEmpty();
		try (Stream<Path> files = Files.list(Path.of("src/test/resources/test-processes"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
				assertThat(BpmnLint.problems(Bpmn.readModelFromFile(file.toFile()))).as(file.toString()).isEmpty();
			}
		}
	}

	@Test
	void aProcessLosingWhatTheErpReliesOnIsRefusedWithEveryReasonAndNothingDeployed() throws IOException {
		User owner = this.data.user("Aigerim");
		Org org = this.data.organization(owner, "Checks A LLP");
		String process = Files.readString(Path.of("processes/deal-lifecycle.bpmn"))
			// a bean that is not a delegate: the data source
			.replace("camunda:delegateExpression=\"${readDealStageDelegate}\"",
					"camunda:delegateExpression=\"${dataSource}\"")
			// the message DealManagement.changeStage correlates
			.replace("name=\"Msg_DealStageChanged\"", "name=\"Msg_StageMoved\"")
			// a form that exists nowhere
			.replace("camunda:formRef=\"qualify-deal\"", "camunda:formRef=\"qualify-lead\"")
			// a task without a name (Modeler's lint: label-required)
			.replace("name=\"Negotiate\"", "name=\"\"");

		Api.Response refused = modelerDeploy(owner, org.workspaceId().toString(), "deal-lifecycle.bpmn",
				process.getBytes(StandardCharsets.UTF_8));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.text()).contains("'dataSource'", "Msg_DealStageChanged", "qualify-lead",
				"Task_NegotiateDeal: has no name (label-required)");
		assertThat(refused.text()).doesNotContain("at org.");
		assertThat(this.repository.createDeploymentQuery().tenantIdIn(org.workspaceId().toString()).count()).isZero();
	}

	@Test
	void theErpEndpointRefusesAnExpressionCallingAnotherBeanAndAMissingUserTask() throws IOException {
		User owner = this.data.user("Dauren");
		Org org = this.data.organization(owner, "Checks B LLP");
		String process = Files.readString(Path.of("processes/order-fulfilment.bpmn"));
		String changed = process.replace("id=\"Task_ShipOrder\"", "id=\"Task_Dispatch\"")
			.replace("\"Task_ShipOrder\"", "\"Task_Dispatch\"")
			.replace("${stockReserved}", "${orderManagement.toString() != null}");
		assertThat(changed).isNotEqualTo(process);

		Api.Response refused = this.api.send("POST", "/api/workspaces/" + org.workspaceId() + "/process-deployments",
				owner.token(),
				ModelerUploads.multipart(Map.of(),
						Map.of("files", Map.entry("order-fulfilment.bpmn", changed.getBytes(StandardCharsets.UTF_8)))),
				ModelerUploads.multipartHeaders());

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.errorFields()).contains("files");
		assertThat(refused.text()).contains("'orderManagement'", "'Task_ShipOrder'");
		assertThat(this.repository.createDeploymentQuery().tenantIdIn(org.workspaceId().toString()).count()).isZero();
	}

	@Test
	void aDecisionTableMustKeepTheOutputsAndInputsTheErpUses() throws IOException {
		User owner = this.data.user("Yerlan");
		Org org = this.data.organization(owner, "Checks C LLP");
		String table = Files.readString(Path.of("dmn/deal-probability.dmn"));
		String changed = table.replace("name=\"probability\"", "name=\"chance\"")
			.replace("<text>customerType</text>", "<text>customerSegment</text>");

		Api.Response refused = modelerDeploy(owner, org.workspaceId().toString(), "deal-probability.dmn",
				changed.getBytes(StandardCharsets.UTF_8));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.text()).contains("output 'probability'", "input 'customerSegment'");
		assertThat(this.repository.createDeploymentQuery().tenantIdIn(org.workspaceId().toString()).count()).isZero();

		Api.Response accepted = modelerDeploy(owner, org.workspaceId().toString(), "deal-probability.dmn",
				ModelerUploads.changedProbabilityTable());
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
	}

	@Test
	void expressionsReachOnlyTheAllowedBeansWhateverWasDeployed() {
		assertThat(evaluate("${readDealStageDelegate}")).isNotNull();
		assertThat(evaluate("${workspaceDefinitions}")).isInstanceOf(WorkspaceDefinitions.class);
		for (String bean : List.of("${dataSource}", "${dealManagement}", "${processEngine}", "${runtimeService}")) {
			assertThatThrownBy(() -> evaluate(bean)).as(bean).isInstanceOf(ProcessEngineException.class);
		}
	}

	private Object evaluate(String expression) {
		Command<Object> command = context -> this.engine.getExpressionManager()
			.createExpression(expression)
			.getValue(StartProcessVariableScope.getSharedInstance());
		return this.engine.getCommandExecutorTxRequired().execute(command);
	}

	private Api.Response modelerDeploy(User user, String tenant, String fileName, byte[] file) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("deployment-name", fileName);
		fields.put("deployment-source", "Camunda Modeler");
		fields.put("deploy-changed-only", "true");
		fields.put("tenant-id", tenant);
		return this.api.send("POST", "/engine-rest/deployment/create", ModelerUploads.basic(user.email()),
				ModelerUploads.multipart(fields, Map.of(fileName, Map.entry(fileName, file))),
				ModelerUploads.multipartHeaders());
	}

}
