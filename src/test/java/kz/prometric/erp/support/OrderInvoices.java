package kz.prometric.erp.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.finance.InvoiceRequest;
import kz.prometric.erp.shared.VatCategory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sales module asks finance for when it invoices an order, built from the order
 * as the API shows it: for finance tests that issue invoices without walking the order
 * through its process.
 */
public final class OrderInvoices {

	private OrderInvoices() {
	}

	/** The invoice request of order {@code orderId}, with the given turnover date. */
	public static InvoiceRequest requestFor(Api api, String token, UUID workspaceId, UUID orderId,
			LocalDate turnoverDate) {
		Api.Response got = api.get("/api/workspaces/" + workspaceId + "/orders/" + orderId, token);
		assertThat(got.status()).as(got.toString()).isEqualTo(200);
		JsonNode order = got.json();
		List<InvoiceRequest.Line> lines = new ArrayList<>();
		for (JsonNode line : order.path("lines")) {
			lines.add(new InvoiceRequest.Line(
					line.path("productId").isTextual() ? UUID.fromString(line.path("productId").asText()) : null,
					line.path("productName").asText(), line.path("unit").asText(), line.path("quantity").decimalValue(),
					line.path("unitPrice").decimalValue(), line.path("discountPercent").decimalValue(),
					line.path("priceIncludesVat").asBoolean(), VatCategory.valueOf(line.path("vatCategory").asText())));
		}
		return new InvoiceRequest(workspaceId, orderId, order.path("orderNumber").asText(),
				UUID.fromString(order.path("customerId").asText()), turnoverDate, lines);
	}

}
