/**
 * Manufacturing and minimal purchasing: work centers, routings, production orders
 * ({@code MO-2026-000001}) with their materials, operations, quality inspections and
 * actual cost; suppliers, purchase requisitions and purchase orders
 * ({@code PO-2026-000001}) with goods receipt. Owns the {@code production-run} and
 * {@code purchase-requisition} processes and their contracts
 * ({@link kz.prometric.erp.production.process.ProductionRun},
 * {@link kz.prometric.erp.production.process.PurchaseRequisition}); machines and MES take
 * part as Camunda external-task workers (topic {@code production.<work-center-code>}).
 * {@link kz.prometric.erp.production.ProductionManagement} and
 * {@link kz.prometric.erp.production.PurchasingManagement} are the module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Production",
		allowedDependencies = { "shared", "document", "identity", "organization", "catalog", "inventory", "workflow" })
package kz.prometric.erp.production;
