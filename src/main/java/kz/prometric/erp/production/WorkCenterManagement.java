package kz.prometric.erp.production;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import kz.prometric.erp.catalog.CatalogManagement;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.DatabaseConstraints;
import kz.prometric.erp.shared.FieldViolation;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.shared.SortableFields;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work centers and routings of a workspace: where work is done and how each manufactured
 * product is made. Members read; managers (admins, the owner) write (403 to members);
 * everyone else gets 404, as does an id of another workspace in a URL. A work center id
 * in a routing that is unknown or of another workspace is 422 naming
 * {@code operations[i].workCenterId}.
 */
@Service
public class WorkCenterManagement {

	static final SortableFields WORK_CENTER_SORT = SortableFields.of("code", "code", "name", "name", "createdAt",
			"createdAt");

	private static final String CODE_INDEX = "uq_prod_work_center_code";

	private static final String CODE_TAKEN = "A work center with this code already exists in the workspace";

	private final WorkCenters workCenters;

	private final Routings routings;

	private final CatalogManagement catalog;

	private final WorkspaceManagement workspaces;

	private final Clock clock;

	WorkCenterManagement(WorkCenters workCenters, Routings routings, CatalogManagement catalog,
			WorkspaceManagement workspaces, Clock clock) {
		this.workCenters = workCenters;
		this.routings = routings;
		this.catalog = catalog;
		this.workspaces = workspaces;
		this.clock = clock;
	}

	/** Creates a work center (MANAGER); a code already used is 409. */
	@Transactional
	public WorkCenterView createWorkCenter(UUID workspaceId, UUID callerId, NewWorkCenter request) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		WorkCenter workCenter = new WorkCenter(workspaceId, request.code(), request.name(), request.kind(),
				request.hourlyRate(), request.capacityHoursPerDay(), this.clock.instant());
		if (this.workCenters.existsByWorkspaceIdAndCodeIgnoreCase(workspaceId, workCenter.code())) {
			throw new ConflictException("code", CODE_TAKEN);
		}
		try {
			this.workCenters.saveAndFlush(workCenter);
		}
		catch (DataIntegrityViolationException ex) {
			throw translated(ex);
		}
		return workCenter.view();
	}

	@Transactional(readOnly = true)
	public PageResult<WorkCenterView> workCenters(UUID workspaceId, UUID callerId, WorkCenterKind kind, Boolean active,
			PageQuery query) {
		this.workspaces.requireMember(workspaceId, callerId);
		return PageResult.of(this.workCenters.search(workspaceId, kind, active, query.toPageable(WORK_CENTER_SORT)),
				WorkCenter::view);
	}

	@Transactional(readOnly = true)
	public WorkCenterView workCenter(UUID workspaceId, UUID callerId, UUID workCenterId) {
		this.workspaces.requireMember(workspaceId, callerId);
		return load(workspaceId, workCenterId).view();
	}

	/** Changes a work center (MANAGER); {@code null} leaves a field as it is. */
	@Transactional
	public WorkCenterView updateWorkCenter(UUID workspaceId, UUID callerId, UUID workCenterId,
			WorkCenterChanges changes) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		WorkCenter workCenter = load(workspaceId, workCenterId);
		workCenter.update(changes.code(), changes.name(), changes.kind(), changes.hourlyRate(),
				changes.capacityHoursPerDay(), changes.active(), this.clock.instant());
		if (changes.code() != null && this.workCenters.existsByWorkspaceIdAndCodeIgnoreCaseAndIdNot(workspaceId,
				workCenter.code(), workCenterId)) {
			throw new ConflictException("code", CODE_TAKEN);
		}
		try {
			this.workCenters.flush();
		}
		catch (DataIntegrityViolationException ex) {
			throw translated(ex);
		}
		return workCenter.view();
	}

	/**
	 * Replaces the routing of a product (MANAGER). Each operation needs an active work
	 * center of the workspace (else 422 naming {@code operations[i].workCenterId}), a
	 * name, setup and run minutes ≥ 0. An empty list removes the routing: the product is
	 * bought again. Orders already planned keep the operations they were planned with.
	 */
	@Transactional
	public RoutingView replaceRouting(UUID workspaceId, UUID callerId, UUID productId, List<NewOperation> operations) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		requireProductInUrl(workspaceId, productId);
		Set<UUID> ids = operations.stream()
			.map(NewOperation::workCenterId)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet());
		Map<UUID, WorkCenter> known = this.workCenters.findByWorkspaceIdAndIdIn(workspaceId, ids)
			.stream()
			.collect(Collectors.toMap(WorkCenter::id, Function.identity()));
		List<FieldViolation> problems = new ArrayList<>();
		List<RoutingOperation> steps = new ArrayList<>();
		for (int i = 0; i < operations.size(); i++) {
			NewOperation operation = operations.get(i);
			String prefix = "operations[" + i + "].";
			if (operation.name() == null || operation.name().isBlank()) {
				throw new InvalidInputException(prefix + "name", "must not be blank");
			}
			minutes(prefix + "setupMinutes", operation.setupMinutes(), 2);
			minutes(prefix + "runMinutesPerUnit", operation.runMinutesPerUnit(), 4);
			WorkCenter workCenter = known.get(operation.workCenterId());
			if (workCenter == null) {
				problems.add(new FieldViolation(prefix + "workCenterId", "No such work center in this workspace"));
				continue;
			}
			if (!workCenter.active()) {
				problems.add(new FieldViolation(prefix + "workCenterId", "The work center is not active"));
				continue;
			}
			steps.add(
					new RoutingOperation(workCenter.id(), operation.name().strip(), orZero(operation.setupMinutes()),
							orZero(operation.runMinutesPerUnit()),
							(operation.instructions() == null || operation.instructions().isBlank()) ? null
									: operation.instructions().strip(),
							Boolean.TRUE.equals(operation.inspectionAfter())));
		}
		if (!problems.isEmpty()) {
			throw new BusinessRuleViolation("The routing is invalid", problems);
		}
		Routing routing = this.routings.findByWorkspaceIdAndProductId(workspaceId, productId).orElse(null);
		if (steps.isEmpty()) {
			if (routing != null) {
				this.routings.delete(routing);
				this.routings.flush();
			}
			return new RoutingView(productId, List.of(), this.clock.instant());
		}
		if (routing == null) {
			routing = new Routing(workspaceId, productId, this.clock.instant());
		}
		routing.replace(steps, this.clock.instant());
		this.routings.saveAndFlush(routing);
		return view(workspaceId, routing);
	}

	/**
	 * The routing of a product (members); a product without one answers no operations.
	 */
	@Transactional(readOnly = true)
	public RoutingView routing(UUID workspaceId, UUID callerId, UUID productId) {
		this.workspaces.requireMember(workspaceId, callerId);
		requireProductInUrl(workspaceId, productId);
		return this.routings.findByWorkspaceIdAndProductId(workspaceId, productId)
			.map(r -> view(workspaceId, r))
			.orElseGet(() -> new RoutingView(productId, List.of(), null));
	}

	/** Whether the product is manufactured (has a routing) in the workspace. */
	@Transactional(readOnly = true)
	public boolean isManufactured(UUID workspaceId, UUID productId) {
		return this.routings.existsByWorkspaceIdAndProductId(workspaceId, productId);
	}

	/**
	 * The operations of a new production order of the product, from its routing, with the
	 * work centers as they are now; empty when the product has no routing.
	 */
	List<ProductionOperation> plannedOperations(UUID workspaceId, UUID productId) {
		Routing routing = this.routings.findByWorkspaceIdAndProductId(workspaceId, productId).orElse(null);
		if (routing == null) {
			return List.of();
		}
		Map<UUID, WorkCenter> centers = centersOf(workspaceId, routing);
		List<RoutingOperation> steps = routing.operations();
		List<ProductionOperation> planned = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			planned.add(new ProductionOperation(i + 1, centers.get(steps.get(i).workCenterId()), steps.get(i),
					i == steps.size() - 1));
		}
		return planned;
	}

	private RoutingView view(UUID workspaceId, Routing routing) {
		Map<UUID, WorkCenter> centers = centersOf(workspaceId, routing);
		List<RoutingOperation> steps = routing.operations();
		List<RoutingView.Step> views = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			RoutingOperation step = steps.get(i);
			WorkCenter center = centers.get(step.workCenterId());
			views.add(new RoutingView.Step(i + 1, center.id(), center.code(), center.name(), center.kind(), step.name(),
					step.setupMinutes(), step.runMinutesPerUnit(), step.instructions(),
					step.inspectionAfter() || i == steps.size() - 1));
		}
		return new RoutingView(routing.productId(), views, routing.updatedAt());
	}

	private Map<UUID, WorkCenter> centersOf(UUID workspaceId, Routing routing) {
		Set<UUID> ids = new HashSet<>();
		routing.operations().forEach(o -> ids.add(o.workCenterId()));
		return this.workCenters.findByWorkspaceIdAndIdIn(workspaceId, ids)
			.stream()
			.collect(Collectors.toMap(WorkCenter::id, Function.identity()));
	}

	private void requireProductInUrl(UUID workspaceId, UUID productId) {
		try {
			this.catalog.requireProduct(workspaceId, productId);
		}
		catch (BusinessRuleViolation ex) {
			throw new NotFoundException("Product", productId);
		}
	}

	private WorkCenter load(UUID workspaceId, UUID workCenterId) {
		return this.workCenters.findByIdAndWorkspaceId(workCenterId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Work center", workCenterId));
	}

	private static void minutes(String field, BigDecimal value, int scale) {
		if (value != null && (value.signum() < 0 || value.stripTrailingZeros().scale() > scale)) {
			throw new InvalidInputException(field, "must be 0 or more with at most " + scale + " decimals");
		}
	}

	private static BigDecimal orZero(BigDecimal value) {
		return (value == null) ? BigDecimal.ZERO : value;
	}

	private static RuntimeException translated(DataIntegrityViolationException ex) {
		if (DatabaseConstraints.isUniqueViolation(ex, CODE_INDEX)) {
			return new ConflictException("code", CODE_TAKEN);
		}
		return ex;
	}

	/** What a new work center needs. */
	public record NewWorkCenter(String code, String name, WorkCenterKind kind, BigDecimal hourlyRate,
			BigDecimal capacityHoursPerDay) {
	}

	/** Changes to a work center; {@code null} leaves a field as it is. */
	public record WorkCenterChanges(String code, String name, WorkCenterKind kind, BigDecimal hourlyRate,
			BigDecimal capacityHoursPerDay, Boolean active) {
	}

	/** One operation of a routing as asked for. */
	public record NewOperation(UUID workCenterId, String name, BigDecimal setupMinutes, BigDecimal runMinutesPerUnit,
			String instructions, Boolean inspectionAfter) {
	}

}
