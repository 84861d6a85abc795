package kz.prometric.erp.production;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The routing of a manufactured product: its operations in the order they are done.
 */
public record RoutingView(UUID productId, List<Step> operations, Instant updatedAt) {

	/**
	 * One operation: {@code sequence} from 1, the work center (id, code, name, kind),
	 * times in minutes, and whether an inspection follows (the last operation is always
	 * inspected).
	 */
	public record Step(int sequence, UUID workCenterId, String workCenterCode, String workCenterName,
			WorkCenterKind workCenterKind, String name, BigDecimal setupMinutes, BigDecimal runMinutesPerUnit,
			String instructions, boolean inspectionAfter) {
	}

}
