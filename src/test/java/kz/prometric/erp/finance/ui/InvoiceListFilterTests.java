package kz.prometric.erp.finance.ui;

import java.time.Duration;
import java.util.UUID;

import kz.prometric.erp.finance.InvoiceManagement;
import kz.prometric.erp.finance.InvoiceView;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.MutableClock;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invoice list finds an invoice by its number and, once the due date has passed,
 * among the overdue ones (the list page's filters); an order's own history says who
 * entered it and when.
 */
@ErpIntegrationTest
class InvoiceListFilterTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	InvoiceManagement invoices;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void findsInvoicesByNumberOrCustomerAndOverdueOnesOnceTheDueDateHasPassed() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "Filter Trade");
		InvoiceView invoice = InvoiceSamples.invoice(this.api, this.invoices, owner, org);
		String list = "/api/workspaces/" + org.workspaceId() + "/invoices";

		assertThat(this.api.get(list + "?q=" + invoice.number().toLowerCase(), owner.token()).itemValues("number"))
			.containsExactly(invoice.number());
		assertThat(this.api.get(list + "?q=nobody", owner.token()).items()).isEmpty();
		assertThat(this.api.get(list + "?overdue=true", owner.token()).items()).isEmpty();

		this.clock.set(this.clock.instant().plus(Duration.ofDays(30)));

		assertThat(this.api.get(list + "?overdue=true", owner.token()).itemValues("number"))
			.containsExactly(invoice.number());
		assertThat(this.api.get(list + "?overdue=true&status=PAID", owner.token()).items()).isEmpty();
	}

	@Test
	void anOrdersHistorySaysWhoEnteredItAndWhen() {
		TestData.User owner = this.data.user("Owner");
		TestData.Org org = this.data.organization(owner, "History Trade");
		InvoiceView invoice = InvoiceSamples.invoice(this.api, this.invoices, owner, org);
		String history = "/api/workspaces/" + org.workspaceId() + "/orders/" + invoice.orderId() + "/history";

		Api.Response answer = this.api.get(history, owner.token());

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.items()).hasSize(1);
		assertThat(answer.items().get(0).path("action").asText()).isEqualTo("CREATED");
		assertThat(answer.items().get(0).path("toStatus").asText()).isEqualTo("PENDING");
		assertThat(answer.items().get(0).path("changedBy").asText()).isEqualTo(owner.id().toString());
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org other = this.data.organization(stranger, "Other History Trade");
		assertThat(this.api
			.get("/api/workspaces/" + other.workspaceId() + "/orders/" + invoice.orderId() + "/history",
					stranger.token())
			.status()).isEqualTo(404);
		assertThat(this.api
			.get("/api/workspaces/" + org.workspaceId() + "/orders/" + UUID.randomUUID() + "/history", owner.token())
			.status()).isEqualTo(404);
	}

}
