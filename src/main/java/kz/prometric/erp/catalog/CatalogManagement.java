package kz.prometric.erp.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import kz.prometric.erp.shared.VatCategory;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.DatabaseConstraints;
import kz.prometric.erp.shared.FieldViolation;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.shared.SearchText;
import kz.prometric.erp.shared.SortableFields;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The products of a workspace and their bills of materials. Members of the workspace read
 * them; managers, admins and the owner change them (403 to plain members); everyone else
 * gets 404, as does a product id of another workspace. A product's code is unique in the
 * workspace regardless of case (409). Products are never deleted, only archived: deals,
 * orders, stock movements and other bills of materials keep referring to them.
 */
@Service
public class CatalogManagement {

	static final SortableFields PRODUCT_SORT = SortableFields.of("code", "code", "name", "name", "price", "price",
			"createdAt", "createdAt");

	private static final String CODE_INDEX = "uq_cat_product_code";

	private static final String CODE_TAKEN = "A product with this code already exists in the workspace";

	private static final String NO_SUCH_PRODUCT = "No such product in this workspace";

	private final Products products;

	private final WorkspaceManagement workspaces;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	CatalogManagement(Products products, WorkspaceManagement workspaces, JdbcTemplate jdbc, Clock clock) {
		this.products = products;
		this.workspaces = workspaces;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Creates an ACTIVE product; needs the MANAGER role. A code already used in the
	 * workspace (in any case) is 409, also when two requests race.
	 */
	@Transactional
	public ProductView create(UUID workspaceId, UUID callerId, NewProduct product) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		Product created = new Product(workspaceId, product, this.clock.instant());
		if (this.products.existsByWorkspaceIdAndCodeIgnoreCase(workspaceId, created.code())) {
			throw new ConflictException("code", CODE_TAKEN);
		}
		try {
			this.products.saveAndFlush(created);
		}
		catch (DataIntegrityViolationException ex) {
			throw translated(ex);
		}
		return created.view();
	}

	/**
	 * A page of the workspace's products, optionally of one status and one category and
	 * matching a search text, taken literally and case-insensitively, in the code or
	 * name.
	 */
	@Transactional(readOnly = true)
	public PageResult<ProductView> products(UUID workspaceId, UUID callerId, ProductFilter filter, PageQuery query) {
		this.workspaces.requireMember(workspaceId, callerId);
		String search = SearchText.containing(filter.search());
		return PageResult.of(this.products.search(workspaceId, filter.status(), filter.category(), search,
				query.toPageable(PRODUCT_SORT)), Product::view);
	}

	@Transactional(readOnly = true)
	public ProductView product(UUID workspaceId, UUID callerId, UUID productId) {
		this.workspaces.requireMember(workspaceId, callerId);
		return load(workspaceId, productId).view();
	}

	/**
	 * Changes a product; needs the MANAGER role. {@code null} leaves a field as it is;
	 * setting {@code status} ACTIVE brings an archived product back.
	 */
	@Transactional
	public ProductView update(UUID workspaceId, UUID callerId, UUID productId, ProductChanges changes) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		Product product = load(workspaceId, productId);
		product.update(changes, this.clock.instant());
		try {
			if (changes.code() != null && this.products.existsByWorkspaceIdAndCodeIgnoreCaseAndIdNot(workspaceId,
					product.code(), productId)) {
				throw new ConflictException("code", CODE_TAKEN);
			}
			this.products.flush();
		}
		catch (DataIntegrityViolationException ex) {
			throw translated(ex);
		}
		return product.view();
	}

	/**
	 * Archives a product (what {@code DELETE} does); needs the MANAGER role. Idempotent.
	 * The product stays readable, in bills of materials and in stock.
	 */
	@Transactional
	public ProductView archive(UUID workspaceId, UUID callerId, UUID productId) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		Product product = load(workspaceId, productId);
		product.archive(this.clock.instant());
		this.products.flush();
		return product.view();
	}

	/**
	 * Replaces the bill of materials of a product; needs the MANAGER role. Each component
	 * must be another product of the same workspace, listed once, and must not contain
	 * the product itself, directly or indirectly: otherwise 422 naming
	 * {@code components[i].productId} (or {@code components} for a cycle). An empty list
	 * removes the bill of materials. Idempotent.
	 */
	@Transactional
	public BillOfMaterialsView replaceBillOfMaterials(UUID workspaceId, UUID callerId, UUID productId,
			List<ComponentQuantity> components) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		// one bill-of-materials change per workspace at a time, so that two concurrent
		// changes cannot close a cycle between them
		this.jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> {
		}, "cat_bom:" + workspaceId);
		Product product = load(workspaceId, productId);
		List<FieldViolation> problems = new ArrayList<>();
		Set<UUID> ids = components.stream()
			.map(ComponentQuantity::productId)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet());
		Set<UUID> known = this.products.findByWorkspaceIdAndIdIn(workspaceId, ids)
			.stream()
			.map(Product::id)
			.collect(Collectors.toSet());
		Set<UUID> listed = new HashSet<>();
		List<BomComponent> lines = new ArrayList<>();
		for (int i = 0; i < components.size(); i++) {
			ComponentQuantity component = components.get(i);
			String field = "components[" + i + "].productId";
			if (component.quantity() == null || component.quantity().signum() <= 0
					|| component.quantity().stripTrailingZeros().scale() > 3) {
				throw new InvalidInputException("components[" + i + "].quantity",
						"must be greater than 0 with at most 3 decimals");
			}
			if (component.productId() == null || !known.contains(component.productId())) {
				problems.add(new FieldViolation(field, NO_SUCH_PRODUCT));
			}
			else if (component.productId().equals(productId)) {
				problems.add(new FieldViolation(field, "A product cannot be a component of itself"));
			}
			else if (!listed.add(component.productId())) {
				problems.add(new FieldViolation(field, "The component is listed more than once"));
			}
			else {
				lines.add(new BomComponent(component.productId(), component.quantity()));
			}
		}
		if (!problems.isEmpty()) {
			throw new BusinessRuleViolation("The bill of materials is invalid", problems);
		}
		Map<UUID, List<UUID>> edges = new HashMap<>();
		for (Object[] edge : this.products.bomEdges(workspaceId)) {
			edges.computeIfAbsent((UUID) edge[0], k -> new ArrayList<>()).add((UUID) edge[1]);
		}
		edges.remove(productId);
		if (BomCycles.wouldCloseCycle(edges, productId, listed)) {
			throw new BusinessRuleViolation("components",
					"A component contains this product, directly or indirectly: the bill of materials would be a cycle");
		}
		product.replaceComponents(lines, this.clock.instant());
		this.products.flush();
		return billOfMaterials(product);
	}

	/** The bill of materials of a product, for members of the workspace. */
	@Transactional(readOnly = true)
	public BillOfMaterialsView billOfMaterials(UUID workspaceId, UUID callerId, UUID productId) {
		this.workspaces.requireMember(workspaceId, callerId);
		return billOfMaterials(load(workspaceId, productId));
	}

	/**
	 * The bill of materials of product {@code productId}, for other modules (production).
	 * No access check; an unknown id or one of another workspace is a
	 * {@link BusinessRuleViolation} (422) naming {@code productId}.
	 */
	@Transactional(readOnly = true)
	public BillOfMaterialsView billOfMaterials(UUID workspaceId, UUID productId) {
		return billOfMaterials(this.products.findByIdAndWorkspaceId(productId, workspaceId)
			.orElseThrow(() -> new BusinessRuleViolation("productId", NO_SUCH_PRODUCT)));
	}

	/**
	 * The bill of materials of product {@code productId} exploded over ALL levels, for
	 * other modules (production's requirements): each line with its level, the component
	 * and its quantity per one unit of the top product. No access check; an unknown id or
	 * one of another workspace is a {@link BusinessRuleViolation} (422) naming
	 * {@code productId}.
	 */
	@Transactional(readOnly = true)
	public BomTreeView bomTree(UUID workspaceId, UUID productId) {
		requireProduct(workspaceId, productId);
		return bomTree(workspaceId, productId, Integer.MAX_VALUE);
	}

	/**
	 * The bill of materials of a product exploded down to {@code levels} levels (1: the
	 * direct components), for members of the workspace; an unknown product is 404.
	 */
	@Transactional(readOnly = true)
	public BomTreeView bomTree(UUID workspaceId, UUID callerId, UUID productId, int levels) {
		this.workspaces.requireMember(workspaceId, callerId);
		load(workspaceId, productId);
		if (levels < 1) {
			throw new InvalidInputException("levels", "must be at least 1");
		}
		return bomTree(workspaceId, productId, levels);
	}

	/**
	 * The product {@code productId} of the workspace, for other modules that refer to
	 * products by id in request bodies (inventory, sales). No access check: the caller
	 * has checked access to the workspace. An unknown id, or one of another workspace, is
	 * a field error of the request: {@link BusinessRuleViolation} (422) naming
	 * {@code productId}. Archived products are answered too; the caller decides whether
	 * it accepts them.
	 */
	@Transactional(readOnly = true)
	public ProductView requireProduct(UUID workspaceId, UUID productId) {
		if (productId == null) {
			throw new BusinessRuleViolation("productId", NO_SUCH_PRODUCT);
		}
		return this.products.findByIdAndWorkspaceId(productId, workspaceId)
			.map(Product::view)
			.orElseThrow(() -> new BusinessRuleViolation("productId", NO_SUCH_PRODUCT));
	}

	/**
	 * The workspace's products among {@code productIds}, by id (ids of other workspaces
	 * and unknown ids are left out), for reports that name the products they count. No
	 * access check: the caller has checked access to the workspace.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, ProductView> productsById(UUID workspaceId, Collection<UUID> productIds) {
		Map<UUID, ProductView> found = new HashMap<>();
		if (!productIds.isEmpty()) {
			this.products.findByWorkspaceIdAndIdIn(workspaceId, productIds).forEach(p -> found.put(p.id(), p.view()));
		}
		return found;
	}

	/**
	 * What a new product needs: {@code code}, {@code name}, {@code unit} and
	 * {@code price}. {@code cost} defaults to 0, {@code vatCategory} to STANDARD,
	 * {@code priceIncludesVat} to false, {@code category} to OTHER.
	 */
	public record NewProduct(String code, String name, String description, String unit, BigDecimal price,
			BigDecimal cost, VatCategory vatCategory, Boolean priceIncludesVat, ProductCategory category) {
	}

	/** Changes to a product: {@code null} leaves a field as it is. */
	public record ProductChanges(String code, String name, String description, String unit, BigDecimal price,
			BigDecimal cost, ProductStatus status, VatCategory vatCategory, Boolean priceIncludesVat,
			ProductCategory category) {
	}

	/** Optional filters of the product list ({@code null}: any). */
	public record ProductFilter(ProductStatus status, String search, ProductCategory category) {

		public ProductFilter(ProductStatus status, String search) {
			this(status, search, null);
		}

	}

	/** A component of a bill of materials as asked for: product id and quantity. */
	public record ComponentQuantity(UUID productId, BigDecimal quantity) {
	}

	private BillOfMaterialsView billOfMaterials(Product product) {
		List<BomComponent> lines = product.components();
		Map<UUID, Product> byId = this.products.findAllById(lines.stream().map(BomComponent::componentId).toList())
			.stream()
			.collect(Collectors.toMap(Product::id, Function.identity()));
		return new BillOfMaterialsView(product.id(), lines.stream().map(line -> {
			ProductView component = byId.get(line.componentId()).view();
			return new BomComponentView(component.id(), component.code(), component.name(), component.unit(),
					line.quantity());
		}).toList());
	}

	private BomTreeView bomTree(UUID workspaceId, UUID productId, int levels) {
		Map<UUID, List<BomComponent>> lines = new HashMap<>();
		for (Object[] line : this.products.bomLines(workspaceId)) {
			lines.computeIfAbsent((UUID) line[0], k -> new ArrayList<>())
				.add(new BomComponent((UUID) line[1], (BigDecimal) line[2]));
		}
		Set<UUID> ids = new HashSet<>();
		lines.values().forEach(components -> components.forEach(c -> ids.add(c.componentId())));
		Map<UUID, Product> byId = this.products.findByWorkspaceIdAndIdIn(workspaceId, ids)
			.stream()
			.collect(Collectors.toMap(Product::id, Function.identity()));
		List<BomTreeView.Line> tree = new ArrayList<>();
		explode(productId, BigDecimal.ONE, 1, levels, lines, byId, tree, new HashSet<>());
		return new BomTreeView(productId, List.copyOf(tree));
	}

	/**
	 * Adds the components of {@code parent} and, depth first, theirs. {@code path} holds
	 * the products on the way down: bills of materials are kept free of cycles, and this
	 * guard keeps a damaged one from looping.
	 */
	private static void explode(UUID parent, BigDecimal perTop, int level, int levels,
			Map<UUID, List<BomComponent>> lines, Map<UUID, Product> byId, List<BomTreeView.Line> tree, Set<UUID> path) {
		if (level > levels || !path.add(parent)) {
			return;
		}
		for (BomComponent line : lines.getOrDefault(parent, List.of())) {
			Product component = byId.get(line.componentId());
			BigDecimal quantity = perTop.multiply(line.quantity());
			quantity = quantity.setScale(Math.max(3, quantity.stripTrailingZeros().scale()));
			boolean hasComponents = !lines.getOrDefault(line.componentId(), List.of()).isEmpty();
			ProductView view = component.view();
			tree.add(new BomTreeView.Line(level, parent, view.id(), view.code(), view.name(), view.unit(),
					view.category(), line.quantity(), quantity, hasComponents));
			if (hasComponents) {
				explode(line.componentId(), quantity, level + 1, levels, lines, byId, tree, path);
			}
		}
		path.remove(parent);
	}

	private Product load(UUID workspaceId, UUID productId) {
		return this.products.findByIdAndWorkspaceId(productId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Product", productId));
	}

	private static RuntimeException translated(DataIntegrityViolationException ex) {
		if (DatabaseConstraints.isUniqueViolation(ex, CODE_INDEX)) {
			// a concurrent request stored the same code first
			return new ConflictException("code", CODE_TAKEN);
		}
		return ex;
	}

}
