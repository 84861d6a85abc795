package kz.prometric.erp.workflow;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import kz.prometric.erp.support.TestData.Org;
import kz.prometric.erp.support.TestData.User;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * As shipped ({@code prometric.processes.owner-deployments} false; the test profile
 * switches it on, this test switches it off again), process owners' deployments are
 * switched off (an expression in a deployed process may still call any bean): the
 * workspace's owner is refused on the ERP endpoint and on the engine REST API with the
 * reason, and nothing is deployed; a platform administrator deploys the workspace's own
 * version on its behalf, and the workspace's deals use it.
 */
@ErpIntegrationTest
class OwnerDeploymentsSwitchedOffTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	RepositoryService repository;

	@Autowired
	OwnerDeployments ownerDeployments;

	@BeforeEach
	void asShipped() {
		this.ownerDeployments.enabled(false);
	}

	@AfterEach
	void deleteWorkspaceDeployments() {
		this.ownerDeployments.enabled(true);
		ModelerUploads.deleteWorkspaceDeployments(this.repository);
	}

	@Test
	void processOwnersAreRefusedAndAPlatformAdministratorDeploysForTheWorkspace() throws IOException {
		User owner = this.data.user("Gulnara");
		Org org = this.data.organization(owner, "Switched Off LLP");
		String tenant = org.workspaceId().toString();
		byte[] table = ModelerUploads.changedProbabilityTable();

		Api.Response erp = this.api.send("POST", "/api/workspaces/" + tenant + "/process-deployments", owner.token(),
				ModelerUploads.multipart(Map.of(), Map.of("files", Map.entry("deal-probability.dmn", table))),
				ModelerUploads.multipartHeaders());
		assertThat(erp.status()).as(erp.toString()).isEqualTo(403);
		assertThat(erp.contentType()).contains("application/problem+json");
		assertThat(erp.text()).contains("prometric.processes.owner-deployments");

		Api.Response modeler = modelerDeploy(ModelerUploads.basic(owner.email()), tenant, table);
		assertThat(modeler.status()).as(modeler.toString()).isEqualTo(403);
		assertThat(modeler.text()).contains("prometric.processes.owner-deployments");
		assertThat(this.repository.createDeploymentQuery().tenantIdIn(tenant).count()).isZero();

		User admin = this.data.platformAdmin();
		Api.Response byAdmin = modelerDeploy(ModelerUploads.basic(admin.email()), tenant, table);
		assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(200);
		assertThat(byAdmin.json().path("tenantId").asText()).isEqualTo(tenant);

		java.util.UUID customer = this.data.customer(owner, org.workspaceId(), "Switched Off Customer");
		assertThat(this.data.deal(owner, org.workspaceId(), customer, "Flour", Map.of()).path("probability").asInt())
			.isEqualTo(33);
	}

	private Api.Response modelerDeploy(String authorization, String tenant, byte[] table) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("deployment-name", "deal-probability");
		fields.put("deployment-source", "Camunda Modeler");
		fields.put("deploy-changed-only", "true");
		fields.put("tenant-id", tenant);
		return this.api.send("POST", "/engine-rest/deployment/create", authorization,
				ModelerUploads.multipart(fields,
						Map.of("deal-probability.dmn", Map.entry("deal-probability.dmn", table))),
				ModelerUploads.multipartHeaders());
	}

}
