package kz.prometric.erp.finance.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.prometric.erp.finance.InvoiceManagement;
import kz.prometric.erp.finance.InvoiceView;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.OrderInvoices;
import kz.prometric.erp.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An invoice of 1 140 000,00 ₸ + 16 % VAT = 1 322 400,00 ₸ to a customer with a Kazakh
 * name, issued for a hand-entered order (as the order's process would).
 */
final class InvoiceSamples {

	static final String CUSTOMER = "Әсем Құрылыс ЖШС";

	static final String TOTAL = "1\u00a0322\u00a0400,00\u00a0₸";

	private InvoiceSamples() {
	}

	static InvoiceView invoice(Api api, InvoiceManagement invoices, TestData.User owner, TestData.Org org) {
		String ws = "/api/workspaces/" + org.workspaceId();
		Api.Response customer = api.post(ws + "/customers", owner.token(), Map.of("type", "COMPANY", "name", CUSTOMER,
				"taxId", TestData.nextBin(), "address", "Алматы, Абай даңғылы 1"));
		assertThat(customer.status()).as(customer.toString()).isEqualTo(201);
		String code = "FL-" + UUID.randomUUID().toString().substring(0, 6);
		Api.Response product = api.post(ws + "/products", owner.token(), Map.of("code", code, "name", "Ұн (бидай)",
				"unit", "kg", "price", "1000.00", "vatCategory", "STANDARD", "priceIncludesVat", false));
		assertThat(product.status()).as(product.toString()).isEqualTo(201);
		Api.Response order = api.post(ws + "/orders", owner.token(),
				Map.of("customerId", customer.json().path("id").asText(), "lines",
						List.of(Map.of("productId", product.json().path("id").asText(), "productName", "Ұн (бидай)",
								"quantity", "1140", "unitPrice", "1000.00"))));
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		InvoiceView invoice = invoices.issueInvoice(OrderInvoices.requestFor(api, owner.token(), org.workspaceId(),
				UUID.fromString(order.json().path("id").asText()), LocalDate.of(2026, 1, 15)));
		assertThat(invoice.grossTotal()).isEqualByComparingTo("1322400.00");
		return invoice;
	}

}
