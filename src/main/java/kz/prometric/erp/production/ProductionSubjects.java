package kz.prometric.erp.production;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import kz.prometric.erp.catalog.CatalogManagement;
import kz.prometric.erp.production.process.ProductionRun;
import kz.prometric.erp.production.process.PurchaseRequisition;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.workflow.ProcessSubject;
import kz.prometric.erp.workflow.ProcessSubjects;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.annotation.Transactional;

/**
 * Production orders (production-run, business key = the order number) and purchase
 * requisitions (purchase-requisition, business key = the requisition number) as the task
 * API shows them: "number · product name × quantity".
 */
@Configuration(proxyBeanMethods = false)
class ProductionSubjects {

	@Bean
	ProcessSubjects productionOrderSubjects(ProductionOrders orders, CatalogManagement catalog) {
		return new ProductionOrderSubjects(orders, catalog);
	}

	@Bean
	ProcessSubjects requisitionSubjects(Requisitions requisitions) {
		return new RequisitionSubjects(requisitions);
	}

	static String title(String number, String productName, BigDecimal quantity) {
		return number + ((productName != null) ? " · " + productName : "")
				+ ((quantity != null) ? " × " + quantity.stripTrailingZeros().toPlainString() : "");
	}

	static class ProductionOrderSubjects implements ProcessSubjects {

		static final String KIND = "PRODUCTION_ORDER";

		private final ProductionOrders orders;

		private final CatalogManagement catalog;

		ProductionOrderSubjects(ProductionOrders orders, CatalogManagement catalog) {
			this.orders = orders;
			this.catalog = catalog;
		}

		@Override
		public String kind() {
			return KIND;
		}

		@Override
		public Set<String> processKeys() {
			return Set.of(ProductionRun.KEY);
		}

		@Override
		@Transactional(readOnly = true)
		public Map<String, ProcessSubject> describe(UUID workspaceId, Collection<String> businessKeys) {
			Map<String, ProcessSubject> subjects = new LinkedHashMap<>();
			if (businessKeys.isEmpty()) {
				return subjects;
			}
			Map<UUID, String> productNames = new HashMap<>();
			for (ProductionOrder order : this.orders.findByWorkspaceIdAndOrderNumberIn(workspaceId,
					Set.copyOf(businessKeys))) {
				String product = productNames.computeIfAbsent(order.productId(), id -> productName(workspaceId, id));
				subjects.put(order.orderNumber(), new ProcessSubject(KIND, order.id(), order.orderNumber(),
						title(order.orderNumber(), product, order.quantity())));
			}
			return subjects;
		}

		private String productName(UUID workspaceId, UUID productId) {
			try {
				return this.catalog.requireProduct(workspaceId, productId).name();
			}
			catch (NotFoundException ex) {
				return null;
			}
		}

		@Override
		@Transactional(readOnly = true)
		public Optional<String> businessKeyOf(UUID workspaceId, UUID objectId) {
			return this.orders.findByIdAndWorkspaceId(objectId, workspaceId).map(ProductionOrder::orderNumber);
		}

	}

	static class RequisitionSubjects implements ProcessSubjects {

		static final String KIND = "PURCHASE_REQUISITION";

		private final Requisitions requisitions;

		RequisitionSubjects(Requisitions requisitions) {
			this.requisitions = requisitions;
		}

		@Override
		public String kind() {
			return KIND;
		}

		@Override
		public Set<String> processKeys() {
			return Set.of(PurchaseRequisition.KEY);
		}

		@Override
		@Transactional(readOnly = true)
		public Map<String, ProcessSubject> describe(UUID workspaceId, Collection<String> businessKeys) {
			Map<String, ProcessSubject> subjects = new LinkedHashMap<>();
			if (businessKeys.isEmpty()) {
				return subjects;
			}
			for (Requisition requisition : this.requisitions.findByWorkspaceIdAndNumberIn(workspaceId,
					Set.copyOf(businessKeys))) {
				subjects.put(requisition.number(), new ProcessSubject(KIND, requisition.id(), requisition.number(),
						title(requisition.number(), requisition.productName(), requisition.quantity())));
			}
			return subjects;
		}

		@Override
		@Transactional(readOnly = true)
		public Optional<String> businessKeyOf(UUID workspaceId, UUID objectId) {
			return this.requisitions.findByIdAndWorkspaceId(objectId, workspaceId).map(Requisition::number);
		}

	}

}
