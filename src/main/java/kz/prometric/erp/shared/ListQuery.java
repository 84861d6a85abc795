package kz.prometric.erp.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;

/**
 * A large list's query written with only the filters the request gives. A fixed query
 * with optional filters, {@code (:stage is null or d.stage = :stage)}, is one prepared
 * statement for every combination of filters; after a few executions PostgreSQL may plan
 * it once for any parameters (a generic plan), which cannot know which filters are absent
 * and so cannot pick the index that serves the given one (a trigram index for a search,
 * the customer index for a customer's rows). Here each combination of filters is its own
 * statement, and every statement's plan fits it (docs/benchmarks.md, "A million deals").
 * Deep pages skip their offset in an index ({@link #deferredJoin}).
 * <p>
 * Conditions and sort properties are the caller's constants (the sort through
 * {@link SortableFields}); values are bound as parameters only.
 */
public final class ListQuery {

	/**
	 * From this offset on, a page reads its rows' ids first ({@link #deferredJoin}).
	 */
	static final int DEFERRED_JOIN_OFFSET = 200;

	private final String entity;

	private final String alias;

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> parameters = new LinkedHashMap<>();

	private ListQuery(String entity, String alias) {
		this.entity = entity;
		this.alias = alias;
	}

	/** The rows of {@code entity} (its JPQL name), called {@code alias} in conditions. */
	public static ListQuery from(String entity, String alias) {
		return new ListQuery(entity, alias);
	}

	/**
	 * A condition that always holds, with its parameters as pairs of name and value.
	 */
	public ListQuery where(String condition, Object... namesAndValues) {
		this.conditions.add("(" + condition + ")");
		for (int i = 0; i < namesAndValues.length; i += 2) {
			this.parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return this;
	}

	/**
	 * A condition with one parameter {@code name}, only when {@code value} is given (not
	 * null).
	 */
	public ListQuery whereGiven(Object value, String name, String condition) {
		if (value != null) {
			where(condition, name, value);
		}
		return this;
	}

	/**
	 * One page of the rows in the page request's order (its properties are the entity's,
	 * from a {@link SortableFields} whitelist), reading one row more to know whether
	 * another page follows; no count.
	 */
	public <T> Slice<T> slice(EntityManager entities, Class<T> type, Pageable pageable) {
		String order = pageable.getSort()
			.stream()
			.map(o -> this.alias + "." + o.getProperty() + ((o.getDirection() == Sort.Direction.DESC) ? " desc" : ""))
			.collect(Collectors.joining(", "));
		String orderBy = order.isEmpty() ? "" : " order by " + order;
		List<T> rows;
		if (pageable.getOffset() < DEFERRED_JOIN_OFFSET) {
			TypedQuery<T> query = entities.createQuery("select " + this.alias + " " + body() + orderBy, type);
			bind(query);
			query.setFirstResult((int) pageable.getOffset());
			query.setMaxResults(pageable.getPageSize() + 1);
			rows = query.getResultList();
		}
		else {
			rows = deferredJoin(entities, type, orderBy, pageable);
		}
		boolean more = rows.size() > pageable.getPageSize();
		return new SliceImpl<>(more ? rows.subList(0, pageable.getPageSize()) : rows, pageable, more);
	}

	/**
	 * A deep page in two steps: the ids of the page's rows, skipping the offset in the
	 * sort key's index alone (an index-only scan of {@code (workspace, key, id)} reads no
	 * table row for the rows it skips), then those rows by id, in the ids' order.
	 */
	private <T> List<T> deferredJoin(EntityManager entities, Class<T> type, String orderBy, Pageable pageable) {
		TypedQuery<Object> ids = entities.createQuery("select " + this.alias + ".id " + body() + orderBy, Object.class);
		bind(ids);
		ids.setFirstResult((int) pageable.getOffset());
		ids.setMaxResults(pageable.getPageSize() + 1);
		List<Object> page = ids.getResultList();
		if (page.isEmpty()) {
			return List.of();
		}
		TypedQuery<T> rows = entities.createQuery("select " + this.alias + " from " + this.entity + " " + this.alias
				+ " where " + this.alias + ".id in :ids", type);
		rows.setParameter("ids", page);
		Map<Object, T> byId = new java.util.HashMap<>();
		var units = entities.getEntityManagerFactory().getPersistenceUnitUtil();
		for (T row : rows.getResultList()) {
			byId.put(units.getIdentifier(row), row);
		}
		return page.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	/**
	 * How many rows match, counting {@code limit} at most: the query reads the ids of at
	 * most {@code limit} matching rows (in any order, so the database stops after that
	 * many), and a million matching rows cost as little as {@code limit} of them.
	 */
	public long countUpTo(EntityManager entities, int limit) {
		TypedQuery<Object> query = entities.createQuery("select " + this.alias + ".id " + body(), Object.class);
		bind(query);
		query.setMaxResults(limit);
		return query.getResultList().size();
	}

	private String body() {
		return "from " + this.entity + " " + this.alias
				+ (this.conditions.isEmpty() ? "" : " where " + String.join(" and ", this.conditions));
	}

	private void bind(TypedQuery<?> query) {
		this.parameters.forEach(query::setParameter);
	}

}
