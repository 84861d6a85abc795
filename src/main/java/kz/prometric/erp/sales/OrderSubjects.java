package kz.prometric.erp.sales;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import kz.prometric.erp.crm.CustomerManagement;
import kz.prometric.erp.sales.process.OrderFulfilment;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.workflow.ProcessSubject;
import kz.prometric.erp.workflow.ProcessSubjects;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sales orders as the task API shows them: the order-fulfilment instance's business key
 * is the order number; the title is "Order number — customer name".
 */
@Component
class OrderSubjects implements ProcessSubjects {

	static final String KIND = "ORDER";

	private final Orders orders;

	private final CustomerManagement customers;

	OrderSubjects(Orders orders, CustomerManagement customers) {
		this.orders = orders;
		this.customers = customers;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Set<String> processKeys() {
		return Set.of(OrderFulfilment.KEY);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, ProcessSubject> describe(UUID workspaceId, Collection<String> businessKeys) {
		Map<String, ProcessSubject> subjects = new LinkedHashMap<>();
		if (businessKeys.isEmpty()) {
			return subjects;
		}
		Map<UUID, String> customerNames = new HashMap<>();
		for (SalesOrder order : this.orders.findByWorkspaceIdAndOrderNumberIn(workspaceId, Set.copyOf(businessKeys))) {
			String customer = customerNames.computeIfAbsent(order.customerId(), id -> customerName(workspaceId, id));
			subjects.put(order.orderNumber(), new ProcessSubject(KIND, order.id(), order.orderNumber(),
					"Order " + order.orderNumber() + ((customer != null) ? " — " + customer : "")));
		}
		return subjects;
	}

	private String customerName(UUID workspaceId, UUID customerId) {
		try {
			return this.customers.requireCustomer(workspaceId, customerId).name();
		}
		catch (NotFoundException ex) {
			return null;
		}
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> businessKeyOf(UUID workspaceId, UUID objectId) {
		return this.orders.findByIdAndWorkspaceId(objectId, workspaceId).map(SalesOrder::orderNumber);
	}

}
