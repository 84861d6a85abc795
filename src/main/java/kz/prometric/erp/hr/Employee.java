package kz.prometric.erp.hr;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.shared.ConflictException;

/**
 * An employee's HR record. Its status moves only through {@link #moveTo}: PENDING →
 * ONBOARDING → ACTIVE → LEAVING → LEFT, and LEAVING may also come from PENDING or
 * ONBOARDING (someone who leaves before the onboarding is done).
 */
@Entity
@Table(name = "hr_employee")
class Employee {

	private static final Map<EmployeeStatus, Set<EmployeeStatus>> MOVES = Map.of(EmployeeStatus.PENDING,
			EnumSet.of(EmployeeStatus.ONBOARDING, EmployeeStatus.LEAVING), EmployeeStatus.ONBOARDING,
			EnumSet.of(EmployeeStatus.ACTIVE, EmployeeStatus.LEAVING), EmployeeStatus.ACTIVE,
			EnumSet.of(EmployeeStatus.LEAVING), EmployeeStatus.LEAVING, EnumSet.of(EmployeeStatus.LEFT),
			EmployeeStatus.LEFT, EnumSet.noneOf(EmployeeStatus.class));

	@Id
	private UUID id;

	private UUID organizationId;

	private UUID workspaceId;

	private UUID userId;

	private String name;

	private String email;

	private String iin;

	private String position;

	private UUID departmentId;

	private UUID managerId;

	@Enumerated(EnumType.STRING)
	private ContractType contractType;

	private LocalDate startDate;

	private LocalDate endDate;

	private int probationMonths;

	private LocalDate probationEndsOn;

	@Enumerated(EnumType.STRING)
	private ProbationOutcome probationOutcome;

	private LocalDate lastDay;

	private String leavingReason;

	@Enumerated(EnumType.STRING)
	private WorkspaceRole organizationRole;

	@Enumerated(EnumType.STRING)
	private EmployeeStatus status;

	private Instant activatedAt;

	private Instant leftAt;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Employee() {
	}

	Employee(UUID organizationId, UUID workspaceId, UUID userId, String name, String email, String position,
			UUID departmentId, WorkspaceRole organizationRole, Instant now) {
		this.id = UUID.randomUUID();
		this.organizationId = organizationId;
		this.workspaceId = workspaceId;
		this.userId = userId;
		this.name = name.strip();
		this.email = email.strip().toLowerCase(Locale.ROOT);
		this.position = position;
		this.departmentId = departmentId;
		this.organizationRole = (organizationRole != null) ? organizationRole : WorkspaceRole.MEMBER;
		this.contractType = ContractType.PERMANENT;
		this.status = EmployeeStatus.PENDING;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void update(String name, String position, UUID departmentId, WorkspaceRole organizationRole, Instant now) {
		if (name != null) {
			this.name = name.strip();
		}
		if (position != null) {
			this.position = position;
		}
		if (departmentId != null) {
			this.departmentId = departmentId;
		}
		if (organizationRole != null) {
			this.organizationRole = organizationRole;
		}
		this.updatedAt = now;
	}

	/**
	 * Sets the contract terms; the caller has validated them (IIN check digit, end date
	 * for fixed-term contracts, manager in the same organization). The probation ends
	 * {@code probationMonths} after the start date; zero months means none. An end of
	 * probation already moved by an extension stays as it is unless the start date or the
	 * months change.
	 */
	void contract(String iin, UUID managerId, ContractType contractType, LocalDate startDate, LocalDate endDate,
			int probationMonths, Instant now) {
		boolean probationChanged = !Objects.equals(startDate, this.startDate)
				|| probationMonths != this.probationMonths;
		this.iin = iin;
		this.managerId = managerId;
		this.contractType = contractType;
		this.startDate = startDate;
		this.endDate = endDate;
		this.probationMonths = probationMonths;
		if (probationChanged) {
			this.probationEndsOn = (probationMonths > 0 && startDate != null) ? startDate.plusMonths(probationMonths)
					: null;
		}
		this.updatedAt = now;
	}

	/**
	 * Whether the start date and the probation may still change: only before the employee
	 * is active, and only while no probation decision has been recorded.
	 */
	boolean termsOpen() {
		return (this.status == EmployeeStatus.PENDING || this.status == EmployeeStatus.ONBOARDING)
				&& this.probationOutcome == null;
	}

	/** Whether the status may move to {@code target} from where it is now. */
	boolean mayMoveTo(EmployeeStatus target) {
		return MOVES.get(this.status).contains(target);
	}

	/** The one place the status changes: 409 for a move the life cycle does not allow. */
	void moveTo(EmployeeStatus target, Instant now) {
		if (!mayMoveTo(target)) {
			throw new ConflictException("status", "An employee who is " + this.status.name().toLowerCase(Locale.ROOT)
					+ " cannot become " + target.name().toLowerCase(Locale.ROOT));
		}
		this.status = target;
		if (target == EmployeeStatus.ACTIVE) {
			this.activatedAt = now;
		}
		if (target == EmployeeStatus.LEFT) {
			this.leftAt = now;
		}
		this.updatedAt = now;
	}

	/** The manager's decision at the end of probation; extending moves its end. */
	void probationDecided(ProbationOutcome outcome, int extendByMonths, Instant now) {
		this.probationOutcome = outcome;
		if (outcome == ProbationOutcome.EXTENDED) {
			this.probationEndsOn = this.probationEndsOn.plusMonths(extendByMonths);
		}
		this.updatedAt = now;
	}

	/** Employment ends after {@code lastDay}: the status becomes LEAVING. */
	void endEmployment(LocalDate lastDay, String reason, Instant now) {
		moveTo(EmployeeStatus.LEAVING, now);
		this.lastDay = lastDay;
		this.leavingReason = reason;
	}

	void linkUser(UUID userId, Instant now) {
		this.userId = userId;
		this.updatedAt = now;
	}

	UUID id() {
		return this.id;
	}

	UUID workspaceId() {
		return this.workspaceId;
	}

	UUID organizationId() {
		return this.organizationId;
	}

	UUID userId() {
		return this.userId;
	}

	UUID managerId() {
		return this.managerId;
	}

	String email() {
		return this.email;
	}

	String name() {
		return this.name;
	}

	EmployeeStatus status() {
		return this.status;
	}

	LocalDate startDate() {
		return this.startDate;
	}

	LocalDate endDate() {
		return this.endDate;
	}

	String iin() {
		return this.iin;
	}

	ContractType contractType() {
		return this.contractType;
	}

	int probationMonths() {
		return this.probationMonths;
	}

	LocalDate probationEndsOn() {
		return this.probationEndsOn;
	}

	LocalDate lastDay() {
		return this.lastDay;
	}

	EmployeeView view() {
		return new EmployeeView(this.id, this.organizationId, this.workspaceId, this.userId, this.name, this.email,
				this.iin, this.position, this.departmentId, this.managerId, this.contractType, this.startDate,
				this.endDate, this.probationMonths, this.probationEndsOn, this.probationOutcome, this.lastDay,
				this.organizationRole, this.status, this.activatedAt, this.leftAt, this.createdAt);
	}

}
