package kz.prometric.erp.production;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One step of a routing: where (work center), what (name, instructions), how long (setup
 * minutes once per lot, run minutes per unit), and whether an inspection follows.
 */
@Embeddable
record RoutingOperation(@Column(name = "work_center_id") UUID workCenterId, @Column(name = "name") String name,
		@Column(name = "setup_minutes") BigDecimal setupMinutes,
		@Column(name = "run_minutes_per_unit") BigDecimal runMinutesPerUnit,
		@Column(name = "instructions") String instructions,
		@Column(name = "inspection_after") boolean inspectionAfter) {
}
