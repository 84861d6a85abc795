package kz.prometric.erp.document;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.document.process.DocumentApproval;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

/**
 * Every path of the document-approval process on the real engine and database, started
 * through the REST API as users start it: approved, rejected, refused to a member below
 * the approver role (the task stays open), a kind that needs no approval, a second
 * request while one is pending, a new version while pending, and a deleted document's
 * approval withdrawn.
 */
@ErpIntegrationTest
class DocumentApprovalProcessTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	Api api;

	@Autowired
	TestData data;

	TestData.User owner;

	TestData.User admin;

	TestData.User manager;

	TestData.User member;

	TestData.Org org;

	UUID deal;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(this.engine);
		this.owner = this.data.user("Gaukhar");
		this.org = this.data.organization(this.owner, "Gaukhar Logistics");
		this.admin = this.data.user("Ruslan");
		this.data.join(this.owner, this.org.workspaceId(), this.admin, "ADMIN");
		this.manager = this.data.user("Aigerim");
		this.data.join(this.owner, this.org.workspaceId(), this.manager, "MANAGER");
		this.member = this.data.user("Timur");
		this.data.join(this.owner, this.org.workspaceId(), this.member, "MEMBER");
		UUID customer = this.data.customer(this.owner, this.org.workspaceId(), "Freight Buyer LLP");
		this.deal = UUID.fromString(
				this.data.deal(this.owner, this.org.workspaceId(), customer, "Freight", Map.of()).path("id").asText());
	}

	@Test
	void approvesAContractByAManagerAndRecordsWhoAndWhen() {
		String id = contract("contract");

		Api.Response requested = request(this.member, id, "500000.00");

		Assertions.assertThat(requested.status()).as(requested.toString()).isEqualTo(200);
		Assertions.assertThat(requested.json().path("approval").path("state").asText()).isEqualTo("PENDING");
		Assertions.assertThat(requested.json().path("approval").path("approverRole").asText()).isEqualTo("MANAGER");
		ProcessInstance process = processOf(id);
		assertThat(process).hasPassed(DocumentApproval.START_APPROVAL_REQUESTED)
			.isWaitingAt(DocumentApproval.TASK_APPROVE_DOCUMENT)
			.task()
			.hasCandidateGroup(this.org.workspaceId() + ":manager");
		Task approval = task(process);
		Map<String, Object> shown = this.engine.getTaskService().getVariablesLocal(approval.getId());
		Assertions.assertThat(shown)
			.containsEntry(DocumentApproval.VAR_FILE_NAME, "contract.pdf")
			.containsEntry(DocumentApproval.VAR_KIND, "contract")
			.containsEntry(DocumentApproval.VAR_AMOUNT_SHOWN, "500000.00")
			.containsEntry(DocumentApproval.VAR_APPROVER_ROLE, "MANAGER");

		Api.Response completed = complete(this.manager, approval, Map.of(DocumentApproval.VAR_DECISION,
				DocumentApproval.DECISION_APPROVE, DocumentApproval.VAR_COMMENT, "Terms as agreed"));

		Assertions.assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
		assertThat(process)
			.hasPassedInOrder(DocumentApproval.START_APPROVAL_REQUESTED, DocumentApproval.TASK_APPROVE_DOCUMENT,
					DocumentApproval.GATEWAY_DOCUMENT_APPROVED, DocumentApproval.END_DOCUMENT_APPROVED)
			.isEnded();
		JsonNode approvalState = document(id).path("approval");
		Assertions.assertThat(approvalState.path("state").asText()).isEqualTo("APPROVED");
		Assertions.assertThat(approvalState.path("decidedBy").asText()).isEqualTo(this.manager.id().toString());
		Assertions.assertThat(approvalState.path("decidedAt").isTextual()).isTrue();
		Assertions.assertThat(approvalState.path("comment").asText()).isEqualTo("Terms as agreed");
		Assertions.assertThat(document(id).path("history").findValuesAsText("action"))
			.containsExactly("UPLOADED", "APPROVAL_REQUESTED", "APPROVED");
	}

	@Test
	void rejectsAndMayBeAskedAgainAfterANewVersion() {
		String id = contract("contract");
		request(this.member, id, null);
		ProcessInstance process = processOf(id);

		Api.Response completed = complete(this.owner, task(process), Map.of(DocumentApproval.VAR_DECISION,
				DocumentApproval.DECISION_REJECT, DocumentApproval.VAR_COMMENT, "Penalty clause missing"));

		Assertions.assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
		assertThat(process).hasPassed(DocumentApproval.END_DOCUMENT_REJECTED)
			.hasNotPassed(DocumentApproval.END_DOCUMENT_APPROVED)
			.isEnded();
		Assertions.assertThat(document(id).path("approval").path("state").asText()).isEqualTo("REJECTED");
		Api.Response revised = Uploads.upload(this.api, this.member.token(), this.org.workspaceId(),
				Map.of("documentId", id), "contract-v2.pdf", DocumentApiTests.PDF);
		Assertions.assertThat(revised.status()).as(revised.toString()).isEqualTo(201);
		Api.Response again = request(this.member, id, null);
		Assertions.assertThat(again.status()).as(again.toString()).isEqualTo(200);
		Assertions.assertThat(again.json().path("approval").path("state").asText()).isEqualTo("PENDING");
		assertThat(processOf(id)).isWaitingAt(DocumentApproval.TASK_APPROVE_DOCUMENT);
	}

	@Test
	void refusesTheDecisionOfAMemberBelowTheApproverRoleAndKeepsTheTaskOpen() {
		String id = contract("contract");
		request(this.member, id, "2000000.00");
		ProcessInstance process = processOf(id);
		assertThat(process).task().hasCandidateGroup(this.org.workspaceId() + ":admin");
		Task approval = task(process);
		this.engine.getTaskService().setAssignee(approval.getId(), this.manager.email());

		Api.Response byManager = complete(this.manager, approval,
				Map.of(DocumentApproval.VAR_DECISION, DocumentApproval.DECISION_APPROVE));

		Assertions.assertThat(byManager.status()).as(byManager.toString()).isEqualTo(403);
		assertThat(process).isWaitingAt(DocumentApproval.TASK_APPROVE_DOCUMENT);
		Assertions.assertThat(document(id).path("approval").path("state").asText()).isEqualTo("PENDING");

		this.engine.getTaskService().setAssignee(approval.getId(), this.admin.email());
		Api.Response byAdmin = complete(this.admin, approval,
				Map.of(DocumentApproval.VAR_DECISION, DocumentApproval.DECISION_APPROVE));

		Assertions.assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(204);
		Assertions.assertThat(document(id).path("approval").path("decidedBy").asText())
			.isEqualTo(this.admin.id().toString());
		assertThat(process).hasPassed(DocumentApproval.END_DOCUMENT_APPROVED);
	}

	@Test
	void refusesKindsThatNeedNoApprovalAndASecondRequestAndANewVersionWhilePending() {
		String other = contract("other");
		Api.Response refused = request(this.member, other, null);
		Assertions.assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		Assertions.assertThat(refused.errorFields()).containsExactly("kind");
		Assertions.assertThat(
				this.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(other).count())
			.isZero();

		String id = contract("act");
		Assertions.assertThat(request(this.member, id, "1.00").status()).isEqualTo(200);
		Api.Response second = request(this.member, id, "1.00");
		Api.Response version = Uploads.upload(this.api, this.member.token(), this.org.workspaceId(),
				Map.of("documentId", id), "act-v2.pdf", DocumentApiTests.PDF);

		Assertions.assertThat(second.status()).as(second.toString()).isEqualTo(409);
		Assertions.assertThat(version.status()).as(version.toString()).isEqualTo(409);
		Assertions
			.assertThat(
					this.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id).count())
			.isEqualTo(1);
		Assertions.assertThat(request(this.member, id, "-1").status()).isEqualTo(400);
	}

	@Test
	void withdrawsThePendingApprovalOfADeletedDocument() {
		String id = contract("contract");
		request(this.member, id, null);
		ProcessInstance process = processOf(id);

		Api.Response deleted = this.api.delete(ws() + "/documents/" + id, this.member.token());

		Assertions.assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
		assertThat(process).isEnded();
		Assertions.assertThat(this.engine.getTaskService().createTaskQuery().processInstanceId(process.getId()).count())
			.isZero();
	}

	private String contract(String kind) {
		Api.Response uploaded = Uploads.upload(this.api, this.member.token(), this.org.workspaceId(),
				Map.of("objectType", "deal", "objectId", this.deal.toString(), "kind", kind), "contract.pdf",
				"%PDF-1.4 contract\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
		Assertions.assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		return uploaded.json().path("id").asText();
	}

	private Api.Response request(TestData.User user, String id, String amount) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (amount != null) {
			body.put("amount", amount);
		}
		return this.api.post(ws() + "/documents/" + id + "/approval", user.token(), body);
	}

	private ProcessInstance processOf(String id) {
		return this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(DocumentApproval.KEY)
			.processInstanceBusinessKey(id)
			.active()
			.singleResult();
	}

	private JsonNode document(String id) {
		Api.Response response = this.api.get(ws() + "/documents/" + id, this.owner.token());
		Assertions.assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private Api.Response complete(TestData.User user, Task task, Map<String, Object> variables) {
		Map<String, Object> wrapped = new LinkedHashMap<>();
		variables.forEach((name, value) -> wrapped.put(name, Map.of("value", value)));
		return this.api.post("/engine-rest/task/" + task.getId() + "/complete", user.token(),
				Map.of("variables", wrapped));
	}

	private String ws() {
		return "/api/workspaces/" + this.org.workspaceId();
	}

}
