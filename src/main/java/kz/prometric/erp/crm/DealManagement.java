package kz.prometric.erp.crm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import kz.prometric.erp.crm.DealEvents.DealCloseDateReached;
import kz.prometric.erp.crm.DealEvents.DealCreated;
import kz.prometric.erp.crm.DealEvents.DealLost;
import kz.prometric.erp.crm.DealEvents.DealStageChanged;
import kz.prometric.erp.crm.DealEvents.DealWon;
import kz.prometric.erp.catalog.CatalogManagement;
import kz.prometric.erp.crm.process.DealLifecycle;
import kz.prometric.erp.hr.HrManagement;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.hr.EmployeeView;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.workflow.TaskManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.FieldViolation;
import kz.prometric.erp.shared.ForbiddenException;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.ListQuery;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.shared.SearchText;
import kz.prometric.erp.shared.SortableFields;
import kz.prometric.erp.workflow.WorkspaceDefinitions;
import org.camunda.bpm.engine.RuntimeService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deals and their pipeline. Every deal runs one {@code deal-lifecycle} process instance
 * (business key = deal id, tenant = workspace), started in the transaction that creates
 * the deal. A stage changes either from a Tasklist task (the process calls
 * {@link #recordTaskOutcome}) or through the API ({@link #changeStage}, which moves the
 * waiting process by the message {@code Msg_DealStageChanged}); whichever comes first
 * wins, the other answers 409. Either way the deal itself decides whether the move is
 * allowed ({@code Deal.moveTo}). Probability comes from the {@code deal-probability}
 * decision on every stage change unless a person set it by hand. The methods the process
 * calls take the instance's tenant (workspace) and business key (deal id), never a
 * variable, and load the deal only within that workspace.
 */
@Service
public class DealManagement {

	static final SortableFields DEAL_SORT = SortableFields.of("createdAt", "createdAt", "title", "title", "value",
			"value", "stage", "stage", "expectedCloseDate", "expectedCloseDate", "probability", "probability");

	static final SortableFields CHANGE_SORT = SortableFields.of("at", "at");

	private static final int DEFAULT_REMINDER_DAYS = 30;

	private final Deals deals;

	private final CustomerManagement customers;

	private final WorkspaceManagement workspaces;

	private final HrManagement hr;

	private final IdentityManagement identity;

	private final RuntimeService runtime;

	private final WorkspaceDefinitions definitions;

	private final CatalogManagement catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TaskManagement tasks;

	private final DealChangeRecords changes;

	private final jakarta.persistence.EntityManager entities;

	DealManagement(Deals deals, CustomerManagement customers, WorkspaceManagement workspaces, HrManagement hr,
			IdentityManagement identity, RuntimeService runtime, WorkspaceDefinitions definitions,
			CatalogManagement catalog, ApplicationEventPublisher events, Clock clock, TaskManagement tasks,
			DealChangeRecords changes, jakarta.persistence.EntityManager entities) {
		this.entities = entities;
		this.tasks = tasks;
		this.deals = deals;
		this.changes = changes;
		this.customers = customers;
		this.workspaces = workspaces;
		this.hr = hr;
		this.identity = identity;
		this.runtime = runtime;
		this.definitions = definitions;
		this.catalog = catalog;
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
		requireCatalogProducts(workspaceId, command.products());
		Instant now = this.clock.instant();
		Deal deal = new Deal(workspaceId, customer.id(), command.title(), command.description(), command.value(),
				command.expectedCloseDate(), command.assignedTo(), command.products(), callerId, now);
		deal.applyDecidedProbability(probability(deal.view(), customer.type()));
		this.deals.save(deal);
		DealView view = deal.view();
		record(view, callerId, now, DealChangeKind.CREATED, null, view.title());
		if (assignee != null) {
			record(view, callerId, now, DealChangeKind.ASSIGNED, null, assignee.name());
		}
		startProcess(view, customer, taskAssignee(workspaceId, assignee, callerId), now);
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
		query.requireWithin(PageResult.TOTAL_CAP);
		ListQuery list = ListQuery.from("Deal", "d")
			.where("d.workspaceId = :workspaceId", "workspaceId", workspaceId)
			.whereGiven(filter.stage(), "stage", "d.stage = :stage")
			.whereGiven(filter.customerId(), "customerId", "d.customerId = :customerId")
			.whereGiven(filter.assignedTo(), "assignedTo", "d.assignedTo = :assignedTo")
			.whereGiven(search, "search", "fold(d.title) like :search escape '\\'");
		return PageResult.capped(list.slice(this.entities, Deal.class, query.toPageable(DEAL_SORT)),
				limit -> list.countUpTo(this.entities, limit), Deal::view);
	}

	/**
	 * Count, value and probability-weighted value of the workspace's deals in each stage
	 * (every stage, in pipeline order, zero when empty), with the list's filters except
	 * the stage: the totals under the board's columns.
	 */
	@Transactional(readOnly = true)
	public List<StageTotal> stageTotals(UUID workspaceId, UUID callerId, DealFilter filter) {
		this.workspaces.requireMember(workspaceId, callerId);
		String search = SearchText.containing(filter.search());
		Map<DealStage, StageTotal> totals = new java.util.EnumMap<>(DealStage.class);
		for (DealStage stage : DealStage.values()) {
			totals.put(stage, new StageTotal(stage, 0, BigDecimal.ZERO, BigDecimal.ZERO));
		}
		for (Object[] row : this.deals.totalsByStage(workspaceId, filter.customerId(), filter.assignedTo(), search)) {
			DealStage stage = (DealStage) row[0];
			BigDecimal weighted = new BigDecimal(row[3].toString()).movePointLeft(2)
				.setScale(2, java.math.RoundingMode.HALF_UP);
			totals.put(stage, new StageTotal(stage, ((Number) row[1]).longValue(),
					new BigDecimal(row[2].toString()).setScale(2, java.math.RoundingMode.HALF_UP), weighted));
		}
		return List.copyOf(totals.values());
	}

	/**
	 * Changes details of an open deal; a probability given here is kept (set by hand)
	 * until the deal closes. {@code products} replaces the lines (the value becomes their
	 * total); a {@code value} different from the lines' total of a deal with lines is
	 * refused (422 {@code value}). A change of lines or value drops the discount
	 * approval: the changed deal needs a new one.
	 */
	@Transactional
	public DealView update(UUID workspaceId, UUID callerId, UUID dealId, DealChanges changes) {
		this.workspaces.requireMember(workspaceId, callerId);
		Deal deal = load(workspaceId, dealId);
		if (changes.assignedTo() != null) {
			assignee(workspaceId, changes.assignedTo());
		}
		if (changes.products() != null) {
			requireCatalogProducts(workspaceId, changes.products());
		}
		Instant now = this.clock.instant();
		DealView before = deal.view();
		deal.update(changes.title(), changes.description(), changes.value(), changes.products(),
				changes.expectedCloseDate(), changes.assignedTo(), now);
		if (changes.probability() != null) {
			deal.setProbabilityByHand(changes.probability(), now);
		}
		DealView after = deal.view();
		recordChanges(workspaceId, callerId, before, after, now);
		if (changes.expectedCloseDate() != null || changes.value() != null || changes.products() != null) {
			// its open tasks are due on the new date, prioritised by the new value
			this.deals.flush();
			this.tasks.rescheduleTasksOf(workspaceId, DealSubjects.KIND, dealId);
		}
		return after;
	}

	/**
	 * The deal's history as the ERP records it: who created it, moved it (through the API
	 * or a task), changed its value, lines, assignee or other details, won or lost it,
	 * and when; newest first unless {@code sort=at,asc}. Kept as long as the deal. Any
	 * member of the workspace may read it; a deal of another workspace is 404.
	 */
	@Transactional(readOnly = true)
	public PageResult<DealChangeView> history(UUID workspaceId, UUID callerId, UUID dealId, PageQuery page) {
		this.workspaces.requireMember(workspaceId, callerId);
		load(workspaceId, dealId);
		PageQuery query = (page.sortProperty() == null)
				? new PageQuery(page.page(), page.size(), "at", org.springframework.data.domain.Sort.Direction.DESC)
				: page;
		org.springframework.data.domain.Page<DealChangeRecord> found = this.changes.findByDealIdAndWorkspaceId(dealId,
				workspaceId, query.toPageable(CHANGE_SORT));
		Map<UUID, String> names = new HashMap<>();
		List<UUID> userIds = found.getContent()
			.stream()
			.map(DealChangeRecord::byUserId)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.toList();
		if (!userIds.isEmpty()) {
			this.identity.findAllById(userIds).forEach(user -> names.put(user.id(), displayName(user)));
		}
		return PageResult.of(found, change -> change.view(names.get(change.byUserId())));
	}

	private static String displayName(kz.prometric.erp.identity.UserAccount user) {
		String name = ((user.firstName() == null) ? "" : user.firstName()) + " "
				+ ((user.lastName() == null) ? "" : user.lastName());
		return name.isBlank() ? user.email() : name.strip();
	}

	private void recordChanges(UUID workspaceId, UUID callerId, DealView before, DealView after, Instant now) {
		if (!before.title().equals(after.title())) {
			record(after, callerId, now, DealChangeKind.TITLE_CHANGED, before.title(), after.title());
		}
		if (!java.util.Objects.equals(before.description(), after.description())) {
			record(after, callerId, now, DealChangeKind.DESCRIPTION_CHANGED, before.description(), after.description());
		}
		if (!sameLines(before.products(), after.products())) {
			record(after, callerId, now, DealChangeKind.PRODUCTS_CHANGED, String.valueOf(before.products().size()),
					String.valueOf(after.products().size()));
		}
		if (before.value().compareTo(after.value()) != 0) {
			record(after, callerId, now, DealChangeKind.VALUE_CHANGED, before.value().toPlainString(),
					after.value().toPlainString());
		}
		if (!java.util.Objects.equals(before.expectedCloseDate(), after.expectedCloseDate())) {
			record(after, callerId, now, DealChangeKind.CLOSE_DATE_CHANGED, isoDate(before.expectedCloseDate()),
					isoDate(after.expectedCloseDate()));
		}
		if (!java.util.Objects.equals(before.assignedTo(), after.assignedTo())) {
			record(after, callerId, now, DealChangeKind.ASSIGNED, employeeName(workspaceId, before.assignedTo()),
					employeeName(workspaceId, after.assignedTo()));
		}
		if (before.probability() != after.probability()) {
			record(after, callerId, now, DealChangeKind.PROBABILITY_CHANGED, String.valueOf(before.probability()),
					String.valueOf(after.probability()));
		}
	}

	/**
	 * Whether two sets of lines are the same: the same products, names, quantities,
	 * prices and discounts in the same order (numbers compared by value, not scale).
	 */
	public static boolean sameLines(List<DealProduct> a, List<DealProduct> b) {
		if (a.size() != b.size()) {
			return false;
		}
		for (int i = 0; i < a.size(); i++) {
			DealProduct x = a.get(i);
			DealProduct y = b.get(i);
			if (!java.util.Objects.equals(x.productId(), y.productId())
					|| !java.util.Objects.equals(x.productName(), y.productName())
					|| x.quantity().compareTo(y.quantity()) != 0 || x.unitPrice().compareTo(y.unitPrice()) != 0
					|| x.discountPercent().compareTo(y.discountPercent()) != 0) {
				return false;
			}
		}
		return true;
	}

	private String employeeName(UUID workspaceId, UUID employeeId) {
		return (employeeId == null) ? null
				: this.hr.employeeInWorkspace(workspaceId, employeeId).map(EmployeeView::name).orElse(null);
	}

	private static String isoDate(LocalDate date) {
		return (date == null) ? null : date.toString();
	}

	private void record(DealView deal, UUID byUserId, Instant at, DealChangeKind kind, String from, String to) {
		this.changes.save(new DealChangeRecord(deal.id(), deal.workspaceId(), at, byUserId, kind, from, to));
	}

	/**
	 * Moves a deal through the API. The deal decides (409 for final deals or the current
	 * stage; 422 naming {@code lostReason} for a loss without reason, {@code products}
	 * for a win without product lines, {@code stage} for PROPOSAL, NEGOTIATION or WON
	 * while the discount needs a manager's approval), the probability is decided again,
	 * and the waiting process is moved by the message {@code Msg_DealStageChanged}, all
	 * in one transaction. Publishes {@link DealStageChanged} and {@link DealWon} or
	 * {@link DealLost}; the order side places the order on {@link DealWon} in the same
	 * transaction, so its refusal rolls the win back.
	 */
	@Transactional
	public DealView changeStage(UUID workspaceId, UUID callerId, UUID dealId, DealStage target, String lostReason) {
		this.workspaces.requireMember(workspaceId, callerId);
		Deal deal = load(workspaceId, dealId);
		DealView moved = move(deal, target, lostReason, callerId);
		this.runtime.createMessageCorrelation(DealLifecycle.MSG_STAGE_CHANGED)
			.processInstanceBusinessKey(dealId.toString())
			.tenantId(workspaceId.toString())
			.setVariable(DealLifecycle.VAR_STAGE, target.name())
			.correlateAll();
		return moved;
	}

	/**
	 * A manager (or admin, owner) of the workspace approves the deal's discount as the
	 * lines and value are now (403 below manager). Any later change of lines, discount or
	 * value needs a new approval. 422 {@code products} for a deal without lines, 409 for
	 * a won or lost deal.
	 */
	@Transactional
	public DealView approveDiscount(UUID workspaceId, UUID callerId, UUID dealId) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		Deal deal = load(workspaceId, dealId);
		Instant now = this.clock.instant();
		deal.approveDiscount(callerId, now);
		DealView view = deal.view();
		record(view, callerId, now, DealChangeKind.DISCOUNT_APPROVED, null, view.maxDiscountPercent().toPlainString());
		return view;
	}

	/**
	 * Applies the outcome of a completed stage task of the deal's process (the instance's
	 * tenant and business key name the deal; 404 when the deal is not of that workspace):
	 * LOST with the given reason, otherwise {@code nextStage}. The deal decides as for
	 * {@link #changeStage}; a refusal changes nothing and is answered, not thrown, so the
	 * process takes its modelled path back to the task.
	 */
	@Transactional
	public StageMove recordTaskOutcome(UUID workspaceId, UUID dealId, String outcome, DealStage nextStage,
			String lostReason) {
		return recordTaskOutcome(workspaceId, dealId, outcome, nextStage, lostReason, null);
	}

	/**
	 * As {@link #recordTaskOutcome(UUID, UUID, String, DealStage, String)}, recording
	 * {@code engineUserId} (the engine's user completing the task, an e-mail) as who
	 * moved the deal in its history.
	 */
	@Transactional
	public StageMove recordTaskOutcome(UUID workspaceId, UUID dealId, String outcome, DealStage nextStage,
			String lostReason, String engineUserId) {
		Deal deal = load(workspaceId, dealId);
		DealStage target = DealLifecycle.OUTCOME_LOST.equals(outcome) ? DealStage.LOST : nextStage;
		Optional<FieldViolation> refusal = deal.refusalOf(target, lostReason, policy(workspaceId));
		if (refusal.isPresent()) {
			return new StageMove(deal.stage(), refusal.get());
		}
		UUID actor = (engineUserId == null) ? null
				: this.identity.findByEmail(engineUserId).map(u -> u.id()).orElse(null);
		return new StageMove(move(deal, target, lostReason, actor).stage(), null);
	}

	/**
	 * Whether the deal's discount, as its lines and value are now, needs a manager's
	 * approval that it does not have (discount-approval decision). For the deal's
	 * process; 404 when the deal is not of that workspace.
	 */
	@Transactional(readOnly = true)
	public boolean discountApprovalMissing(UUID workspaceId, UUID dealId) {
		return load(workspaceId, dealId).discountApprovalMissing(policy(workspaceId));
	}

	/**
	 * Records the decision of the "Approve discount" task: {@code approverUserId} is the
	 * engine user completing the task (an e-mail), who must be a manager (or admin,
	 * owner) of the deal's workspace, else 403 and nothing changes. An approval is
	 * recorded on the deal for its current lines and value; a denial records nothing.
	 */
	@Transactional
	public void decideDiscount(UUID workspaceId, UUID dealId, String approverUserId, boolean approved) {
		Deal deal = load(workspaceId, dealId);
		UUID approver = (approverUserId == null) ? null
				: this.identity.findByEmail(approverUserId).map(u -> u.id()).orElse(null);
		if (approver == null) {
			throw new ForbiddenException("A discount is approved by a named manager");
		}
		WorkspaceRole role;
		try {
			role = this.workspaces.requireMember(workspaceId, approver);
		}
		catch (NotFoundException ex) {
			throw new ForbiddenException("Only managers of the deal's workspace approve discounts");
		}
		if (!role.includes(WorkspaceRole.MANAGER)) {
			throw new ForbiddenException(
					"Approving a discount needs the MANAGER role in the workspace; you are " + role);
		}
		if (approved) {
			Instant now = this.clock.instant();
			deal.approveDiscount(approver, now);
			DealView view = deal.view();
			record(view, approver, now, DealChangeKind.DISCOUNT_APPROVED, null,
					view.maxDiscountPercent().toPlainString());
		}
	}

	/**
	 * What the deal's process shows on its forms and routes by, read from the deal now
	 * (display copies; the deal stays the truth). 404 when the deal is not of that
	 * workspace.
	 */
	@Transactional(readOnly = true)
	public DealTaskView taskView(UUID workspaceId, UUID dealId) {
		Deal loaded = load(workspaceId, dealId);
		DealView deal = loaded.view();
		CustomerView customer = this.customers.requireCustomer(workspaceId, deal.customerId());
		EmployeeView assignee = (deal.assignedTo() != null)
				? this.hr.employeeInWorkspace(workspaceId, deal.assignedTo()).orElse(null) : null;
		return new DealTaskView(deal.title(), customer.name(), deal.value(), deal.maxDiscountPercent(), deal.stage(),
				taskAssignee(workspaceId, assignee, loaded.createdBy()));
	}

	/**
	 * Who works the deal's tasks: the assigned employee's login when his record has a
	 * user, otherwise whoever created the deal while he is still a member of the
	 * workspace (a deal nobody was assigned to reaches its creator), otherwise nobody
	 * (the managers' group then sees it).
	 */
	private String taskAssignee(UUID workspaceId, EmployeeView assignee, UUID creatorId) {
		if (assignee != null && assignee.userId() != null) {
			return assignee.email();
		}
		if (creatorId == null) {
			return null;
		}
		// asked without throwing: a refusal inside this transaction would doom it
		boolean member = this.workspaces.membershipsOf(creatorId)
			.stream()
			.anyMatch(m -> workspaceId.equals(m.workspaceId()));
		return member ? this.identity.findById(creatorId).map(UserAccount::email).orElse(null) : null;
	}

	/**
	 * A won deal of the workspace, for the modules that act on it (sales places its order
	 * on {@link DealWon}); no caller check. 404 when the deal is not of that workspace,
	 * 422 when it is not won.
	 */
	@Transactional(readOnly = true)
	public DealView wonDeal(UUID workspaceId, UUID dealId) {
		DealView deal = load(workspaceId, dealId).view();
		if (deal.stage() != DealStage.WON) {
			throw new BusinessRuleViolation("dealId", "The deal is not won");
		}
		return deal;
	}

	/**
	 * The expected close date of an open deal has come: publishes
	 * {@link DealCloseDateReached}. For the deal's process; 404 when the deal is not of
	 * that workspace.
	 */
	@Transactional
	public void remindOwner(UUID workspaceId, UUID dealId) {
		DealView deal = load(workspaceId, dealId).view();
		if (!deal.stage().isFinal()) {
			this.events.publishEvent(new DealCloseDateReached(dealId, deal.workspaceId(), deal.assignedTo(),
					deal.title(), this.clock.instant()));
		}
	}

	/**
	 * The workspace's deals by stage, in the pipeline's order (every stage, zero when it
	 * has no deal): how many, their value and their probability-weighted value (the sum
	 * of value × probability / 100, to the tiyn, half up), summed by the database as
	 * deals change (a row per stage, not an aggregate over every deal).
	 */
	@Transactional(readOnly = true)
	public List<PipelineStage> pipeline(UUID workspaceId, UUID callerId) {
		this.workspaces.requireMember(workspaceId, callerId);
		Map<DealStage, Object[]> rows = new HashMap<>();
		for (Object[] row : this.deals.pipeline(workspaceId)) {
			rows.put(DealStage.valueOf((String) row[0]), row);
		}
		List<PipelineStage> stages = new java.util.ArrayList<>();
		for (DealStage stage : DealStage.values()) {
			Object[] row = rows.get(stage);
			stages.add((row != null)
					? new PipelineStage(stage, ((Number) row[1]).longValue(), money(row[2]), weighted(row[3]))
					: new PipelineStage(stage, 0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)));
		}
		return stages;
	}

	/**
	 * The open deals' forecast by month of their expected close date (deals without one
	 * are left out), months in order, optionally from and to a month (both included): how
	 * many, their value and their expected value (value × probability / 100).
	 */
	@Transactional(readOnly = true)
	public List<ForecastMonth> forecast(UUID workspaceId, UUID callerId, YearMonth from, YearMonth to) {
		this.workspaces.requireMember(workspaceId, callerId);
		requireYear("from", from);
		requireYear("to", to);
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidInputException("to", "must not be before from");
		}
		LocalDate first = (from != null) ? from.atDay(1) : LocalDate.of(1, 1, 1);
		LocalDate last = (to != null) ? to.atEndOfMonth() : LocalDate.of(9999, 12, 31);
		return this.deals.forecast(workspaceId, first, last)
			.stream()
			.map(row -> new ForecastMonth(YearMonth.of(((Number) row[0]).intValue(), ((Number) row[1]).intValue()),
					((Number) row[2]).longValue(), money(row[3]), weighted(row[4])))
			.toList();
	}

	private static void requireYear(String field, YearMonth month) {
		if (month != null && (month.getYear() < 1900 || month.getYear() > 9999)) {
			throw new InvalidInputException(field, "must be a month of the years 1900 to 9999");
		}
	}

	private static BigDecimal money(Object sum) {
		return ((sum != null) ? new BigDecimal(sum.toString()) : BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
	}

	private static BigDecimal weighted(Object sumOfValueTimesPercent) {
		BigDecimal sum = (sumOfValueTimesPercent != null) ? new BigDecimal(sumOfValueTimesPercent.toString())
				: BigDecimal.ZERO;
		return sum.movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * The discount-approval decision (dmn/discount-approval.dmn) as the deal's stage
	 * policy: evaluated on whatever lines and value the deal has when it asks.
	 */
	private StagePolicy policy(UUID workspaceId) {
		return (maxDiscountPercent, value) -> {
			Object required = this.definitions.evaluateDecision(DealLifecycle.DECISION_DISCOUNT_APPROVAL, workspaceId)
				.variables(Map.of(DealLifecycle.VAR_MAX_DISCOUNT, maxDiscountPercent.doubleValue(),
						DealLifecycle.VAR_DEAL_VALUE, value.doubleValue()))
				.evaluate()
				.getSingleResult()
				.getSingleEntry();
			return Boolean.TRUE.equals(required);
		};
	}

	private DealView move(Deal deal, DealStage target, String lostReason, UUID byUserId) {
		Instant now = this.clock.instant();
		DealStage from = deal.stage();
		deal.moveTo(target, lostReason, policy(deal.workspaceId()), now);
		deal.applyDecidedProbability(probability(deal.view(),
				this.customers.requireCustomer(deal.workspaceId(), deal.view().customerId()).type()));
		this.deals.saveAndFlush(deal);
		DealView view = deal.view();
		record(view, byUserId, now,
				(target == DealStage.WON) ? DealChangeKind.WON
						: (target == DealStage.LOST) ? DealChangeKind.LOST : DealChangeKind.STAGE_CHANGED,
				from.name(), target.name());
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
		Object decided = this.definitions.evaluateDecision(DealLifecycle.DECISION_DEAL_PROBABILITY, deal.workspaceId())
			.variables(Map.of(DealLifecycle.VAR_STAGE, deal.stage().name(), DealLifecycle.VAR_DEAL_VALUE,
					deal.value().doubleValue(), DealLifecycle.VAR_CUSTOMER_TYPE, customerType.name()))
			.evaluate()
			.getSingleResult()
			.getSingleEntry();
		return ((Number) decided).intValue();
	}

	private void startProcess(DealView deal, CustomerView customer, String assignee, Instant now) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(DealLifecycle.VAR_WORKSPACE_ID, deal.workspaceId().toString());
		variables.put(DealLifecycle.VAR_DEAL_TITLE, deal.title());
		variables.put(DealLifecycle.VAR_CUSTOMER_NAME, customer.name());
		variables.put(DealLifecycle.VAR_CUSTOMER_TYPE, customer.type().name());
		variables.put(DealLifecycle.VAR_DEAL_VALUE, deal.value().doubleValue());
		variables.put(DealLifecycle.VAR_MAX_DISCOUNT, deal.maxDiscountPercent().doubleValue());
		variables.put(DealLifecycle.VAR_STAGE, deal.stage().name());
		variables.put(DealLifecycle.VAR_ASSIGNEE, assignee);
		variables.put(DealLifecycle.VAR_REMINDER_AT, reminderAt(deal.expectedCloseDate(), now));
		this.definitions.startProcess(DealLifecycle.KEY, deal.workspaceId())
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

	/**
	 * A line that names a product must name one of the workspace's catalog (422
	 * {@code products[i].productId}): the order and the invoice made from the deal use
	 * it.
	 */
	private void requireCatalogProducts(UUID workspaceId, List<DealProduct> products) {
		for (int i = 0; i < products.size(); i++) {
			UUID productId = products.get(i).productId();
			if (productId != null) {
				try {
					this.catalog.requireProduct(workspaceId, productId);
				}
				catch (BusinessRuleViolation ex) {
					throw new BusinessRuleViolation("products[" + i + "].productId",
							"No such product in this workspace's catalog");
				}
			}
		}
	}

	private EmployeeView assignee(UUID workspaceId, UUID employeeId) {
		if (employeeId == null) {
			return null;
		}
		return this.hr.employeeInWorkspace(workspaceId, employeeId)
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

	/**
	 * Changes to an open deal; {@code null} leaves a field as it is. {@code products}
	 * replaces all lines.
	 */
	public record DealChanges(String title, String description, BigDecimal value, LocalDate expectedCloseDate,
			UUID assignedTo, Integer probability, List<DealProduct> products) {
	}

	/**
	 * The answer to a stage task's outcome: the deal's stage after it, and the business
	 * rule that refused the move (null when the deal moved).
	 */
	public record StageMove(DealStage stage, FieldViolation refusal) {

		public boolean refused() {
			return this.refusal != null;
		}

	}

	/**
	 * What the deal's process shows on its forms and routes by; {@code assigneeEmail} is
	 * the login of the employee the deal is assigned to, or null.
	 */
	public record DealTaskView(String title, String customerName, BigDecimal value, BigDecimal maxDiscountPercent,
			DealStage stage, String assigneeEmail) {
	}

	/**
	 * One stage of the pipeline: {@code weightedValue} is the sum of value × probability
	 * / 100.
	 */
	public record PipelineStage(DealStage stage, long count, BigDecimal value, BigDecimal weightedValue) {
	}

	/** The open deals expected to close in one month. */
	public record ForecastMonth(YearMonth month, long count, BigDecimal value, BigDecimal weightedValue) {
	}

	/**
	 * The deals of one stage: how many, their value and their value weighted by
	 * probability.
	 */
	public record StageTotal(DealStage stage, long count, BigDecimal value, BigDecimal weightedValue) {
	}

	/** Optional filters of the deal list. */
	public record DealFilter(DealStage stage, UUID customerId, UUID assignedTo, String search) {
	}

}
