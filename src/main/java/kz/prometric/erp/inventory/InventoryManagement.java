package kz.prometric.erp.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import kz.prometric.erp.catalog.CatalogManagement;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.DatabaseConstraints;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.shared.SearchText;
import kz.prometric.erp.shared.SortableFields;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Warehouses and stock of a workspace. Every change of a balance writes exactly one
 * movement to the append-only ledger in the same transaction, and holds the balance row's
 * lock while it does, so on hand, reserved and available never go negative and reserved
 * never exceeds on hand, however many requests run at once. {@link #verifyLedger} checks
 * that the balances still equal their ledger.
 * <p>
 * Members read; managers, admins and the owner write (403 to plain members); everyone
 * else gets 404, as does a warehouse id of another workspace in a URL. Ids in request
 * bodies that are unknown or of another workspace are 422 naming the field. Reservations
 * are made, released and issued by the order-fulfilment process through this façade only.
 */
@Service
public class InventoryManagement {

	/**
	 * Column names: the warehouse list is a native query (see {@link Warehouses#search}).
	 */
	static final SortableFields WAREHOUSE_SORT = SortableFields.of("code", "code", "name", "name", "createdAt",
			"created_at");

	static final SortableFields STOCK_SORT = SortableFields.of("updatedAt", "updatedAt", "onHand", "onHand", "reserved",
			"reserved");

	static final SortableFields MOVEMENT_SORT = SortableFields.of("createdAt", "createdAt", "type", "type", "quantity",
			"quantity");

	static final SortableFields RESERVATION_SORT = SortableFields.of("createdAt", "createdAt", "quantity", "quantity",
			"status", "status");

	static final SortableFields BELOW_MINIMUM_SORT = SortableFields.of("shortfall", "shortfall", "onHand", "on_hand",
			"minimumQuantity", "minimum_quantity", "warehouse", "warehouse_code");

	static final String ORDER_LINE = "ORDER_LINE";

	static final String PRODUCTION_ORDER = "PRODUCTION_ORDER";

	static final String PURCHASE_ORDER = "PURCHASE_ORDER";

	private static final String CODE_INDEX = "uq_inv_warehouse_code";

	private static final String CODE_TAKEN = "A warehouse with this code already exists in the workspace";

	private static final String NO_SUCH_WAREHOUSE = "No such warehouse in this workspace";

	private final Warehouses warehouses;

	private final StockBalances balances;

	private final Movements movements;

	private final Reservations reservations;

	private final Valuations valuations;

	private final CatalogManagement catalog;

	private final WorkspaceManagement workspaces;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final MinimumStocks minimums;

	private final ApplicationEventPublisher events;

	InventoryManagement(Warehouses warehouses, StockBalances balances, Movements movements, Reservations reservations,
			Valuations valuations, CatalogManagement catalog, WorkspaceManagement workspaces, JdbcTemplate jdbc,
			Clock clock, MinimumStocks minimums, ApplicationEventPublisher events) {
		this.minimums = minimums;
		this.events = events;
		this.warehouses = warehouses;
		this.balances = balances;
		this.movements = movements;
		this.reservations = reservations;
		this.valuations = valuations;
		this.catalog = catalog;
		this.workspaces = workspaces;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	// warehouses

	/** Creates a warehouse; needs the MANAGER role. A code already used is 409. */
	@Transactional
	public WarehouseView createWarehouse(UUID workspaceId, UUID callerId, String code, String name, String address) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		Warehouse warehouse = new Warehouse(workspaceId, code, name, address, this.clock.instant());
		if (this.warehouses.existsByWorkspaceIdAndCodeIgnoreCase(workspaceId, warehouse.code())) {
			throw new ConflictException("code", CODE_TAKEN);
		}
		try {
			this.warehouses.saveAndFlush(warehouse);
		}
		catch (DataIntegrityViolationException ex) {
			throw translated(ex);
		}
		return warehouse.view();
	}

	/**
	 * The workspace's warehouses, all of them; see
	 * {@link #warehouses(UUID, UUID, String, PageQuery)}.
	 */
	@Transactional(readOnly = true)
	public PageResult<WarehouseView> warehouses(UUID workspaceId, UUID callerId, PageQuery query) {
		return warehouses(workspaceId, callerId, null, query);
	}

	/**
	 * The workspace's warehouses whose code, name or address contains {@code search},
	 * taken literally and regardless of case, Cyrillic included (all when it is
	 * {@code null} or blank); sorted by code (default), name or createdAt. Members read.
	 */
	@Transactional(readOnly = true)
	public PageResult<WarehouseView> warehouses(UUID workspaceId, UUID callerId, String search, PageQuery query) {
		this.workspaces.requireMember(workspaceId, callerId);
		return PageResult.of(
				this.warehouses.search(workspaceId, SearchText.containing(search), query.toPageable(WAREHOUSE_SORT)),
				Warehouse::view);
	}

	@Transactional(readOnly = true)
	public WarehouseView warehouse(UUID workspaceId, UUID callerId, UUID warehouseId) {
		this.workspaces.requireMember(workspaceId, callerId);
		return loadWarehouse(workspaceId, warehouseId).view();
	}

	/** Changes a warehouse; needs the MANAGER role. {@code null} leaves a field. */
	@Transactional
	public WarehouseView updateWarehouse(UUID workspaceId, UUID callerId, UUID warehouseId, String code, String name,
			String address) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		Warehouse warehouse = loadWarehouse(workspaceId, warehouseId);
		warehouse.update(code, name, address, this.clock.instant());
		try {
			if (code != null && this.warehouses.existsByWorkspaceIdAndCodeIgnoreCaseAndIdNot(workspaceId,
					warehouse.code(), warehouseId)) {
				throw new ConflictException("code", CODE_TAKEN);
			}
			this.warehouses.flush();
		}
		catch (DataIntegrityViolationException ex) {
			throw translated(ex);
		}
		return warehouse.view();
	}

	// stock changes by people

	/**
	 * Receives {@code quantity} of a product at the current moving average cost. See
	 * {@link #receive(UUID, UUID, UUID, UUID, BigDecimal, BigDecimal, String)}.
	 */
	@Transactional
	public StockChange receive(UUID workspaceId, UUID callerId, UUID warehouseId, UUID productId, BigDecimal quantity,
			String note) {
		return receive(workspaceId, callerId, warehouseId, productId, quantity, null, note);
	}

	/**
	 * Receives {@code quantity} (> 0, 400 otherwise) of a product into a warehouse at
	 * {@code unitCost} per unit (≥ 0 with at most 4 decimals, 400 otherwise), which moves
	 * the product's moving average cost; {@code null} receives at the current average
	 * (the standard cost while nothing has been valued) and leaves it unchanged. Needs
	 * the MANAGER role. Writes a RECEIPT movement carrying the unit cost. Not idempotent
	 * by itself: the REST endpoint makes retries safe with an {@code Idempotency-Key}.
	 */
	@Transactional
	public StockChange receive(UUID workspaceId, UUID callerId, UUID warehouseId, UUID productId, BigDecimal quantity,
			BigDecimal unitCost, String note) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		BigDecimal amount = Quantities.positive("quantity", quantity);
		BigDecimal cost = (unitCost != null) ? Quantities.unitCost("unitCost", unitCost) : null;
		requireWarehouse(workspaceId, warehouseId);
		BigDecimal standardCost = this.catalog.requireProduct(workspaceId, productId).cost();
		Instant now = this.clock.instant();
		Valuation valuation = lockedValuation(workspaceId, productId);
		BigDecimal movementCost;
		if (cost != null) {
			valuation.receive(amount, cost, now);
			movementCost = cost;
		}
		else {
			movementCost = valuation.moveAtAverage(amount, standardCost, now);
		}
		StockBalance balance = lockedBalance(workspaceId, warehouseId, productId);
		balance.add(amount, now);
		return record(balance, valuation, workspaceId, warehouseId, productId, MovementType.RECEIPT, amount,
				movementCost, null, null, null, note, callerId);
	}

	/**
	 * Corrects the stock on hand by {@code quantity}, positive or negative but not zero
	 * (400), valued at the moving average cost (which it does not change); needs the
	 * MANAGER role. Refused with 422 naming {@code quantity} when on hand would fall
	 * below what is reserved (and so below zero). Writes an ADJUSTMENT movement carrying
	 * the signed quantity.
	 */
	@Transactional
	public StockChange adjust(UUID workspaceId, UUID callerId, UUID warehouseId, UUID productId, BigDecimal quantity,
			String note) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		BigDecimal delta = Quantities.nonZero("quantity", quantity);
		requireWarehouse(workspaceId, warehouseId);
		BigDecimal standardCost = this.catalog.requireProduct(workspaceId, productId).cost();
		Instant now = this.clock.instant();
		Valuation valuation = lockedValuation(workspaceId, productId);
		StockBalance balance = lockedBalance(workspaceId, warehouseId, productId);
		BigDecimal before = balance.onHand();
		balance.adjust(delta, now);
		announceIfLow(workspaceId, balance, before, now);
		BigDecimal movementCost = valuation.moveAtAverage(delta, standardCost, now);
		return record(balance, valuation, workspaceId, warehouseId, productId, MovementType.ADJUSTMENT, delta,
				movementCost, null, null, null, note, callerId);
	}

	// stock changes by processes (no caller: the process checked access when it started)

	/**
	 * Reserves {@code quantity} of a product for an order line in the warehouse with the
	 * most available stock. See
	 * {@link #reserve(UUID, UUID, UUID, UUID, BigDecimal, UUID)}.
	 */
	@Transactional
	public ReservationResult reserve(UUID workspaceId, UUID orderId, UUID orderLineId, UUID productId,
			BigDecimal quantity) {
		return reserve(workspaceId, orderId, orderLineId, productId, quantity, null);
	}

	/**
	 * Makes sure up to {@code quantity} of the product is reserved for the order line, in
	 * {@code warehouseId}, or when {@code null} in the warehouse with the most available
	 * stock. Reserves what is available and reports the rest as the shortfall; it never
	 * waits for stock. Idempotent per order line: a line has at most one ACTIVE
	 * reservation, and calling again answers it, topping it up from its warehouse when it
	 * was short and stock has arrived since (so call it again after a receipt to fill a
	 * shortfall). Writes a RESERVATION movement for what it newly reserved. An unknown
	 * product is 422 naming {@code productId}, an unknown warehouse 422 naming
	 * {@code warehouseId}; a line already reserved for another product or order is 422
	 * naming {@code orderLineId}.
	 */
	@Transactional
	public ReservationResult reserve(UUID workspaceId, UUID orderId, UUID orderLineId, UUID productId,
			BigDecimal quantity, UUID warehouseId) {
		if (orderId == null) {
			throw new InvalidInputException("orderId", "must not be null");
		}
		if (orderLineId == null) {
			throw new InvalidInputException("orderLineId", "must not be null");
		}
		BigDecimal requested = Quantities.positive("quantity", quantity);
		this.catalog.requireProduct(workspaceId, productId);
		if (warehouseId != null) {
			requireWarehouse(workspaceId, warehouseId);
		}
		// one reservation attempt per order line at a time: a retry racing the first
		// call finds its reservation
		advisoryLock("inv_line:" + orderLineId);
		Instant now = this.clock.instant();
		Reservation existing = this.reservations.lockActiveOfLine(workspaceId, orderLineId).orElse(null);
		if (existing != null) {
			if (!existing.productId().equals(productId) || !existing.orderId().equals(orderId)) {
				throw new BusinessRuleViolation("orderLineId",
						"The order line is already reserved for another product or order");
			}
			BigDecimal missing = requested.subtract(existing.quantity());
			if (missing.signum() > 0) {
				StockBalance balance = lockedBalance(workspaceId, existing.warehouseId(), productId);
				BigDecimal taken = balance.reserveUpTo(missing, now);
				if (taken.signum() > 0) {
					existing.add(taken, now);
					record(balance, null, workspaceId, existing.warehouseId(), productId, MovementType.RESERVATION,
							taken, null, null, ORDER_LINE, orderLineId, null, null);
				}
			}
			return result(existing, requested);
		}
		UUID target = (warehouseId != null) ? warehouseId
				: this.balances.warehousesWithAvailable(workspaceId, productId).stream().findFirst().orElse(null);
		if (target == null) {
			return new ReservationResult(orderLineId, productId, null, null, requested, BigDecimal.ZERO.setScale(3),
					requested);
		}
		StockBalance balance = lockedBalance(workspaceId, target, productId);
		BigDecimal taken = balance.reserveUpTo(requested, now);
		if (taken.signum() == 0) {
			return new ReservationResult(orderLineId, productId, null, null, requested, BigDecimal.ZERO.setScale(3),
					requested);
		}
		Reservation reservation = new Reservation(workspaceId, orderId, orderLineId, productId, target, taken, now);
		this.reservations.save(reservation);
		record(balance, null, workspaceId, target, productId, MovementType.RESERVATION, taken, null, null, ORDER_LINE,
				orderLineId, null, null);
		return result(reservation, requested);
	}

	/**
	 * Gives back every ACTIVE reservation of the order (RELEASE movements) and answers
	 * them, now RELEASED. Idempotent: an order without active reservations answers an
	 * empty list.
	 */
	@Transactional
	public List<ReservationView> release(UUID workspaceId, UUID orderId) {
		Instant now = this.clock.instant();
		List<ReservationView> released = new ArrayList<>();
		for (Reservation reservation : this.reservations.lockActiveOfOrder(workspaceId, orderId)) {
			StockBalance balance = lockedBalance(workspaceId, reservation.warehouseId(), reservation.productId());
			balance.release(reservation.quantity(), now);
			reservation.released(now);
			record(balance, null, workspaceId, reservation.warehouseId(), reservation.productId(), MovementType.RELEASE,
					reservation.quantity(), null, null, ORDER_LINE, reservation.orderLineId(), null, null);
			released.add(reservation.view());
		}
		this.reservations.flush();
		return released;
	}

	/**
	 * Ships every ACTIVE reservation of the order: the reserved stock leaves on hand and
	 * reserved (ISSUE movements valued at the moving average cost, which does not
	 * change), the reservations become ISSUED and are answered. Idempotent: an order
	 * without active reservations answers an empty list.
	 */
	@Transactional
	public List<ReservationView> issue(UUID workspaceId, UUID orderId) {
		Instant now = this.clock.instant();
		List<ReservationView> issued = new ArrayList<>();
		List<Reservation> active = this.reservations.lockActiveOfOrder(workspaceId, orderId);
		Map<UUID, Valuation> valuations = lockedValuations(workspaceId, active);
		for (Reservation reservation : active) {
			BigDecimal standardCost = this.catalog.requireProduct(workspaceId, reservation.productId()).cost();
			Valuation valuation = valuations.get(reservation.productId());
			StockBalance balance = lockedBalance(workspaceId, reservation.warehouseId(), reservation.productId());
			BigDecimal before = balance.onHand();
			balance.issue(reservation.quantity(), now);
			announceIfLow(workspaceId, balance, before, now);
			reservation.issued(now);
			BigDecimal cost = valuation.moveAtAverage(reservation.quantity().negate(), standardCost, now);
			record(balance, valuation, workspaceId, reservation.warehouseId(), reservation.productId(),
					MovementType.ISSUE, reservation.quantity(), cost, null, ORDER_LINE, reservation.orderLineId(), null,
					null);
			issued.add(reservation.view());
		}
		this.reservations.flush();
		return issued;
	}

	// valuation and production movements

	/**
	 * The moving average cost of one unit of the product in the workspace (all
	 * warehouses), updated by every receipt and production output at its unit cost; the
	 * product's standard cost (catalog {@code cost}) while nothing has been received at a
	 * cost. Scale 4. An unknown product is 422 naming {@code productId}.
	 */
	@Transactional(readOnly = true)
	public BigDecimal averageCost(UUID workspaceId, UUID productId) {
		BigDecimal standardCost = this.catalog.requireProduct(workspaceId, productId).cost();
		return this.valuations.findByWorkspaceIdAndProductId(workspaceId, productId)
			.map(valuation -> valuation.averageCost(standardCost))
			.orElseGet(() -> standardCost.setScale(Valuation.COST_SCALE, RoundingMode.HALF_UP));
	}

	/**
	 * The valuation of a product for a member of the workspace: the quantity on hand in
	 * all warehouses, its moving average cost and their value. A product id unknown in
	 * the workspace is 404.
	 */
	@Transactional(readOnly = true)
	public ValuationView valuation(UUID workspaceId, UUID callerId, UUID productId) {
		BigDecimal standardCost = this.catalog.product(workspaceId, callerId, productId).cost();
		return this.valuations.findByWorkspaceIdAndProductId(workspaceId, productId)
			.map(valuation -> ValuationView.of(productId, valuation.quantity(), valuation.averageCost(standardCost)))
			.orElseGet(() -> ValuationView.of(productId, BigDecimal.ZERO.setScale(3),
					standardCost.setScale(Valuation.COST_SCALE, RoundingMode.HALF_UP)));
	}

	/**
	 * Receives purchased goods at their purchase price (RECEIPT movement referring to the
	 * purchase order, updating the moving average). Idempotent per purchase order and
	 * product: a second call, also a concurrent one, answers the first receipt's movement
	 * (with the stock level as it is now) and changes nothing. {@code quantity} > 0 and
	 * {@code unitPrice} ≥ 0 (400 otherwise); an unknown warehouse or product is 422
	 * naming the field.
	 */
	@Transactional
	public StockChange receivePurchase(UUID workspaceId, UUID warehouseId, UUID productId, BigDecimal quantity,
			BigDecimal unitPrice, UUID purchaseOrderId) {
		BigDecimal amount = Quantities.positive("quantity", quantity);
		BigDecimal cost = Quantities.unitCost("unitPrice", unitPrice);
		requireReference("purchaseOrderId", purchaseOrderId);
		requireWarehouse(workspaceId, warehouseId);
		this.catalog.requireProduct(workspaceId, productId);
		advisoryLock("inv_receipt:" + purchaseOrderId + ":" + productId);
		Movement earlier = this.movements
			.findFirstByWorkspaceIdAndTypeAndReferenceTypeAndReferenceIdAndProductIdOrderByCreatedAt(workspaceId,
					MovementType.RECEIPT, PURCHASE_ORDER, purchaseOrderId, productId)
			.orElse(null);
		if (earlier != null) {
			return answered(workspaceId, earlier);
		}
		Instant now = this.clock.instant();
		Valuation valuation = lockedValuation(workspaceId, productId);
		valuation.receive(amount, cost, now);
		StockBalance balance = lockedBalance(workspaceId, warehouseId, productId);
		balance.add(amount, now);
		return record(balance, valuation, workspaceId, warehouseId, productId, MovementType.RECEIPT, amount, cost, null,
				PURCHASE_ORDER, purchaseOrderId, null, null);
	}

	/**
	 * Issues every ACTIVE reservation of the production order ({@code orderId} of its
	 * reservations = the production order id) to production: ISSUE_TO_PRODUCTION
	 * movements (on hand −q, reserved −q, referring to the production order) valued at
	 * the moving average cost, reservations ISSUED. Answers what was issued now; a retry
	 * answers an empty list (see {@link #productionIssues} for everything issued so far).
	 * Never issues more than was reserved: reservations are the gate, and a unique index
	 * allows one issue per reservation.
	 */
	@Transactional
	public List<IssuedMaterial> issueToProduction(UUID workspaceId, UUID productionOrderId) {
		requireReference("productionOrderId", productionOrderId);
		Instant now = this.clock.instant();
		List<Reservation> active = this.reservations.lockActiveOfOrder(workspaceId, productionOrderId);
		Map<UUID, Valuation> valuations = lockedValuations(workspaceId, active);
		List<IssuedMaterial> issued = new ArrayList<>();
		for (Reservation reservation : active) {
			BigDecimal standardCost = this.catalog.requireProduct(workspaceId, reservation.productId()).cost();
			Valuation valuation = valuations.get(reservation.productId());
			StockBalance balance = lockedBalance(workspaceId, reservation.warehouseId(), reservation.productId());
			BigDecimal before = balance.onHand();
			balance.issue(reservation.quantity(), now);
			announceIfLow(workspaceId, balance, before, now);
			reservation.issued(now);
			BigDecimal cost = valuation.moveAtAverage(reservation.quantity().negate(), standardCost, now);
			record(balance, valuation, workspaceId, reservation.warehouseId(), reservation.productId(),
					MovementType.ISSUE_TO_PRODUCTION, reservation.quantity(), cost, reservation.id(), PRODUCTION_ORDER,
					productionOrderId, null, null);
			issued.add(new IssuedMaterial(reservation.orderLineId(), reservation.productId(), reservation.warehouseId(),
					reservation.quantity(), cost));
		}
		this.reservations.flush();
		return issued;
	}

	/**
	 * Everything issued to the production order so far (all ISSUE_TO_PRODUCTION movements
	 * referring to it, oldest first), with the unit cost each was issued at: the material
	 * cost of the order is the sum of quantity × unitCost.
	 */
	@Transactional(readOnly = true)
	public List<IssuedMaterial> productionIssues(UUID workspaceId, UUID productionOrderId) {
		List<Movement> issues = this.movements
			.findByWorkspaceIdAndTypeAndReferenceTypeAndReferenceIdOrderByCreatedAtAscIdAsc(workspaceId,
					MovementType.ISSUE_TO_PRODUCTION, PRODUCTION_ORDER, productionOrderId);
		Map<UUID, UUID> lines = new HashMap<>();
		this.reservations.findAllById(issues.stream().map(Movement::reservationId).toList())
			.forEach(reservation -> lines.put(reservation.id(), reservation.orderLineId()));
		return issues.stream()
			.map(movement -> new IssuedMaterial(lines.get(movement.reservationId()), movement.productId(),
					movement.warehouseId(), movement.quantity(), movement.unitCost()))
			.toList();
	}

	/**
	 * Puts the output of a production order into stock at {@code unitCost}
	 * (PRODUCTION_OUTPUT referring to the production order, updating the moving average).
	 * Idempotent per production order: a second call, also a concurrent one, answers the
	 * first output's movement (with the stock level as it is now) and changes nothing.
	 * {@code quantity} > 0 and {@code unitCost} ≥ 0 (400 otherwise).
	 */
	@Transactional
	public StockChange recordProductionOutput(UUID workspaceId, UUID warehouseId, UUID productId, BigDecimal quantity,
			BigDecimal unitCost, UUID productionOrderId) {
		BigDecimal amount = Quantities.positive("quantity", quantity);
		BigDecimal cost = Quantities.unitCost("unitCost", unitCost);
		requireReference("productionOrderId", productionOrderId);
		requireWarehouse(workspaceId, warehouseId);
		this.catalog.requireProduct(workspaceId, productId);
		advisoryLock("inv_output:" + productionOrderId);
		Movement earlier = this.movements
			.findFirstByWorkspaceIdAndTypeAndReferenceTypeAndReferenceIdOrderByCreatedAt(workspaceId,
					MovementType.PRODUCTION_OUTPUT, PRODUCTION_ORDER, productionOrderId)
			.orElse(null);
		if (earlier != null) {
			return answered(workspaceId, earlier);
		}
		Instant now = this.clock.instant();
		Valuation valuation = lockedValuation(workspaceId, productId);
		valuation.receive(amount, cost, now);
		StockBalance balance = lockedBalance(workspaceId, warehouseId, productId);
		balance.add(amount, now);
		return record(balance, valuation, workspaceId, warehouseId, productId, MovementType.PRODUCTION_OUTPUT, amount,
				cost, null, PRODUCTION_ORDER, productionOrderId, null, null);
	}

	/**
	 * Writes off a scrapped production lot (SCRAP movement referring to the production
	 * order: work in progress that never reached stock, so on hand, reserved and the
	 * moving average do not change; its value = quantity × unitCost). Idempotent per
	 * production order: a second call, also a concurrent one, answers the first scrap
	 * movement. {@code quantity} > 0 and {@code unitCost} ≥ 0 (400 otherwise).
	 */
	@Transactional
	public StockMovementView recordScrap(UUID workspaceId, UUID warehouseId, UUID productId, BigDecimal quantity,
			BigDecimal unitCost, UUID productionOrderId, String note) {
		BigDecimal amount = Quantities.positive("quantity", quantity);
		BigDecimal cost = Quantities.unitCost("unitCost", unitCost);
		requireReference("productionOrderId", productionOrderId);
		requireWarehouse(workspaceId, warehouseId);
		this.catalog.requireProduct(workspaceId, productId);
		advisoryLock("inv_scrap:" + productionOrderId);
		return this.movements
			.findFirstByWorkspaceIdAndTypeAndReferenceTypeAndReferenceIdOrderByCreatedAt(workspaceId,
					MovementType.SCRAP, PRODUCTION_ORDER, productionOrderId)
			.map(Movement::view)
			.orElseGet(() -> {
				Movement movement = new Movement(workspaceId, warehouseId, productId, MovementType.SCRAP, amount, cost,
						null, PRODUCTION_ORDER, productionOrderId, note, null, this.clock.instant());
				this.movements.saveAndFlush(movement);
				return movement.view();
			});
	}

	/**
	 * A material issued to a production order: which reservation line, how much, at what
	 * cost.
	 */
	public record IssuedMaterial(UUID orderLineId, UUID productId, UUID warehouseId, BigDecimal quantity,
			BigDecimal unitCost) {
	}

	// reading

	/**
	 * Stock levels of the workspace, optionally of one product or warehouse, valued at
	 * the products' moving average cost.
	 */
	@Transactional(readOnly = true)
	public PageResult<StockLevelView> stock(UUID workspaceId, UUID callerId, UUID productId, UUID warehouseId,
			PageQuery query) {
		this.workspaces.requireMember(workspaceId, callerId);
		Page<StockBalance> page = this.balances.search(workspaceId, productId, warehouseId,
				query.toPageable(STOCK_SORT));
		Map<UUID, BigDecimal> costs = averageCosts(workspaceId,
				page.getContent().stream().map(StockBalance::productId).collect(Collectors.toSet()));
		return PageResult.of(page, balance -> balance.view(costs.get(balance.productId())));
	}

	/** The ledger of the workspace, optionally of one product, warehouse or type. */
	@Transactional(readOnly = true)
	public PageResult<StockMovementView> movements(UUID workspaceId, UUID callerId, UUID productId, UUID warehouseId,
			MovementType type, PageQuery query) {
		this.workspaces.requireMember(workspaceId, callerId);
		return PageResult.of(
				this.movements.search(workspaceId, productId, warehouseId, type, query.toPageable(MOVEMENT_SORT)),
				Movement::view);
	}

	/**
	 * The stock on hand of each of the products summed over all warehouses of the
	 * workspace (0 for a product without stock), for lists of products. Members only.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, BigDecimal> onHandByProduct(UUID workspaceId, UUID callerId,
			java.util.Collection<UUID> productIds) {
		this.workspaces.requireMember(workspaceId, callerId);
		Map<UUID, BigDecimal> onHand = new HashMap<>();
		productIds.forEach(id -> onHand.put(id, BigDecimal.ZERO.setScale(3)));
		if (productIds.isEmpty()) {
			return onHand;
		}
		this.jdbc.query("select product_id, sum(on_hand) as on_hand from inv_stock where workspace_id = ? "
				+ "and product_id = any(?) group by product_id", rs -> {
					onHand.put(rs.getObject("product_id", UUID.class), rs.getBigDecimal("on_hand"));
				}, workspaceId, productIds.toArray(UUID[]::new));
		return onHand;
	}

	// minimum stock (reorder points)

	/**
	 * Sets the minimum quantity of a product in a warehouse (≥ 0 with at most 3 decimals,
	 * 400 naming {@code minimumQuantity} otherwise; 0: no minimum); needs the MANAGER
	 * role. A warehouse or product id of another workspace is 404. Idempotent.
	 */
	@Transactional
	public MinimumStockView setMinimum(UUID workspaceId, UUID callerId, UUID warehouseId, UUID productId,
			BigDecimal minimumQuantity) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		loadWarehouse(workspaceId, warehouseId);
		this.catalog.product(workspaceId, callerId, productId);
		BigDecimal minimum = Quantities.notNegative("minimumQuantity", minimumQuantity);
		return this.minimums.set(workspaceId, warehouseId, productId, minimum, callerId, this.clock.instant());
	}

	/**
	 * The minimum quantities set in the workspace, optionally of one product or one
	 * warehouse (ids of another workspace simply match nothing). Members only.
	 */
	@Transactional(readOnly = true)
	public List<MinimumStockView> minimums(UUID workspaceId, UUID callerId, UUID productId, UUID warehouseId) {
		this.workspaces.requireMember(workspaceId, callerId);
		return this.minimums.of(workspaceId, productId, warehouseId);
	}

	/**
	 * The products whose stock on hand in a warehouse is below their minimum quantity
	 * there, with the shortfall; by default the largest shortfall first (sort by
	 * shortfall, onHand, minimumQuantity or warehouse). Members only.
	 */
	@Transactional(readOnly = true)
	public PageResult<BelowMinimumView> belowMinimum(UUID workspaceId, UUID callerId, PageQuery query) {
		this.workspaces.requireMember(workspaceId, callerId);
		PageQuery sorted = (query.sortProperty() != null) ? query : new PageQuery(query.page(), query.size(),
				"shortfall", org.springframework.data.domain.Sort.Direction.DESC);
		org.springframework.data.domain.Pageable pageable = sorted.toPageable(BELOW_MINIMUM_SORT);
		long total = this.minimums.countBelow(workspaceId);
		List<BelowMinimumView> items = this.minimums.below(workspaceId, pageable).stream().map(row -> {
			kz.prometric.erp.catalog.ProductView product = this.catalog.requireProduct(workspaceId, row.productId());
			return new BelowMinimumView(row.productId(), product.code(), product.name(), product.unit(),
					row.warehouseId(), row.warehouseCode(), row.warehouseName(), row.onHand(), row.minimum(),
					row.shortfall());
		}).toList();
		return new PageResult<>(items, query.page(), query.size(), total);
	}

	/** Reservations of the workspace, optionally of one order, product or status. */
	@Transactional(readOnly = true)
	public PageResult<ReservationView> reservations(UUID workspaceId, UUID callerId, UUID orderId, UUID productId,
			ReservationStatus status, PageQuery query) {
		this.workspaces.requireMember(workspaceId, callerId);
		return PageResult.of(
				this.reservations.search(workspaceId, orderId, productId, status, query.toPageable(RESERVATION_SORT)),
				Reservation::view);
	}

	/**
	 * The balances of the workspace that disagree with the ledger (sum of movements per
	 * {@link MovementType}; SCRAP moves nothing) or whose reserved quantity differs from
	 * the sum of their ACTIVE reservations. Empty when all is well.
	 */
	@Transactional(readOnly = true)
	public List<LedgerMismatch> verifyLedger(UUID workspaceId) {
		return this.jdbc.query("""
				with ledger as (
				    select warehouse_id, product_id,
				           sum(case when type in ('RECEIPT', 'PRODUCTION_OUTPUT', 'ADJUSTMENT') then quantity
				                    when type in ('ISSUE', 'ISSUE_TO_PRODUCTION') then -quantity else 0 end) as on_hand,
				           sum(case when type = 'RESERVATION' then quantity
				                    when type in ('RELEASE', 'ISSUE', 'ISSUE_TO_PRODUCTION') then -quantity
				                    else 0 end) as reserved
				    from inv_movement where workspace_id = ? group by warehouse_id, product_id),
				held as (
				    select warehouse_id, product_id, sum(quantity) as reserved
				    from inv_reservation where workspace_id = ? and status = 'ACTIVE'
				    group by warehouse_id, product_id),
				balance as (
				    select warehouse_id, product_id, on_hand, reserved from inv_stock where workspace_id = ?),
				keys as (
				    select warehouse_id, product_id from ledger union select warehouse_id, product_id from held
				    union select warehouse_id, product_id from balance)
				select k.warehouse_id, k.product_id, coalesce(b.on_hand, 0) as balance_on_hand,
				       coalesce(b.reserved, 0) as balance_reserved, coalesce(l.on_hand, 0) as ledger_on_hand,
				       coalesce(l.reserved, 0) as ledger_reserved, coalesce(h.reserved, 0) as held
				from keys k
				left join balance b on b.warehouse_id = k.warehouse_id and b.product_id = k.product_id
				left join ledger l on l.warehouse_id = k.warehouse_id and l.product_id = k.product_id
				left join held h on h.warehouse_id = k.warehouse_id and h.product_id = k.product_id
				where coalesce(b.on_hand, 0) <> coalesce(l.on_hand, 0)
				   or coalesce(b.reserved, 0) <> coalesce(l.reserved, 0)
				   or coalesce(b.reserved, 0) <> coalesce(h.reserved, 0)
				order by k.warehouse_id, k.product_id
				""",
				(rs, row) -> new LedgerMismatch(rs.getObject("warehouse_id", UUID.class),
						rs.getObject("product_id", UUID.class), rs.getBigDecimal("balance_on_hand"),
						rs.getBigDecimal("balance_reserved"), rs.getBigDecimal("ledger_on_hand"),
						rs.getBigDecimal("ledger_reserved"), rs.getBigDecimal("held")),
				workspaceId, workspaceId, workspaceId);
	}

	/**
	 * The products of the workspace whose valued quantity (inv_valuation) differs from
	 * their stock on hand in all warehouses. Empty when all is well.
	 */
	@Transactional(readOnly = true)
	public List<ValuationMismatch> verifyValuation(UUID workspaceId) {
		return this.jdbc.query(
				"""
						with stock as (
						    select product_id, sum(on_hand) as on_hand from inv_stock where workspace_id = ? group by product_id),
						valued as (
						    select product_id, quantity from inv_valuation where workspace_id = ?),
						keys as (select product_id from stock union select product_id from valued)
						select k.product_id, coalesce(v.quantity, 0) as valued, coalesce(s.on_hand, 0) as on_hand
						from keys k
						left join stock s on s.product_id = k.product_id
						left join valued v on v.product_id = k.product_id
						where coalesce(v.quantity, 0) <> coalesce(s.on_hand, 0)
						order by k.product_id
						""",
				(rs, row) -> new ValuationMismatch(rs.getObject("product_id", UUID.class), rs.getBigDecimal("valued"),
						rs.getBigDecimal("on_hand")),
				workspaceId, workspaceId);
	}

	/** A product whose valued quantity disagrees with its stock on hand. */
	public record ValuationMismatch(UUID productId, BigDecimal valuedQuantity, BigDecimal onHand) {
	}

	private StockChange record(StockBalance balance, Valuation valuation, UUID workspaceId, UUID warehouseId,
			UUID productId, MovementType type, BigDecimal quantity, BigDecimal unitCost, UUID reservationId,
			String referenceType, UUID referenceId, String note, UUID createdBy) {
		Movement movement = new Movement(workspaceId, warehouseId, productId, type, quantity, unitCost, reservationId,
				referenceType, referenceId, note, createdBy, this.clock.instant());
		this.movements.save(movement);
		// the check constraints of inv_stock are the last line of defence: flush now so a
		// violation fails this call, not the commit
		this.balances.flush();
		BigDecimal averageCost = (valuation != null)
				? valuation.averageCost(this.catalog.requireProduct(workspaceId, productId).cost())
				: averageCost(workspaceId, productId);
		return new StockChange(movement.view(), balance.view(averageCost));
	}

	/**
	 * Publishes {@link StockLow} when this change took on hand from at or above the
	 * minimum quantity of its product and warehouse to below it (once per crossing, not
	 * on every change below the minimum).
	 */
	private void announceIfLow(UUID workspaceId, StockBalance balance, BigDecimal before, Instant now) {
		this.minimums.minimumOf(balance.warehouseId(), balance.productId())
			.filter(minimum -> minimum.signum() > 0 && before.compareTo(minimum) >= 0
					&& balance.onHand().compareTo(minimum) < 0)
			.ifPresent(minimum -> this.events.publishEvent(new StockLow(workspaceId, balance.warehouseId(),
					balance.productId(), balance.onHand(), minimum, now)));
	}

	/** The answer to a repeated call: the earlier movement and the stock level now. */
	private StockChange answered(UUID workspaceId, Movement earlier) {
		StockBalance balance = this.balances.lock(workspaceId, earlier.warehouseId(), earlier.productId())
			.orElseThrow(() -> new IllegalStateException("Balance row missing for an earlier movement"));
		return new StockChange(earlier.view(), balance.view(averageCost(workspaceId, earlier.productId())));
	}

	/**
	 * The valuation row of the product, created when missing, locked until the
	 * transaction ends.
	 */
	private Valuation lockedValuation(UUID workspaceId, UUID productId) {
		this.valuations.createIfAbsent(workspaceId, productId);
		return this.valuations.lock(workspaceId, productId)
			.orElseThrow(() -> new IllegalStateException("Valuation row missing after insert"));
	}

	/**
	 * The valuation rows of the reservations' products, locked in product order so that
	 * concurrent callers cannot deadlock.
	 */
	private Map<UUID, Valuation> lockedValuations(UUID workspaceId, List<Reservation> reservations) {
		Map<UUID, Valuation> locked = new HashMap<>();
		reservations.stream()
			.map(Reservation::productId)
			.distinct()
			.sorted()
			.forEach(productId -> locked.put(productId, lockedValuation(workspaceId, productId)));
		return locked;
	}

	/**
	 * The moving average costs of the products (their standard cost while not valued).
	 */
	private Map<UUID, BigDecimal> averageCosts(UUID workspaceId, Set<UUID> productIds) {
		Map<UUID, BigDecimal> costs = new HashMap<>();
		for (UUID productId : productIds) {
			costs.put(productId, averageCost(workspaceId, productId));
		}
		return costs;
	}

	private static void requireReference(String field, UUID id) {
		if (id == null) {
			throw new InvalidInputException(field, "must not be null");
		}
	}

	/**
	 * For processes that show an order's stock to the person who works it: the order's
	 * reservations (any status), oldest first. No access check: the caller is the
	 * workspace's own process.
	 */
	@Transactional(readOnly = true)
	public List<ReservationView> reservationsOf(UUID workspaceId, UUID orderId) {
		return this.reservations
			.search(workspaceId, orderId, null, null,
					org.springframework.data.domain.PageRequest.of(0, 1000,
							org.springframework.data.domain.Sort.by("createdAt", "id")))
			.map(Reservation::view)
			.getContent();
	}

	/**
	 * For processes: a warehouse of the workspace by id, if it is one. No access check:
	 * the caller is the workspace's own process.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<WarehouseView> findWarehouse(UUID workspaceId, UUID warehouseId) {
		return (warehouseId == null) ? java.util.Optional.empty()
				: this.warehouses.findByIdAndWorkspaceId(warehouseId, workspaceId).map(Warehouse::view);
	}

	/**
	 * The workspace's first warehouse by code, for processes that must choose one
	 * (production output planned for a sales order line); empty when it has none.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<UUID> defaultWarehouse(UUID workspaceId) {
		return this.warehouses
			.findByWorkspaceId(workspaceId,
					org.springframework.data.domain.PageRequest.of(0, 1,
							org.springframework.data.domain.Sort.by("code", "id")))
			.stream()
			.map(Warehouse::id)
			.findFirst();
	}

	/** The balance row, created when missing, locked until the transaction ends. */
	private StockBalance lockedBalance(UUID workspaceId, UUID warehouseId, UUID productId) {
		this.balances.createIfAbsent(workspaceId, warehouseId, productId);
		return this.balances.lock(workspaceId, warehouseId, productId)
			.orElseThrow(() -> new IllegalStateException("Balance row missing after insert"));
	}

	/**
	 * For other modules that refer to a warehouse by id in a request body (production):
	 * an unknown id, or one of another workspace, is 422 naming {@code warehouseId}. No
	 * access check: the caller checked access to the workspace.
	 */
	@Transactional(readOnly = true)
	public void requireWarehouse(UUID workspaceId, UUID warehouseId) {
		if (warehouseId == null || !this.warehouses.existsByIdAndWorkspaceId(warehouseId, workspaceId)) {
			throw new BusinessRuleViolation("warehouseId", NO_SUCH_WAREHOUSE);
		}
	}

	private Warehouse loadWarehouse(UUID workspaceId, UUID warehouseId) {
		return this.warehouses.findByIdAndWorkspaceId(warehouseId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Warehouse", warehouseId));
	}

	private void advisoryLock(String key) {
		this.jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> {
		}, key);
	}

	private static ReservationResult result(Reservation reservation, BigDecimal requested) {
		BigDecimal shortfall = requested.subtract(reservation.quantity()).max(BigDecimal.ZERO);
		return new ReservationResult(reservation.orderLineId(), reservation.productId(), reservation.id(),
				reservation.warehouseId(), requested, reservation.quantity(), shortfall);
	}

	private static RuntimeException translated(DataIntegrityViolationException ex) {
		if (DatabaseConstraints.isUniqueViolation(ex, CODE_INDEX)) {
			return new ConflictException("code", CODE_TAKEN);
		}
		return ex;
	}

}
