package kz.prometric.erp.crm;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.prometric.erp.crm.DealEvents.DealCloseDateReached;
import kz.prometric.erp.crm.DealEvents.DealCreated;
import kz.prometric.erp.crm.DealEvents.DealLost;
import kz.prometric.erp.crm.DealEvents.DealStageChanged;
import kz.prometric.erp.crm.DealEvents.DealWon;
import kz.prometric.erp.crm.process.DealLifecycle;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.organization.EmployeeView;
import kz.prometric.erp.organization.OrganizationManagement;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ForbiddenException;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.shared.SearchText;
import kz.prometric.erp.shared.SortableFields;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deals and their pipeline. Every deal runs one {@code deal-lifecycle} process instance
 * (business key = deal id, tenant = workspace), started in the transaction that creates
 * the deal. A stage changes either from a Tasklist task (the process calls
 * {@link #recordTaskOutcome}) or through the API ({@link #changeStage}, which moves the
 * waiting process by the message {@code Msg_DealStageChanged}); whichever comes first
 * wins, the other answers 409. Probability comes from the {@code deal-probability}
 * decision on every stage change unless a person set it by hand.
 */
@Service
public class DealManagement {

	static final SortableFields DEAL_SORT = SortableFields.of("createdAt", "createdAt", "title", "title", "value",
			"value", "stage", "stage", "expectedCloseDate", "expectedCloseDate", "probability", "probability");

	private static final Logger log = LoggerFactory.getLogger(DealManagement.class);

	private static final int DEFAULT_REMINDER_DAYS = 30;

	private final Deals deals;

	private final CustomerManagement customers;

	private final WorkspaceManagement workspaces;

	private final OrganizationManagement organizations;

	private final IdentityManagement identity;

	private final RuntimeService runtime;

	private final DecisionService decisions;

	private final RepositoryService repository;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DealManagement(Deals deals, CustomerManagement customers, WorkspaceManagement workspaces,
			OrganizationManagement organizations, IdentityManagement identity, RuntimeService runtime,
			DecisionService decisions, RepositoryService repository, ApplicationEventPublisher events, Clock clock) {
		this.deals = deals;
		this.customers = customers;
		this.workspaces = workspaces;
		this.organizations = organizations;
		this.identity = identity;
		this.runtime = runtime;
		this.decisions = decisions;
		this.repository = repository;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates a deal in stage NEW and starts its deal-lifecycle process in the same
	 * transaction. The customer must belong to the workspace and the assignee be an
	 * employee of it (422 otherwise). Publishes {@link DealCreated}.
	 */
	@Transactional
	public DealView create(UUID workspaceId, UUID callerId, NewDeal command) {
		this.workspaces.requireMember(workspaceId, callerId);
		CustomerView customer = this.customers.requireCustomer(workspaceId, command.customerId());
		EmployeeView assignee = assignee(workspaceId, command.assignedTo());
		Instant now = this.clock.instant();
		Deal deal = new Deal(workspaceId, customer.id(), command.title(), command.description(), command.value(),
				command.expectedCloseDate(), command.assignedTo(), command.products(), callerId, now);
		deal.applyDecidedProbability(probability(deal.view(), customer.type()));
		this.deals.save(deal);
		DealView view = deal.view();
		startProcess(view, customer, assignee, now);
		this.events.publishEvent(new DealCreated(view.id(), workspaceId, view.customerId(), view.value(), now));
		return view;
	}

	@Transactional(readOnly = true)
	public DealView deal(UUID workspaceId, UUID callerId, UUID dealId) {
		this.workspaces.requireMember(workspaceId, callerId);
		return load(workspaceId, dealId).view();
	}

	@Transactional(readOnly = true)
	public PageResult<DealView> deals(UUID workspaceId, UUID callerId, DealFilter filter, PageQuery query) {
		this.workspaces.requireMember(workspaceId, callerId);
		String search = SearchText.containing(filter.search());
		return PageResult.of(this.deals.search(workspaceId, filter.stage(), filter.customerId(), filter.assignedTo(),
				search, query.toPageable(DEAL_SORT)), Deal::view);
	}

	/**
	 * Changes details of an open deal; a probability given here is kept (set by hand)
	 * until the deal closes.
	 */
	@Transactional
	public DealView update(UUID workspaceId, UUID callerId, UUID dealId, DealChanges changes) {
		this.workspaces.requireMember(workspaceId, callerId);
		Deal deal = load(workspaceId, dealId);
		if (changes.assignedTo() != null) {
			assignee(workspaceId, changes.assignedTo());
		}
		Instant now = this.clock.instant();
		deal.update(changes.title(), changes.description(), changes.value(), changes.expectedCloseDate(),
				changes.assignedTo(), now);
		if (changes.probability() != null) {
			deal.setProbabilityByHand(changes.probability(), now);
		}
		return deal.view();
	}

	/**
	 * Moves a deal through the API: the aggregate checks the move (409 for final deals or
	 * the current stage, 422 for a loss without reason), the probability is decided
	 * again, and the waiting process is moved by the message
	 * {@code Msg_DealStageChanged}, all in one transaction. Publishes
	 * {@link DealStageChanged} and {@link DealWon} or {@link DealLost}.
	 */
	@Transactional
	public DealView changeStage(UUID workspaceId, UUID callerId, UUID dealId, DealStage target, String lostReason) {
		this.workspaces.requireMember(workspaceId, callerId);
		Deal deal = load(workspaceId, dealId);
		if (target == DealStage.PROPOSAL) {
			ensureDiscountNeedsNoApproval(deal.view());
		}
		DealView moved = move(deal, target, lostReason);
		this.runtime.createMessageCorrelation(DealLifecycle.MSG_STAGE_CHANGED)
			.processInstanceBusinessKey(dealId.toString())
			.tenantId(workspaceId.toString())
			.setVariable(DealLifecycle.VAR_STAGE, target.name())
			.correlateAll();
		return moved;
	}

	/**
	 * Applies the outcome of a completed stage task (called by the deal-lifecycle
	 * process): LOST with the given reason, otherwise the next stage. Answers the deal's
	 * new stage.
	 */
	@Transactional
	public DealStage recordTaskOutcome(UUID dealId, String outcome, DealStage nextStage, String lostReason) {
		Deal deal = this.deals.findById(dealId).orElseThrow(() -> new NotFoundException("Deal", dealId));
		DealStage target = DealLifecycle.OUTCOME_LOST.equals(outcome) ? DealStage.LOST : nextStage;
		return move(deal, target, lostReason).stage();
	}

	/**
	 * Throws the {@code Msg_DealWon} message that starts order fulfilment, with the deal
	 * id and workspace. Until a process listens for it (order fulfilment arrives with the
	 * sales module), it is only logged.
	 */
	@Transactional
	public void announceWon(UUID dealId) {
		Deal deal = this.deals.findById(dealId).orElseThrow(() -> new NotFoundException("Deal", dealId));
		boolean listened = this.repository.createProcessDefinitionQuery()
			.messageEventSubscriptionName(DealLifecycle.MSG_DEAL_WON)
			.count() > 0;
		if (!listened) {
			log.info("Deal {} won; no process listens for {} yet", dealId, DealLifecycle.MSG_DEAL_WON);
			return;
		}
		this.runtime.createMessageCorrelation(DealLifecycle.MSG_DEAL_WON)
			.processInstanceBusinessKey(dealId.toString())
			.setVariable(DealLifecycle.VAR_DEAL_ID, dealId.toString())
			.setVariable(DealLifecycle.VAR_WORKSPACE_ID, deal.workspaceId().toString())
			.correlateStartMessage();
	}

	/**
	 * A won deal, for the modules that act on it (sales places its order); no access
	 * check. A deal that is not won is refused (422).
	 */
	@Transactional(readOnly = true)
	public DealView wonDeal(UUID dealId) {
		DealView deal = this.deals.findById(dealId)
			.map(Deal::view)
			.orElseThrow(() -> new NotFoundException("Deal", dealId));
		if (deal.stage() != DealStage.WON) {
			throw new BusinessRuleViolation("dealId", "The deal is not won");
		}
		return deal;
	}

	/**
	 * The expected close date of an open deal has come: publishes
	 * {@link DealCloseDateReached}.
	 */
	@Transactional
	public void remindOwner(UUID dealId) {
		DealView deal = this.deals.findById(dealId)
			.map(Deal::view)
			.orElseThrow(() -> new NotFoundException("Deal", dealId));
		if (!deal.stage().isFinal()) {
			this.events.publishEvent(new DealCloseDateReached(dealId, deal.workspaceId(), deal.assignedTo(),
					deal.title(), this.clock.instant()));
		}
	}

	/**
	 * Refuses a discount approval by anyone below manager in the deal's workspace (403).
	 */
	@Transactional(readOnly = true)
	public void ensureMayApproveDiscount(UUID dealId, String approverEmail) {
		Deal deal = this.deals.findById(dealId).orElseThrow(() -> new NotFoundException("Deal", dealId));
		UUID approver = (approverEmail == null) ? null
				: this.identity.findByEmail(approverEmail).map(u -> u.id()).orElse(null);
		if (approver == null) {
			throw new ForbiddenException("A discount is approved by a named manager");
		}
		try {
			this.workspaces.requireRole(deal.workspaceId(), approver, WorkspaceRole.MANAGER);
		}
		catch (NotFoundException ex) {
			throw new ForbiddenException("Only managers of the deal's workspace approve discounts");
		}
	}

	/**
	 * Whether the deal's discount needs a manager's approval, by the discount-approval
	 * decision.
	 */
	boolean discountNeedsApproval(DealView deal) {
		Object required = this.decisions.evaluateDecisionByKey(DealLifecycle.DECISION_DISCOUNT_APPROVAL)
			.variables(Map.of(DealLifecycle.VAR_MAX_DISCOUNT, deal.maxDiscountPercent().doubleValue(),
					DealLifecycle.VAR_DEAL_VALUE, deal.value().doubleValue()))
			.evaluate()
			.getSingleResult()
			.getSingleEntry();
		return Boolean.TRUE.equals(required);
	}

	private void ensureDiscountNeedsNoApproval(DealView deal) {
		if (discountNeedsApproval(deal)) {
			throw new BusinessRuleViolation("stage",
					"The discount needs a manager's approval: complete the deal's proposal task in Tasklist");
		}
	}

	private DealView move(Deal deal, DealStage target, String lostReason) {
		Instant now = this.clock.instant();
		DealStage from = deal.stage();
		if (target == DealStage.LOST) {
			deal.lose(lostReason, now);
		}
		else {
			deal.moveTo(target, now);
		}
		deal.applyDecidedProbability(probability(deal.view(),
				this.customers.requireCustomer(deal.workspaceId(), deal.view().customerId()).type()));
		this.deals.saveAndFlush(deal);
		DealView view = deal.view();
		this.events.publishEvent(new DealStageChanged(view.id(), view.workspaceId(), from, target, now));
		if (target == DealStage.WON) {
			this.events.publishEvent(new DealWon(view.id(), view.workspaceId(), view.customerId(), view.value(), now));
		}
		if (target == DealStage.LOST) {
			this.events.publishEvent(new DealLost(view.id(), view.workspaceId(), view.lostReason(), now));
		}
		return view;
	}

	private int probability(DealView deal, CustomerType customerType) {
		Object decided = this.decisions.evaluateDecisionByKey(DealLifecycle.DECISION_DEAL_PROBABILITY)
			.variables(Map.of(DealLifecycle.VAR_STAGE, deal.stage().name(), DealLifecycle.VAR_DEAL_VALUE,
					deal.value().doubleValue(), DealLifecycle.VAR_CUSTOMER_TYPE, customerType.name()))
			.evaluate()
			.getSingleResult()
			.getSingleEntry();
		return ((Number) decided).intValue();
	}

	private void startProcess(DealView deal, CustomerView customer, EmployeeView assignee, Instant now) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(DealLifecycle.VAR_WORKSPACE_ID, deal.workspaceId().toString());
		variables.put(DealLifecycle.VAR_DEAL_ID, deal.id().toString());
		variables.put(DealLifecycle.VAR_DEAL_TITLE, deal.title());
		variables.put(DealLifecycle.VAR_CUSTOMER_NAME, customer.name());
		variables.put(DealLifecycle.VAR_CUSTOMER_TYPE, customer.type().name());
		variables.put(DealLifecycle.VAR_DEAL_VALUE, deal.value().doubleValue());
		variables.put(DealLifecycle.VAR_MAX_DISCOUNT, deal.maxDiscountPercent().doubleValue());
		variables.put(DealLifecycle.VAR_STAGE, deal.stage().name());
		variables.put(DealLifecycle.VAR_ASSIGNEE,
				(assignee != null && assignee.userId() != null) ? assignee.email() : null);
		variables.put(DealLifecycle.VAR_REMINDER_AT, reminderAt(deal.expectedCloseDate(), now));
		this.runtime.createProcessInstanceByKey(DealLifecycle.KEY)
			.businessKey(deal.id().toString())
			.setVariables(variables)
			.execute();
	}

	/**
	 * 09:00 in Almaty on the expected close date, or 30 days from now when there is none.
	 */
	private static String reminderAt(LocalDate expectedCloseDate, Instant now) {
		ZonedDateTime at = (expectedCloseDate != null)
				? expectedCloseDate.atTime(LocalTime.of(9, 0)).atZone(Deal.BUSINESS_ZONE)
				: now.atZone(Deal.BUSINESS_ZONE).plusDays(DEFAULT_REMINDER_DAYS);
		return at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	private EmployeeView assignee(UUID workspaceId, UUID employeeId) {
		if (employeeId == null) {
			return null;
		}
		return this.organizations.employeeInWorkspace(workspaceId, employeeId)
			.orElseThrow(() -> new BusinessRuleViolation("assignedTo", "No such employee in this workspace"));
	}

	private Deal load(UUID workspaceId, UUID dealId) {
		return this.deals.findByIdAndWorkspaceId(dealId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Deal", dealId));
	}

	/** What a new deal needs; {@code value} defaults to the products' total. */
	public record NewDeal(UUID customerId, String title, String description, BigDecimal value,
			LocalDate expectedCloseDate, UUID assignedTo, List<DealProduct> products) {
	}

	/** Changes to an open deal; {@code null} leaves a field as it is. */
	public record DealChanges(String title, String description, BigDecimal value, LocalDate expectedCloseDate,
			UUID assignedTo, Integer probability) {
	}

	/** Optional filters of the deal list. */
	public record DealFilter(DealStage stage, UUID customerId, UUID assignedTo, String search) {
	}

}
