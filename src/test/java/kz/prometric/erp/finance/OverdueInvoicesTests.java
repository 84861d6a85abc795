package kz.prometric.erp.finance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.MutableClock;
import kz.prometric.erp.support.OrderInvoices;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The overdue invoices of the home page: invoices still open after their due date, only
 * the workspace's own, for its members only.
 */
@ErpIntegrationTest
class OverdueInvoicesTests {

	@Autowired
	InvoiceManagement invoices;

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void listsOnlyOpenInvoicesPastTheirDueDate() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Overdue Trade");
		UUID customer = this.data.customer(owner, org.workspaceId(), "Late Payer LLP");
		UUID lateOrder = order(owner, org.workspaceId(), customer);
		UUID freshOrder = order(owner, org.workspaceId(), customer);
		this.clock.set(Instant.now().minus(Duration.ofDays(40)));
		InvoiceView late = issue(owner, org.workspaceId(), lateOrder);
		this.clock.reset();
		InvoiceView fresh = issue(owner, org.workspaceId(), freshOrder);

		PageResult<InvoiceView> overdue = this.invoices.overdueInvoices(org.workspaceId(), owner.id(),
				PageQuery.first(10));

		assertThat(late.dueDate()).isBefore(LocalDate.now(ZoneId.of("Asia/Almaty")));
		assertThat(overdue.items()).extracting(InvoiceView::id).containsExactly(late.id());
		assertThat(overdue.items().get(0).overdue()).isTrue();
		assertThat(overdue.items().get(0).balance()).isEqualByComparingTo(late.grossTotal());
		assertThat(overdue.items()).extracting(InvoiceView::id).doesNotContain(fresh.id());

		TestData.User stranger = this.data.user("Stranger");
		assertThatThrownBy(() -> this.invoices.overdueInvoices(org.workspaceId(), stranger.id(), PageQuery.first(10)))
			.isInstanceOf(NotFoundException.class);
	}

	private InvoiceView issue(TestData.User owner, UUID workspaceId, UUID orderId) {
		return this.invoices.issueInvoice(OrderInvoices.requestFor(this.api, owner.token(), workspaceId, orderId,
				LocalDate.now(this.clock.withZone(ZoneId.of("Asia/Almaty")))));
	}

	private UUID order(TestData.User owner, UUID workspaceId, UUID customer) {
		Api.Response created = this.api.post("/api/workspaces/" + workspaceId + "/orders", owner.token(),
				Map.of("customerId", customer, "lines",
						List.of(Map.of("productName", "Consulting", "quantity", "1", "unitPrice", "1000.00"))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

}
