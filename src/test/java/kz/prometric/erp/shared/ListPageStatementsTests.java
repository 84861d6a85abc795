package kz.prometric.erp.shared;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManagerFactory;
import kz.prometric.erp.finance.InvoiceManagement;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.OrderInvoices;
import kz.prometric.erp.support.TestData;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list page of deals, orders or invoices costs the same number of SQL statements
 * whatever number of rows it shows: their lines ({@code @ElementCollection}s) are read
 * for the whole page at once, not one statement per row (issue 12, docs/benchmarks.md "A
 * million deals"). Counted with Hibernate's statistics, switched on for the measurement.
 */
@ErpIntegrationTest
class ListPageStatementsTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	InvoiceManagement invoices;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	org.springframework.modulith.events.core.EventPublicationRegistry publications;

	private final java.time.Instant started = java.time.Instant.now();

	@Test
	void aListPageCostsTheSameStatementsForOneRowAndForFive() {
		TestData.User owner = this.data.user("Statements");
		TestData.Org org = this.data.organization(owner, "Statement Count Trade");
		String ws = "/api/workspaces/" + org.workspaceId();
		UUID customer = this.data.customer(owner, org.workspaceId(), "Line Reader LLP");
		dealAndOrderAndInvoice(owner, org, customer, 1);
		long deals = statements(ws + "/deals", owner, 1);
		long orders = statements(ws + "/orders", owner, 1);
		long invoices = statements(ws + "/invoices", owner, 1);

		for (int i = 2; i <= 5; i++) {
			dealAndOrderAndInvoice(owner, org, customer, i);
		}

		assertThat(statements(ws + "/deals", owner, 5)).as("deals").isEqualTo(deals);
		assertThat(statements(ws + "/orders", owner, 5)).as("orders").isEqualTo(orders);
		assertThat(statements(ws + "/invoices", owner, 5)).as("invoices").isEqualTo(invoices);
	}

	private void dealAndOrderAndInvoice(TestData.User owner, TestData.Org org, UUID customer, int n) {
		this.data.deal(owner, org.workspaceId(), customer, "Deal " + n, Map.of("products", List.of(Map.of("productName",
				"Flour 50 kg", "quantity", "10", "unitPrice", "25000.00", "discountPercent", "0"))));
		Api.Response order = this.api.post("/api/workspaces/" + org.workspaceId() + "/orders", owner.token(),
				Map.of("customerId", customer, "lines",
						List.of(Map.of("productName", "Steel beam", "quantity", "2", "unitPrice", "1000.00"),
								Map.of("productName", "Delivery", "quantity", "1", "unitPrice", "100.00"))));
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		UUID orderId = UUID.fromString(order.json().path("id").asText());
		this.invoices.issueInvoice(OrderInvoices.requestFor(this.api, owner.token(), org.workspaceId(), orderId,
				LocalDate.of(2026, 3, 2)));
	}

	/**
	 * The fewest statements Hibernate prepared for the list in five requests, once the
	 * work this test's requests started after commit (the invoice's kept PDF, its e-mail,
	 * the business events) is done (Hibernate counts every thread's statements; the
	 * fewest, so that work of the engine's job threads between requests does not count).
	 */
	private long statements(String path, TestData.User owner, int rows) {
		kz.prometric.erp.support.AfterCommitWork.awaitDone(this.publications, this.started);
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		long fewest = Long.MAX_VALUE;
		statistics.setStatisticsEnabled(true);
		try {
			for (int i = 0; i < 5; i++) {
				statistics.clear();
				Api.Response page = this.api.get(path, owner.token());
				long prepared = statistics.getPrepareStatementCount();
				assertThat(page.status()).as(page.toString()).isEqualTo(200);
				assertThat(page.json().path("items")).as(path).hasSize(rows);
				fewest = Math.min(fewest, prepared);
			}
		}
		finally {
			statistics.setStatisticsEnabled(false);
		}
		return fewest;
	}

}
