package kz.prometric.erp.production;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import kz.prometric.erp.catalog.CatalogManagement;
import kz.prometric.erp.catalog.ProductView;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.inventory.InventoryManagement;
import kz.prometric.erp.inventory.ReceivingWarehouses;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.production.ProductionEvents.PurchaseReceived;
import kz.prometric.erp.production.ProductionEvents.PurchaseRejected;
import kz.prometric.erp.production.process.PurchaseRequisition;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.DatabaseConstraints;
import kz.prometric.erp.shared.DocumentNumbers;
import kz.prometric.erp.shared.ForbiddenException;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.shared.SearchText;
import kz.prometric.erp.shared.SortableFields;
import kz.prometric.erp.workflow.WorkspaceDefinitions;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suppliers, purchase requisitions ({@code PR-2026-000001}), their approval by
 * {@code dmn/purchase-approval.dmn} in the {@code purchase-requisition} process, purchase
 * orders ({@code PO-2026-000001}) and goods receipt into stock at the purchase price.
 * <p>
 * Members read; managers, admins and the owner change suppliers and prices (403 to plain
 * members); everyone else gets 404, as does an id of another workspace. No API call
 * approves, orders or receives: those are steps of the requisition's process, and each
 * step finds its requisition by the instance's business key and tenant and checks the
 * instance it is bound to. Amounts are KZT without VAT (supplier prices and standard
 * costs are net).
 */
@Service
public class PurchasingManagement {

	static final String REQUISITION_SERIES = "PR";

	static final String ORDER_SERIES = "PO";

	static final String PRICE_FROM_SUPPLIER = "SUPPLIER_PRICE";

	static final String PRICE_FROM_STANDARD_COST = "STANDARD_COST";

	static final String SYSTEM_ROLE = "SYSTEM";

	static final String NO_SUPPLIER = "No active supplier offers this product: add a supplier price, then try again";

	static final SortableFields SUPPLIER_SORT = SortableFields.of("name", "name", "createdAt", "createdAt");

	static final SortableFields REQUISITION_SORT = SortableFields.of("createdAt", "createdAt", "number", "number",
			"amount", "amount", "status", "status");

	static final SortableFields PURCHASE_ORDER_SORT = SortableFields.of("createdAt", "createdAt", "number", "number",
			"amount", "amount", "status", "status");

	private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Almaty");

	private static final String BIN_INDEX = "uq_prod_supplier_bin";

	private static final String BIN_TAKEN = "A supplier with this BIN already exists in the workspace";

	private final Suppliers suppliers;

	private final SupplierPrices prices;

	private final Requisitions requisitions;

	private final PurchaseOrders purchaseOrders;

	private final WorkspaceManagement workspaces;

	private final IdentityManagement identity;

	private final CatalogManagement catalog;

	private final InventoryManagement inventory;

	private final ReceivingWarehouses receivingWarehouses;

	private final DocumentNumbers numbers;

	private final WorkspaceDefinitions definitions;

	private final RuntimeService runtime;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PurchasingManagement(Suppliers suppliers, SupplierPrices prices, Requisitions requisitions,
			PurchaseOrders purchaseOrders, WorkspaceManagement workspaces, IdentityManagement identity,
			CatalogManagement catalog, InventoryManagement inventory, ReceivingWarehouses receivingWarehouses,
			DocumentNumbers numbers, WorkspaceDefinitions definitions, RuntimeService runtime, JdbcTemplate jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.suppliers = suppliers;
		this.prices = prices;
		this.requisitions = requisitions;
		this.purchaseOrders = purchaseOrders;
		this.workspaces = workspaces;
		this.identity = identity;
		this.catalog = catalog;
		this.inventory = inventory;
		this.receivingWarehouses = receivingWarehouses;
		this.numbers = numbers;
		this.definitions = definitions;
		this.runtime = runtime;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	// ---- suppliers

	/**
	 * Creates an active supplier; needs the MANAGER role. A BIN must pass the check-digit
	 * rule (400 {@code bin}) and be unique in the workspace (409).
	 */
	@Transactional
	public SupplierView createSupplier(UUID workspaceId, UUID callerId, NewSupplier supplier) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		Supplier created = new Supplier(workspaceId, supplier.name(), supplier.bin(), supplier.email(),
				supplier.phone(), this.clock.instant());
		if (created.bin() != null && this.suppliers.existsByWorkspaceIdAndBin(workspaceId, created.bin())) {
			throw new ConflictException("bin", BIN_TAKEN);
		}
		try {
			this.suppliers.saveAndFlush(created);
		}
		catch (DataIntegrityViolationException ex) {
			throw translated(ex);
		}
		return created.view();
	}

	@Transactional(readOnly = true)
	public PageResult<SupplierView> suppliers(UUID workspaceId, UUID callerId, SupplierFilter filter, PageQuery query) {
		this.workspaces.requireMember(workspaceId, callerId);
		return PageResult.of(this.suppliers.search(workspaceId, filter.active(), SearchText.containing(filter.search()),
				query.toPageable(SUPPLIER_SORT)), Supplier::view);
	}

	@Transactional(readOnly = true)
	public SupplierView supplier(UUID workspaceId, UUID callerId, UUID supplierId) {
		this.workspaces.requireMember(workspaceId, callerId);
		return loadSupplier(workspaceId, supplierId).view();
	}

	/**
	 * Changes a supplier; needs the MANAGER role. {@code null} leaves a field, an empty
	 * text clears an optional one; {@code active=false} keeps its prices but no new
	 * purchase order goes to it.
	 */
	@Transactional
	public SupplierView updateSupplier(UUID workspaceId, UUID callerId, UUID supplierId, SupplierChanges changes) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		Supplier supplier = loadSupplier(workspaceId, supplierId);
		supplier.update(changes.name(), changes.bin(), changes.email(), changes.phone(), changes.active(),
				this.clock.instant());
		try {
			if (supplier.bin() != null
					&& this.suppliers.existsByWorkspaceIdAndBinAndIdNot(workspaceId, supplier.bin(), supplierId)) {
				throw new ConflictException("bin", BIN_TAKEN);
			}
			this.suppliers.flush();
		}
		catch (DataIntegrityViolationException ex) {
			throw translated(ex);
		}
		return supplier.view();
	}

	/**
	 * Sets what the supplier charges for a product of the workspace (KZT per unit without
	 * VAT, ≥ 0, 2 decimals; lead time 0–3650 days); needs the MANAGER role. An unknown
	 * product (or one of another workspace) is 404. Setting it again replaces it.
	 */
	@Transactional
	public SupplierPriceView setSupplierPrice(UUID workspaceId, UUID callerId, UUID supplierId, UUID productId,
			BigDecimal unitPrice, Integer leadTimeDays) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		Supplier supplier = loadSupplier(workspaceId, supplierId);
		ProductView product;
		try {
			product = this.catalog.requireProduct(workspaceId, productId);
		}
		catch (BusinessRuleViolation ex) {
			// the product is part of the address: unknown or another workspace's is 404
			throw new NotFoundException("Product", productId);
		}
		Instant now = this.clock.instant();
		SupplierPrice price = this.prices.findBySupplierIdAndProductId(supplier.id(), product.id()).orElse(null);
		if (price == null) {
			price = new SupplierPrice(workspaceId, supplier.id(), product.id(), unitPrice, leadTimeDays, now);
			this.prices.save(price);
		}
		else {
			price.change(unitPrice, leadTimeDays, now);
		}
		this.prices.flush();
		return price.view(product.code(), product.name());
	}

	/** The supplier's prices, most recently changed first. */
	@Transactional(readOnly = true)
	public List<SupplierPriceView> supplierPrices(UUID workspaceId, UUID callerId, UUID supplierId) {
		this.workspaces.requireMember(workspaceId, callerId);
		Supplier supplier = loadSupplier(workspaceId, supplierId);
		List<SupplierPriceView> views = new ArrayList<>();
		for (SupplierPrice price : this.prices.findBySupplierIdOrderByUpdatedAtDesc(supplier.id())) {
			ProductView product = this.catalog.requireProduct(workspaceId, price.productId());
			views.add(price.view(product.code(), product.name()));
		}
		return views;
	}

	/** Removes the supplier's price for a product (404 when it has none); MANAGER. */
	@Transactional
	public void removeSupplierPrice(UUID workspaceId, UUID callerId, UUID supplierId, UUID productId) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		Supplier supplier = loadSupplier(workspaceId, supplierId);
		SupplierPrice price = this.prices.findBySupplierIdAndProductId(supplier.id(), productId)
			.orElseThrow(() -> new NotFoundException("Supplier price", productId));
		this.prices.delete(price);
	}

	// ---- requisitions and purchase orders (read)

	@Transactional(readOnly = true)
	public PageResult<RequisitionView> requisitions(UUID workspaceId, UUID callerId, RequisitionFilter filter,
			PageQuery query) {
		this.workspaces.requireMember(workspaceId, callerId);
		return PageResult.of(this.requisitions.search(workspaceId, filter.status(), filter.productId(),
				filter.productionOrderId(), filter.salesOrderId(), query.toPageable(REQUISITION_SORT)), this::view);
	}

	@Transactional(readOnly = true)
	public RequisitionView requisition(UUID workspaceId, UUID callerId, UUID requisitionId) {
		this.workspaces.requireMember(workspaceId, callerId);
		return view(this.requisitions.findByIdAndWorkspaceId(requisitionId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Purchase requisition", requisitionId)));
	}

	@Transactional(readOnly = true)
	public PageResult<PurchaseOrderView> purchaseOrders(UUID workspaceId, UUID callerId, PurchaseOrderFilter filter,
			PageQuery query) {
		this.workspaces.requireMember(workspaceId, callerId);
		return PageResult.of(this.purchaseOrders.search(workspaceId, filter.status(), filter.supplierId(),
				filter.productId(), query.toPageable(PURCHASE_ORDER_SORT)), this::view);
	}

	@Transactional(readOnly = true)
	public PurchaseOrderView purchaseOrder(UUID workspaceId, UUID callerId, UUID purchaseOrderId) {
		this.workspaces.requireMember(workspaceId, callerId);
		return view(this.purchaseOrders.findByIdAndWorkspaceId(purchaseOrderId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Purchase order", purchaseOrderId)));
	}

	// ---- raising requisitions (production and sales)

	/**
	 * Raises a requisition for a production order's requirement that is short (called by
	 * {@link ProductionManagement#reserveMaterials} inside its transaction). Idempotent
	 * per requirement while a requisition for it is open (REQUESTED, APPROVED, ORDERED):
	 * the open one's number is answered. Does not start a process: the production run
	 * starts the purchase-requisition sub-process for it (call activity, business key =
	 * the number). {@code requestedBy} is the user who released the production order
	 * (their workspace role is an input of the approval table; SYSTEM when null).
	 */
	@Transactional
	public String requestForProduction(UUID workspaceId, UUID productionOrderId, UUID requirementId, UUID productId,
			BigDecimal quantity, UUID warehouseId, UUID requestedBy) {
		if (productionOrderId == null || requirementId == null) {
			throw new IllegalArgumentException("A production requisition names its order and requirement");
		}
		if (warehouseId != null && !this.receivingWarehouses.exists(workspaceId, warehouseId)) {
			throw new BusinessRuleViolation("warehouseId", "No such warehouse in this workspace");
		}
		advisoryLock("prod_requirement:" + requirementId);
		Optional<Requisition> open = this.requisitions.openForRequirement(workspaceId, requirementId);
		if (open.isPresent()) {
			return open.get().number();
		}
		Requisition created = raise(workspaceId, productId, quantity, warehouseId,
				new Requisition.Source(Requisition.SOURCE_PRODUCTION_ORDER, productionOrderId, requirementId, null,
						null),
				requestedBy, requesterRole(workspaceId, requestedBy));
		return created.number();
	}

	/**
	 * Raises a requisition for a sales order line short of a purchased product and starts
	 * its own purchase-requisition process (tenant = workspace, business key = the
	 * number) in the same transaction. Idempotent per order line while open: the open
	 * one's number is answered and nothing starts. The requester role is SYSTEM.
	 */
	@Transactional
	public String requestForSalesOrder(UUID workspaceId, UUID salesOrderId, UUID orderLineId, UUID productId,
			BigDecimal quantity) {
		return requestForSalesOrder(workspaceId, salesOrderId, orderLineId, productId, quantity, null);
	}

	/**
	 * As {@link #requestForSalesOrder(UUID, UUID, UUID, UUID, BigDecimal)}, receiving the
	 * goods into {@code warehouseId} (the warehouse where the line is already partly
	 * reserved, since a reservation is topped up from its own warehouse only); null:
	 * where the product is held, else the first warehouse.
	 */
	@Transactional
	public String requestForSalesOrder(UUID workspaceId, UUID salesOrderId, UUID orderLineId, UUID productId,
			BigDecimal quantity, UUID warehouseId) {
		if (salesOrderId == null || orderLineId == null) {
			throw new IllegalArgumentException("A sales requisition names its order and line");
		}
		advisoryLock("sales_line:" + orderLineId);
		Optional<Requisition> open = this.requisitions.openForSalesOrderLine(workspaceId, orderLineId);
		if (open.isPresent()) {
			return open.get().number();
		}
		Requisition created = raise(workspaceId, productId, quantity, warehouseId,
				new Requisition.Source(Requisition.SOURCE_SALES_ORDER, null, null, salesOrderId, orderLineId), null,
				SYSTEM_ROLE);
		ProcessInstance process = this.definitions.startProcess(PurchaseRequisition.KEY, workspaceId)
			.businessKey(created.number())
			.setVariable(PurchaseRequisition.VAR_WORKSPACE_ID, workspaceId.toString())
			.setVariable(PurchaseRequisition.VAR_REQUISITION_NUMBER, created.number())
			.execute();
		created.bindTo(process.getId());
		return created.number();
	}

	/**
	 * The status of a requisition of the workspace (IllegalStateException if unknown).
	 */
	@Transactional(readOnly = true)
	public RequisitionStatus requisitionStatus(UUID workspaceId, String requisitionNumber) {
		return this.requisitions.findByNumberAndWorkspaceId(requisitionNumber, workspaceId)
			.map(Requisition::status)
			.orElseThrow(() -> new IllegalStateException(
					"No purchase requisition " + requisitionNumber + " in workspace " + workspaceId));
	}

	// ---- steps of the purchase-requisition process

	/**
	 * First step: binds the requisition to the instance (or checks the binding) and has
	 * {@code dmn/purchase-approval.dmn} choose who approves it (amount, material
	 * category, requester role), stored on the requisition; AUTO approves it at once. A
	 * retry answers the level already chosen.
	 */
	@Transactional
	public ApprovalStep decideApprover(PurchaseInstance instance) {
		Requisition requisition = this.requisitions
			.lockByNumberAndWorkspaceId(instance.requisitionNumber(), instance.workspaceId())
			.orElseThrow(() -> unbound(instance));
		requisition.bindTo(instance.processInstanceId());
		if (requisition.approverLevel() == null) {
			Object decided = this.definitions
				.evaluateDecision(PurchaseRequisition.DECISION_PURCHASE_APPROVAL, instance.workspaceId())
				.variables(Map.of(PurchaseRequisition.VAR_AMOUNT, requisition.amount().doubleValue(),
						PurchaseRequisition.VAR_MATERIAL_CATEGORY, requisition.materialCategory(),
						PurchaseRequisition.VAR_REQUESTER_ROLE, requisition.requesterRole()))
				.evaluate()
				.getSingleResult()
				.getSingleEntry();
			requisition.approverChosen(ApproverLevel.valueOf(String.valueOf(decided)), this.clock.instant());
		}
		return new ApprovalStep(requisition.approverLevel(), taskView(requisition));
	}

	/**
	 * The approver's decision on the "Approve purchase" task. {@code approverEmail} is
	 * the engine user completing the task (not a variable), who must hold the level's
	 * role in the workspace now: MANAGER (or admin, owner) for a MANAGER-level
	 * requisition, OWNER for an OWNER-level one; else 403 and nothing changes.
	 * {@code decision} approve or reject (422 {@code decision} otherwise). Answers
	 * whether the requisition is approved.
	 */
	@Transactional
	public boolean decide(PurchaseInstance instance, String approverEmail, String decision, String comment) {
		Requisition requisition = bound(instance);
		boolean approve;
		if (PurchaseRequisition.DECISION_APPROVE.equals(decision)) {
			approve = true;
		}
		else if (PurchaseRequisition.DECISION_REJECT.equals(decision)) {
			approve = false;
		}
		else {
			throw new BusinessRuleViolation(PurchaseRequisition.VAR_DECISION, "Choose approve or reject");
		}
		WorkspaceRole role = approverRole(instance.workspaceId(), approverEmail);
		boolean suffices = switch (requisition.approverLevel()) {
			case OWNER -> role == WorkspaceRole.OWNER;
			case MANAGER -> role.includes(WorkspaceRole.MANAGER);
			case AUTO -> true;
		};
		requisition.decide(approve, approverEmail, suffices, comment, this.clock.instant());
		return requisition.status() == RequisitionStatus.APPROVED;
	}

	/**
	 * After a rejection (by the approver, or for want of a supplier): publishes
	 * {@link PurchaseRejected} with the requisition's reason and answers it. The
	 * requisition must be REJECTED (else a fault).
	 */
	@Transactional
	public String recordRejection(PurchaseInstance instance) {
		Requisition requisition = bound(instance);
		if (requisition.status() != RequisitionStatus.REJECTED) {
			throw new IllegalStateException(
					"Requisition " + requisition.number() + " is " + requisition.status() + ", not REJECTED");
		}
		this.events.publishEvent(new PurchaseRejected(instance.workspaceId(), requisition.number(),
				requisition.productId(), requisition.salesOrderId(), requisition.productionOrderId(),
				requisition.rejectionReason(), this.clock.instant()));
		return requisition.rejectionReason();
	}

	/**
	 * Places the purchase order of an approved requisition with the cheapest active
	 * supplier at its price now (PO number from the workspace's gapless series), into the
	 * requisition's warehouse or, when it has none, the warehouse
	 * {@link ReceivingWarehouses} chooses. Answers the order's number; a retry answers
	 * the same order. When no active supplier offers the product (or the workspace has no
	 * warehouse), the requisition is rejected with that reason and empty is answered.
	 */
	@Transactional
	public Optional<String> placePurchaseOrder(PurchaseInstance instance) {
		Requisition requisition = bound(instance);
		if (requisition.purchaseOrderId() != null) {
			return this.purchaseOrders.findById(requisition.purchaseOrderId()).map(PurchaseOrder::number);
		}
		if (requisition.status() != RequisitionStatus.APPROVED) {
			throw new IllegalStateException(
					"Requisition " + requisition.number() + " is " + requisition.status() + ", not APPROVED");
		}
		Instant now = this.clock.instant();
		List<SupplierPrice> offers = this.prices.activeOffers(instance.workspaceId(), requisition.productId());
		if (offers.isEmpty()) {
			requisition.refuse(NO_SUPPLIER, now);
			return Optional.empty();
		}
		UUID warehouseId = (requisition.warehouseId() != null) ? requisition.warehouseId()
				: this.receivingWarehouses.forProduct(instance.workspaceId(), requisition.productId()).orElse(null);
		if (warehouseId == null) {
			requisition.refuse("The workspace has no warehouse to receive the goods into", now);
			return Optional.empty();
		}
		SupplierPrice offer = offers.get(0);
		Supplier supplier = this.suppliers.findById(offer.supplierId()).orElseThrow();
		String number = this.numbers.next(instance.workspaceId(), ORDER_SERIES, now.atZone(BUSINESS_ZONE).getYear());
		PurchaseOrder order = new PurchaseOrder(instance.workspaceId(), number, requisition, supplier.id(),
				supplier.name(), offer.unitPrice(), offer.leadTimeDays(), warehouseId, now);
		this.purchaseOrders.saveAndFlush(order);
		requisition.ordered(order.id(), supplier.id(), now);
		return Optional.of(number);
	}

	/**
	 * What the "Receive goods" and "Approve purchase" forms show, read from the
	 * requisition and its purchase order now.
	 */
	@Transactional(readOnly = true)
	public PurchaseTaskView taskView(PurchaseInstance instance) {
		return taskView(bound(instance));
	}

	/**
	 * A person completed "Receive goods": records who ({@code receiverEmail}, the engine
	 * user, who must be a member of the workspace, else 403) and the delivery note on the
	 * purchase order. Stock is booked by the next step.
	 */
	@Transactional
	public void reportReceipt(PurchaseInstance instance, String receiverEmail, String deliveryNote) {
		Requisition requisition = bound(instance);
		approverRole(instance.workspaceId(), receiverEmail);
		PurchaseOrder order = this.purchaseOrders.lockByRequisitionId(requisition.id())
			.orElseThrow(() -> new IllegalStateException("Requisition " + requisition.number() + " has no order"));
		order.receiptReported(receiverEmail, deliveryNote, this.clock.instant());
	}

	/**
	 * Books the goods of the requisition's purchase order into stock at its unit price
	 * (inventory RECEIPT referring to the purchase order, which moves the moving average
	 * cost); the order and the requisition become RECEIVED; publishes
	 * {@link PurchaseReceived}. A retry receives nothing more and publishes nothing.
	 */
	@Transactional
	public void recordGoodsReceipt(PurchaseInstance instance) {
		Requisition requisition = bound(instance);
		if (requisition.status() == RequisitionStatus.RECEIVED) {
			return;
		}
		PurchaseOrder order = this.purchaseOrders.lockByRequisitionId(requisition.id())
			.orElseThrow(() -> new IllegalStateException("Requisition " + requisition.number() + " has no order"));
		Instant now = this.clock.instant();
		this.inventory.receivePurchase(instance.workspaceId(), order.warehouseId(), order.productId(), order.quantity(),
				order.unitPrice(), order.id());
		order.received(now);
		requisition.received(now);
		this.events.publishEvent(new PurchaseReceived(instance.workspaceId(), requisition.number(), order.number(),
				order.productId(), order.quantity(), requisition.salesOrderId(), requisition.productionOrderId(), now));
	}

	/**
	 * The instance was cancelled before it ended (its production run was cancelled, or an
	 * administrator deleted it): an open requisition and its unreceived purchase order
	 * become CANCELLED. Nothing changes for a requisition already received or rejected.
	 */
	@Transactional
	public void cancelled(PurchaseInstance instance, String reason) {
		Requisition requisition = this.requisitions
			.lockByNumberAndWorkspaceId(instance.requisitionNumber(), instance.workspaceId())
			.orElse(null);
		if (requisition == null || !requisition.isBoundTo(instance.processInstanceId())) {
			return;
		}
		Instant now = this.clock.instant();
		if (requisition.cancel((reason != null) ? reason : "The purchase was cancelled", now)) {
			this.purchaseOrders.lockByRequisitionId(requisition.id()).ifPresent(order -> order.cancel(now));
		}
	}

	// ---- internals

	private Requisition raise(UUID workspaceId, UUID productId, BigDecimal quantity, UUID warehouseId,
			Requisition.Source source, UUID requestedBy, String requesterRole) {
		if (quantity == null || quantity.signum() <= 0) {
			throw new InvalidInputException("quantity", "must be greater than 0");
		}
		ProductView product = this.catalog.requireProduct(workspaceId, productId);
		List<SupplierPrice> offers = this.prices.activeOffers(workspaceId, product.id());
		Requisition.Estimate estimate = offers.isEmpty()
				? new Requisition.Estimate((product.cost() != null) ? product.cost() : BigDecimal.ZERO,
						PRICE_FROM_STANDARD_COST, null)
				: new Requisition.Estimate(offers.get(0).unitPrice(), PRICE_FROM_SUPPLIER, offers.get(0).supplierId());
		Instant now = this.clock.instant();
		String number = this.numbers.next(workspaceId, REQUISITION_SERIES, now.atZone(BUSINESS_ZONE).getYear());
		Requisition requisition = new Requisition(
				workspaceId, number, new Requisition.Item(product.id(), product.code(), product.name(),
						product.category().name(), quantity, warehouseId),
				estimate, source, requestedBy, requesterRole, now);
		return this.requisitions.saveAndFlush(requisition);
	}

	private String requesterRole(UUID workspaceId, UUID requestedBy) {
		if (requestedBy == null) {
			return SYSTEM_ROLE;
		}
		try {
			return this.workspaces.requireMember(workspaceId, requestedBy).name();
		}
		catch (NotFoundException ex) {
			// left the workspace since: no more than a member's weight
			return WorkspaceRole.MEMBER.name();
		}
	}

	/** The workspace role of the engine user {@code email}; 403 when none. */
	private WorkspaceRole approverRole(UUID workspaceId, String email) {
		UUID userId = (email == null) ? null : this.identity.findByEmail(email).map(UserAccount::id).orElse(null);
		if (userId == null) {
			throw new ForbiddenException("This step is done by a named member of the workspace");
		}
		try {
			return this.workspaces.requireMember(workspaceId, userId);
		}
		catch (NotFoundException ex) {
			throw new ForbiddenException("Only members of the requisition's workspace do this step");
		}
	}

	/**
	 * The requisition the instance is bound to (business key and tenant), locked, and
	 * only if it names this very instance; anything else is a fault.
	 */
	private Requisition bound(PurchaseInstance instance) {
		Requisition requisition = this.requisitions
			.lockByNumberAndWorkspaceId(instance.requisitionNumber(), instance.workspaceId())
			.orElseThrow(() -> unbound(instance));
		if (!requisition.isBoundTo(instance.processInstanceId())) {
			throw new IllegalStateException("Requisition " + instance.requisitionNumber()
					+ " is not bound to process instance " + instance.processInstanceId());
		}
		return requisition;
	}

	private static IllegalStateException unbound(PurchaseInstance instance) {
		return new IllegalStateException("No requisition " + instance.requisitionNumber()
				+ " in the workspace of process instance " + instance.processInstanceId());
	}

	private PurchaseTaskView taskView(Requisition requisition) {
		PurchaseOrder order = (requisition.purchaseOrderId() != null)
				? this.purchaseOrders.findById(requisition.purchaseOrderId()).orElse(null) : null;
		String supplierName = (order != null) ? order.supplierName() : supplierName(requisition.supplierId());
		String requester = (requisition.requestedBy() != null)
				? this.identity.findById(requisition.requestedBy()).map(UserAccount::email).orElse(null) : null;
		return new PurchaseTaskView(requisition.number(), requisition.productName(), requisition.quantity(),
				supplierName, requisition.amount(),
				(requester != null) ? requester + " (" + requisition.requesterRole() + ")"
						: requisition.requesterRole(),
				(order != null) ? order.number() : null, requisition.rejectionReason());
	}

	private String supplierName(UUID supplierId) {
		return (supplierId == null) ? null : this.suppliers.findById(supplierId).map(Supplier::name).orElse(null);
	}

	private RequisitionView view(Requisition requisition) {
		String orderNumber = (requisition.purchaseOrderId() != null)
				? this.purchaseOrders.findById(requisition.purchaseOrderId()).map(PurchaseOrder::number).orElse(null)
				: null;
		String requestedBy = (requisition.requestedBy() != null)
				? this.identity.findById(requisition.requestedBy()).map(UserAccount::email).orElse(null) : null;
		return requisition.view(supplierName(requisition.supplierId()), orderNumber, requestedBy);
	}

	private PurchaseOrderView view(PurchaseOrder order) {
		return order.view(this.requisitions.findById(order.requisitionId()).map(Requisition::number).orElse(null));
	}

	private Supplier loadSupplier(UUID workspaceId, UUID supplierId) {
		return this.suppliers.findByIdAndWorkspaceId(supplierId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Supplier", supplierId));
	}

	private void advisoryLock(String key) {
		this.jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> null, key);
	}

	private static RuntimeException translated(DataIntegrityViolationException ex) {
		if (DatabaseConstraints.isUniqueViolation(ex, BIN_INDEX)) {
			return new ConflictException("bin", BIN_TAKEN);
		}
		return ex;
	}

	public enum RequisitionStatus {

		REQUESTED, APPROVED, REJECTED, ORDERED, RECEIVED, CANCELLED

	}

	/** Who approves a requisition, as {@code dmn/purchase-approval.dmn} decides. */
	public enum ApproverLevel {

		AUTO, MANAGER, OWNER

	}

	/** What the approval step decided and what the forms show. */
	public record ApprovalStep(ApproverLevel level, PurchaseTaskView task) {
	}

	/**
	 * What the purchase-requisition forms show: requisition, product, quantity, supplier,
	 * amount (KZT without VAT), requester, purchase order number (once placed) and the
	 * rejection reason (once rejected).
	 */
	public record PurchaseTaskView(String requisitionNumber, String productName, BigDecimal quantity,
			String supplierName, BigDecimal amount, String requester, String purchaseOrderNumber,
			String rejectionReason) {
	}

	/** What a new supplier needs: {@code name}; the rest is optional. */
	public record NewSupplier(String name, String bin, String email, String phone) {
	}

	/** {@code null} leaves a field; an empty text clears an optional one. */
	public record SupplierChanges(String name, String bin, String email, String phone, Boolean active) {
	}

	public record SupplierFilter(Boolean active, String search) {
	}

	public record RequisitionFilter(RequisitionStatus status, UUID productId, UUID productionOrderId,
			UUID salesOrderId) {
	}

	public record PurchaseOrderFilter(PurchaseOrderStatus status, UUID supplierId, UUID productId) {
	}

}
