package kz.prometric.erp.production;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * How a product is made: its operations in order. A product with a routing is
 * manufactured; without one it is bought.
 */
@Entity
@Table(name = "prod_routing")
class Routing {

	@Id
	private UUID id;

	private UUID workspaceId;

	private UUID productId;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "prod_routing_operation", joinColumns = @JoinColumn(name = "routing_id"))
	@OrderColumn(name = "seq")
	private List<RoutingOperation> operations = new ArrayList<>();

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Routing() {
	}

	Routing(UUID workspaceId, UUID productId, Instant now) {
		this.id = UUID.randomUUID();
		this.workspaceId = workspaceId;
		this.productId = productId;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void replace(List<RoutingOperation> operations, Instant now) {
		this.operations.clear();
		this.operations.addAll(operations);
		this.updatedAt = now;
	}

	UUID productId() {
		return this.productId;
	}

	List<RoutingOperation> operations() {
		return this.operations;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

}
