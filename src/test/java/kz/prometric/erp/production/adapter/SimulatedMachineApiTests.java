package kz.prometric.erp.production.adapter;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The simulated machine, a worker on Camunda's Java external task client, against the
 * real engine REST API of the running server with a machine account (an ERP user who is a
 * member of one workspace): it works the operations of its work centers' topics in its
 * own workspace, reports scrap, fails with retries until the engine raises an incident,
 * and continues once the incident is resolved.
 */
@ErpIntegrationTest
class SimulatedMachineApiTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ExternalTaskService externalTasks;

	private SimulatedMachine.Builder machine(MachineShop shop, String... workCenters) {
		return SimulatedMachine.builder(this.api.baseUrl() + "/engine-rest", shop.machine().email(), TestData.PASSWORD)
			.workCenters(workCenters)
			.pollInterval(Duration.ofMillis(50), Duration.ofMillis(250));
	}

	private boolean waitsAt(ProcessInstance instance, String activityId) {
		return this.runtime.createExecutionQuery()
			.processInstanceId(instance.getId())
			.activityId(activityId)
			.count() == 1;
	}

	private Object variable(ProcessInstance instance, String name) {
		return this.runtime.getVariable(instance.getId(), name);
	}

	@Test
	void completesAnOperationOfItsWorkCenterAndTheRunMovesOn() {
		MachineShop shop = MachineShop.open(this.data, "Plant");
		String cnc = MachineShop.workCenter();
		ProcessInstance operation = shop.operation(this.runtime, cnc, 5L, 42L);

		try (SimulatedMachine machine = machine(shop, cnc).start()) {
			await().atMost(PATIENCE).until(() -> waitsAt(operation, MachineShop.TASK_AWAIT_INSPECTION));

			assertThat(machine.completed()).isEqualTo(1);
			assertThat(variable(operation, "goodQuantity")).isEqualTo(5L);
			assertThat(variable(operation, "scrapQuantity")).isEqualTo(0L);
			assertThat(variable(operation, "durationMinutes")).isEqualTo(42L);
			assertThat((String) variable(operation, "notes")).contains(machine.workerId()).contains(cnc);
			assertThat(this.externalTasks.createExternalTaskQuery().processInstanceId(operation.getId()).count())
				.isZero();
		}
	}

	@Test
	void reportsScrapAndFractionalQuantities() {
		MachineShop shop = MachineShop.open(this.data, "Plant");
		String cnc = MachineShop.workCenter();
		ProcessInstance operation = shop.operation(this.runtime, cnc, 7.5, 12.5);

		try (SimulatedMachine machine = machine(shop, cnc).scrap(new BigDecimal("2")).start()) {
			await().atMost(PATIENCE).until(() -> waitsAt(operation, MachineShop.TASK_AWAIT_INSPECTION));
		}

		assertThat(variable(operation, "goodQuantity")).isEqualTo(5.5);
		assertThat(variable(operation, "scrapQuantity")).isEqualTo(2L);
		assertThat(variable(operation, "durationMinutes")).isEqualTo(12.5);
	}

	@Test
	void retriesAFailingOperationRaisesAnIncidentWhenNoRetriesAreLeftAndContinuesOnceItIsResolved() {
		MachineShop shop = MachineShop.open(this.data, "Plant");
		String cnc = MachineShop.workCenter();
		ProcessInstance operation = shop.operation(this.runtime, cnc, 3L, 10L);

		// three failures: the first leaves 2 retries, the third none
		try (SimulatedMachine machine = machine(shop, cnc).failFirst(3, 2, Duration.ZERO).start()) {
			await().atMost(PATIENCE)
				.until(() -> this.runtime.createIncidentQuery().processInstanceId(operation.getId()).count() == 1);
			Incident incident = this.runtime.createIncidentQuery().processInstanceId(operation.getId()).singleResult();
			ExternalTask task = this.externalTasks.createExternalTaskQuery()
				.processInstanceId(operation.getId())
				.singleResult();

			assertThat(incident.getIncidentType()).isEqualTo(Incident.EXTERNAL_TASK_HANDLER_TYPE);
			assertThat(incident.getActivityId()).isEqualTo(MachineShop.TASK_RUN_ON_MACHINE);
			assertThat(incident.getIncidentMessage()).isEqualTo("Simulated fault on " + cnc);
			assertThat(task.getRetries()).isZero();
			assertThat(machine.failures()).isEqualTo(3);
			// with no retries left the engine offers the operation to nobody
			assertThat(this.externalTasks.fetchAndLock(10, "someone-else")
				.topic(SimulatedMachine.TOPIC_PREFIX + cnc, 1000)
				.execute()).isEmpty();
			assertThat(machine.completed()).isZero();
			assertThat(waitsAt(operation, MachineShop.TASK_RUN_ON_MACHINE)).isTrue();

			// resolved as Cockpit's "retry" does: new retries through the engine REST
			// API,
			// here by the workspace's owner
			Api.Response resolved = this.api.send("PUT", "/engine-rest/external-task/" + task.getId() + "/retries",
					shop.ownerBasic(), Map.of("retries", 1), Map.of());
			assertThat(resolved.status()).as(resolved.toString()).isEqualTo(204);

			await().atMost(PATIENCE).until(() -> waitsAt(operation, MachineShop.TASK_AWAIT_INSPECTION));
			assertThat(machine.completed()).isEqualTo(1);
			assertThat(this.runtime.createIncidentQuery().processInstanceId(operation.getId()).count()).isZero();
			assertThat(variable(operation, "goodQuantity")).isEqualTo(3L);
		}
	}

	@Test
	void worksOnlyTheTopicsItsInstancesNameInItsOwnWorkspace() {
		MachineShop acme = MachineShop.open(this.data, "Acme");
		MachineShop globex = MachineShop.open(this.data, "Globex");
		String cnc = MachineShop.workCenter();
		String lathe = MachineShop.workCenter();
		ProcessInstance acmeMilling = acme.operation(this.runtime, cnc, 4L, 8L);
		ProcessInstance globexMilling = globex.operation(this.runtime, cnc, 6L, 9L);
		ProcessInstance globexTurning = globex.operation(this.runtime, lathe, 2L, 3L);

		// the same work center code in two workspaces: Globex's machine serves Globex
		// only
		try (SimulatedMachine machine = machine(globex, cnc).start()) {
			await().atMost(PATIENCE).until(() -> waitsAt(globexMilling, MachineShop.TASK_AWAIT_INSPECTION));
			// give it time to take what else it could see
			await().pollDelay(Duration.ofSeconds(1)).until(() -> true);

			assertThat(machine.completed()).isEqualTo(1);
		}
		assertThat(variable(globexMilling, "goodQuantity")).isEqualTo(6L);
		for (ProcessInstance untouched : new ProcessInstance[] { acmeMilling, globexTurning }) {
			assertThat(waitsAt(untouched, MachineShop.TASK_RUN_ON_MACHINE)).isTrue();
			ExternalTask task = this.externalTasks.createExternalTaskQuery()
				.processInstanceId(untouched.getId())
				.singleResult();
			assertThat(task.getWorkerId()).isNull();
			assertThat(variable(untouched, "goodQuantity")).isNull();
		}
		// the topic is the one each instance names
		assertThat(this.externalTasks.createExternalTaskQuery()
			.processInstanceId(globexTurning.getId())
			.singleResult()
			.getTopicName()).isEqualTo("production." + lathe);
	}

}
