package kz.prometric.erp.workflow;

import kz.prometric.erp.support.ErpIntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@ErpIntegrationTest
class ProcessResourcesDeployerTests {

	@Autowired
	ProcessResourcesDeployer deployer;

	@Autowired
	RepositoryService repository;

	@Test
	void deploysProcessesWithTheirFormsWithoutTenant() {
		ProcessDefinition definition = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey("tasklist-smoke")
			.latestVersion()
			.singleResult();

		assertThat(definition).isNotNull();
		assertThat(definition.getTenantId()).isNull();
		assertThat(this.repository.getDeploymentResourceNames(definition.getDeploymentId()))
			.contains("test-processes/tasklist-smoke.bpmn", "test-processes/tasklist-smoke-review.form");
	}

	@Test
	void keepsUnchangedFilesAtTheirVersionWhenDeployingAgain() {
		int before = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey("tasklist-smoke")
			.list()
			.size();

		this.deployer.deploy();

		assertThat(this.repository.createProcessDefinitionQuery().processDefinitionKey("tasklist-smoke").list())
			.hasSize(before);
	}

}
