package kz.prometric.erp.events;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import kz.prometric.erp.crm.CustomerCreated;
import kz.prometric.erp.crm.DealEvents.DealCreated;
import kz.prometric.erp.crm.DealEvents.DealLost;
import kz.prometric.erp.crm.DealEvents.DealStageChanged;
import kz.prometric.erp.crm.DealEvents.DealWon;
import kz.prometric.erp.finance.InvoiceEvents.InvoiceCredited;
import kz.prometric.erp.finance.InvoiceEvents.InvoiceIssued;
import kz.prometric.erp.finance.InvoiceEvents.InvoicePaid;
import kz.prometric.erp.finance.InvoiceManagement;
import kz.prometric.erp.finance.InvoiceView;
import kz.prometric.erp.hr.EmployeeActivated;
import kz.prometric.erp.hr.EmployeeAdded;
import kz.prometric.erp.hr.EmployeeLeft;
import kz.prometric.erp.inventory.StockLow;
import kz.prometric.erp.production.ProductionEvents.ProductionRunFinished;
import kz.prometric.erp.production.ProductionEvents.ProductionRunStopped;
import kz.prometric.erp.sales.OrderEvents.OrderCancelled;
import kz.prometric.erp.sales.OrderEvents.OrderCreated;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import static kz.prometric.erp.events.EventCatalogue.CUSTOMER_CREATED;
import static kz.prometric.erp.events.EventCatalogue.DEAL_CREATED;
import static kz.prometric.erp.events.EventCatalogue.DEAL_LOST;
import static kz.prometric.erp.events.EventCatalogue.DEAL_STAGE_CHANGED;
import static kz.prometric.erp.events.EventCatalogue.DEAL_WON;
import static kz.prometric.erp.events.EventCatalogue.EMPLOYEE_ACTIVATED;
import static kz.prometric.erp.events.EventCatalogue.EMPLOYEE_ADDED;
import static kz.prometric.erp.events.EventCatalogue.EMPLOYEE_LEFT;
import static kz.prometric.erp.events.EventCatalogue.INVOICE_CREDITED;
import static kz.prometric.erp.events.EventCatalogue.INVOICE_ISSUED;
import static kz.prometric.erp.events.EventCatalogue.INVOICE_PAID;
import static kz.prometric.erp.events.EventCatalogue.ORDER_CANCELLED;
import static kz.prometric.erp.events.EventCatalogue.ORDER_CREATED;
import static kz.prometric.erp.events.EventCatalogue.PRODUCTION_FINISHED;
import static kz.prometric.erp.events.EventCatalogue.PRODUCTION_STOPPED;
import static kz.prometric.erp.events.EventCatalogue.STOCK_LOW;

/**
 * Translates the modules' own events into catalogue events (docs/events.md). Each
 * listener runs after the module's transaction committed, in its own transaction, and its
 * publication is logged: a node that dies before the translation is done leaves an
 * incomplete publication that is resubmitted, and the stable id of the catalogue event
 * makes the second run publish nothing new.
 * <p>
 * Payloads carry ids, document numbers, amounts (strings with two decimals) and stage
 * names; no names, e-mails or addresses of people (integrators read those through the API
 * under their own access).
 */
@Component
class CatalogueTranslator {

	/** The currency of deals and orders (both are kept in tenge). */
	private static final String KZT = "KZT";

	private final BusinessEvents events;

	private final InvoiceManagement invoices;

	CatalogueTranslator(BusinessEvents events, InvoiceManagement invoices) {
		this.events = events;
		this.invoices = invoices;
	}

	@ApplicationModuleListener
	void on(CustomerCreated created) {
		this.events.record(CUSTOMER_CREATED, created.workspaceId(), created.occurredAt(), "customer",
				created.customerId(), null, payload("customerId", created.customerId()));
	}

	@ApplicationModuleListener
	void on(DealCreated created) {
		this.events.record(DEAL_CREATED, created.workspaceId(), created.occurredAt(), "deal", created.dealId(), null,
				payload("dealId", created.dealId(), "customerId", created.customerId(), "value",
						amount(created.value()), "currency", KZT));
	}

	@ApplicationModuleListener
	void on(DealStageChanged changed) {
		this.events.record(DEAL_STAGE_CHANGED, changed.workspaceId(), changed.occurredAt(), "deal", changed.dealId(),
				changed.from() + ">" + changed.to(),
				payload("dealId", changed.dealId(), "from", changed.from().name(), "to", changed.to().name()));
	}

	@ApplicationModuleListener
	void on(DealWon won) {
		this.events.record(DEAL_WON, won.workspaceId(), won.occurredAt(), "deal", won.dealId(), null, payload("dealId",
				won.dealId(), "customerId", won.customerId(), "value", amount(won.value()), "currency", KZT));
	}

	@ApplicationModuleListener
	void on(DealLost lost) {
		this.events.record(DEAL_LOST, lost.workspaceId(), lost.occurredAt(), "deal", lost.dealId(), null,
				payload("dealId", lost.dealId(), "reason", lost.reason()));
	}

	@ApplicationModuleListener
	void on(OrderCreated created) {
		this.events.record(ORDER_CREATED, created.workspaceId(), created.occurredAt(), "order", created.orderId(), null,
				payload("orderId", created.orderId(), "orderNumber", created.orderNumber(), "dealId", created.dealId(),
						"totalAmount", amount(created.totalAmount()), "currency", KZT));
	}

	@ApplicationModuleListener
	void on(OrderCancelled cancelled) {
		this.events.record(ORDER_CANCELLED, cancelled.workspaceId(), cancelled.occurredAt(), "order",
				cancelled.orderId(), null, payload("orderId", cancelled.orderId(), "reason", cancelled.reason()));
	}

	@ApplicationModuleListener
	void on(InvoiceIssued issued) {
		InvoiceView invoice = this.invoices.requireInvoice(issued.invoiceId());
		this.events.record(INVOICE_ISSUED, issued.workspaceId(), issued.occurredAt(), "invoice", issued.invoiceId(),
				null,
				payload("invoiceId", issued.invoiceId(), "number", issued.number(), "orderId", issued.orderId(),
						"customerId", invoice.customerId(), "grossTotal", amount(invoice.grossTotal()), "currency",
						invoice.currency(), "issueDate", invoice.issueDate().toString(), "dueDate",
						(invoice.dueDate() != null) ? invoice.dueDate().toString() : null));
	}

	@ApplicationModuleListener
	void on(InvoicePaid paid) {
		InvoiceView invoice = this.invoices.requireInvoice(paid.invoiceId());
		this.events.record(INVOICE_PAID, paid.workspaceId(), paid.occurredAt(), "invoice", paid.invoiceId(), null,
				payload("invoiceId", paid.invoiceId(), "number", invoice.number(), "orderId", paid.orderId(),
						"grossTotal", amount(invoice.grossTotal()), "currency", invoice.currency()));
	}

	@ApplicationModuleListener
	void on(InvoiceCredited credited) {
		InvoiceView invoice = this.invoices.requireInvoice(credited.invoiceId());
		InvoiceView note = this.invoices.requireInvoice(credited.creditNoteId());
		this.events.record(INVOICE_CREDITED, credited.workspaceId(), credited.occurredAt(), "invoice",
				credited.invoiceId(), credited.creditNoteId().toString(),
				payload("invoiceId", credited.invoiceId(), "number", invoice.number(), "creditNoteId",
						credited.creditNoteId(), "creditNoteNumber", credited.creditNoteNumber(), "creditedAmount",
						amount(note.grossTotal().abs()), "currency", note.currency()));
	}

	@ApplicationModuleListener
	void on(ProductionRunFinished finished) {
		this.events.record(PRODUCTION_FINISHED, finished.workspaceId(), finished.occurredAt(), "production-order",
				finished.productionOrderId(), null,
				payload("productionOrderId", finished.productionOrderId(), "orderNumber", finished.orderNumber(),
						"productId", finished.productId(), "goodQuantity", quantity(finished.goodQuantity()),
						"salesOrderId", finished.sourceOrderId()));
	}

	@ApplicationModuleListener
	void on(ProductionRunStopped stopped) {
		this.events.record(PRODUCTION_STOPPED, stopped.workspaceId(), stopped.occurredAt(), "production-order",
				stopped.productionOrderId(), null,
				payload("productionOrderId", stopped.productionOrderId(), "orderNumber", stopped.orderNumber(),
						"outcome", stopped.outcome(), "replannedAs", stopped.replannedAs(), "salesOrderId",
						stopped.sourceOrderId()));
	}

	@ApplicationModuleListener
	void on(StockLow low) {
		this.events.record(STOCK_LOW, low.workspaceId(), low.occurredAt(), "product", low.productId(),
				low.warehouseId().toString(), payload("productId", low.productId(), "warehouseId", low.warehouseId(),
						"onHand", quantity(low.onHand()), "minimumQuantity", quantity(low.minimumQuantity())));
	}

	@ApplicationModuleListener
	void on(EmployeeAdded added) {
		this.events.record(EMPLOYEE_ADDED, added.workspaceId(), added.occurredAt(), "employee", added.employeeId(),
				null, payload("employeeId", added.employeeId(), "organizationId", added.organizationId(),
						"departmentId", added.departmentId(), "onboarding", added.onboard()));
	}

	@ApplicationModuleListener
	void on(EmployeeActivated activated) {
		this.events.record(EMPLOYEE_ACTIVATED, activated.workspaceId(), activated.occurredAt(), "employee",
				activated.employeeId(), null,
				payload("employeeId", activated.employeeId(), "organizationId", activated.organizationId()));
	}

	@ApplicationModuleListener
	void on(EmployeeLeft left) {
		this.events.record(EMPLOYEE_LEFT, left.workspaceId(), left.occurredAt(), "employee", left.employeeId(), null,
				payload("employeeId", left.employeeId(), "organizationId", left.organizationId(), "lastDay",
						(left.lastDay() != null) ? left.lastDay().toString() : null));
	}

	/** Name-value pairs in order; ids become strings, nulls stay. */
	static Map<String, Object> payload(Object... pairs) {
		Map<String, Object> payload = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			Object value = pairs[i + 1];
			payload.put((String) pairs[i], (value instanceof java.util.UUID) ? value.toString() : value);
		}
		return payload;
	}

	/** Money as a string with two decimals ({@code "1500000.00"}); null stays null. */
	static String amount(BigDecimal value) {
		return (value != null) ? value.setScale(2, RoundingMode.HALF_UP).toPlainString() : null;
	}

	/** A quantity as a plain decimal string ({@code "5.000"}). */
	static String quantity(BigDecimal value) {
		return (value != null) ? value.toPlainString() : null;
	}

}
