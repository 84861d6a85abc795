package kz.prometric.erp.production.adapter;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * A workspace with its owner and a machine account (an ERP user who is a MEMBER of the
 * workspace), and operations of {@code adapter-machine-operation} (the shape of
 * production-run's external operation) started in it.
 */
record MachineShop(TestData.User owner, UUID workspaceId, TestData.User machine) {

	static final String PROCESS = "adapter-machine-operation";

	static final String TASK_RUN_ON_MACHINE = "Task_RunOnMachine";

	static final String TASK_AWAIT_INSPECTION = "Task_AwaitInspection";

	static MachineShop open(TestData data, String name) {
		TestData.User owner = data.user("Owner");
		TestData.Org org = data.organization(owner, name);
		TestData.User machine = data.user("Machine");
		data.join(owner, org.workspaceId(), machine, "MEMBER");
		return new MachineShop(owner, org.workspaceId(), machine);
	}

	/** A work center code no other test uses. */
	static String workCenter() {
		return "CNC-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * An operation of {@code quantity} units planned for {@code plannedMinutes} on the
	 * work center, in this workspace; business key a fresh MO number.
	 */
	ProcessInstance operation(RuntimeService runtime, String workCenter, Object quantity, Object plannedMinutes) {
		return runtime.createProcessInstanceByKey(PROCESS)
			.businessKey("MO-2026-" + String.format("%06d", (int) (Math.random() * 1_000_000)))
			.setVariable("workspaceId", this.workspaceId.toString())
			.setVariable("operationTopic", SimulatedMachine.TOPIC_PREFIX + workCenter)
			.setVariable("orderQuantity", quantity)
			.setVariable("plannedRunMinutes", plannedMinutes)
			.setVariable("stepName", "Milling")
			.execute();
	}

	String machineBasic() {
		return basic(this.machine.email());
	}

	String ownerBasic() {
		return basic(this.owner.email());
	}

	static String basic(String email) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((email + ":" + TestData.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

}
