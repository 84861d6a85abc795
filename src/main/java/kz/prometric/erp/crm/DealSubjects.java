package kz.prometric.erp.crm;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import kz.prometric.erp.crm.process.DealLifecycle;
import kz.prometric.erp.workflow.ProcessSubject;
import kz.prometric.erp.workflow.ProcessSubjects;
import kz.prometric.erp.workflow.TaskSetting;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deals as the task API shows them: the deal-lifecycle instance's business key is the
 * deal id; the title is "deal title · customer name". Its tasks are due on the deal's
 * expected close date; a deal of {@link TaskSetting#HIGH_VALUE_KZT} or more is of high
 * value.
 */
@Component
class DealSubjects implements ProcessSubjects {

	static final String KIND = "DEAL";

	private final Deals deals;

	private final Customers customers;

	DealSubjects(Deals deals, Customers customers) {
		this.deals = deals;
		this.customers = customers;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Set<String> processKeys() {
		return Set.of(DealLifecycle.KEY);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, ProcessSubject> describe(UUID workspaceId, Collection<String> businessKeys) {
		List<UUID> ids = businessKeys.stream().map(DealSubjects::uuid).flatMap(Optional::stream).distinct().toList();
		List<DealView> found = this.deals.findAllById(ids)
			.stream()
			.filter(d -> d.workspaceId().equals(workspaceId))
			.map(Deal::view)
			.toList();
		Map<UUID, String> customerNames = this.customers
			.findAllById(found.stream().map(DealView::customerId).distinct().toList())
			.stream()
			.filter(c -> workspaceId.equals(c.view().workspaceId()))
			.map(Customer::view)
			.collect(Collectors.toMap(CustomerView::id, CustomerView::name));
		Map<String, ProcessSubject> subjects = new LinkedHashMap<>();
		Map<UUID, DealView> byId = found.stream().collect(Collectors.toMap(DealView::id, Function.identity()));
		for (UUID id : ids) {
			DealView deal = byId.get(id);
			if (deal != null) {
				String customer = customerNames.get(deal.customerId());
				subjects.put(id.toString(), new ProcessSubject(KIND, id, null,
						(customer != null) ? deal.title() + " · " + customer : deal.title()));
			}
		}
		return subjects;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> businessKeyOf(UUID workspaceId, UUID objectId) {
		return this.deals.findByIdAndWorkspaceId(objectId, workspaceId).map(d -> d.id().toString());
	}

	@Override
	@Transactional(readOnly = true)
	public TaskSetting taskSetting(UUID workspaceId, String businessKey, String taskDefinitionKey) {
		return uuid(businessKey).flatMap(id -> this.deals.findByIdAndWorkspaceId(id, workspaceId))
			.map(Deal::view)
			.map(deal -> new TaskSetting(deal.expectedCloseDate(), TaskSetting.highValue(deal.value(), deal.currency()),
					Map.of()))
			.orElse(TaskSetting.NONE);
	}

	private static Optional<UUID> uuid(String key) {
		try {
			return Optional.of(UUID.fromString(key));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
