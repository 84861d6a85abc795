package kz.prometric.erp.production;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A production order as the API shows it: what is made, why (source), its materials,
 * operations, inspections and cost, and the production-run instance working on it.
 */
public record ProductionOrderView(UUID id, UUID workspaceId, String orderNumber, UUID productId, BigDecimal quantity,
		LocalDate dueDate, UUID warehouseId, ProductionStatus status, Source source, String parentOrderNumber,
		List<String> childOrderNumbers, String holdReason, String cancelReason, String replannedAs,
		List<Requirement> requirements, List<Operation> operations, List<Inspection> inspections, Cost cost,
		String processInstanceId, UUID releasedBy, Instant releasedAt, Instant finishedAt, Instant createdAt,
		Instant updatedAt, long version) {

	/**
	 * Why the order exists: {@code type} MANUAL, SALES_ORDER_LINE (with the sales order's
	 * id, number and line) or PARENT (with the parent production order's id).
	 */
	public record Source(ProductionSource type, UUID salesOrderId, String salesOrderNumber, UUID salesOrderLineId,
			UUID parentOrderId) {
	}

	/**
	 * A component the order needs: {@code kind} MATERIAL (bought) or SUBASSEMBLY (made by
	 * a child production order); quantities required, reserved, issued and the issued
	 * materials' value at their moving average cost.
	 */
	public record Requirement(UUID id, UUID productId, String kind, BigDecimal quantityRequired,
			BigDecimal quantityReserved, BigDecimal quantityIssued, BigDecimal issuedCost, String childOrderNumber,
			String requisitionNumber) {
	}

	/** An operation of the order, with who/what did it, when, quantities and labour. */
	public record Operation(UUID id, int sequence, UUID workCenterId, String workCenterCode, String workCenterName,
			WorkCenterKind workCenterKind, String name, String instructions, BigDecimal setupMinutes,
			BigDecimal runMinutesPerUnit, boolean inspectionAfter, String status, int reworks, BigDecimal goodQuantity,
			BigDecimal scrapQuantity, BigDecimal durationMinutes, BigDecimal labourCost, String notes,
			String performedBy, Instant startedAt, Instant finishedAt) {
	}

	/** A quality inspection of an operation's report: plan and result. */
	public record Inspection(UUID id, UUID operationId, int forReport, BigDecimal lotSize, int sampleSize,
			int acceptanceNumber, int reworkLimit, BigDecimal sampled, BigDecimal defects, String outcome, String notes,
			String inspectedBy, Instant plannedAt, Instant inspectedAt) {
	}

	/**
	 * Cost in KZT: materials at their moving average cost when issued, labour (time ×
	 * rate), the actual total and unit cost (over the good quantity), the product's
	 * standard unit cost, and the variance (actual unit − standard) × good quantity, also
	 * in percent of the standard; the actual figures are null until there is output.
	 */
	public record Cost(BigDecimal materials, BigDecimal labour, BigDecimal actualTotal, BigDecimal goodQuantity,
			BigDecimal scrapQuantity, BigDecimal actualUnitCost, BigDecimal standardUnitCost, BigDecimal variance,
			BigDecimal variancePercent) {
	}

}
