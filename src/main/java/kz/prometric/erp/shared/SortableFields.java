package kz.prometric.erp.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The public sort keys of one list endpoint and the entity properties behind them; the
 * first is the default.
 */
public final class SortableFields {

	private final Map<String, String> properties;

	private SortableFields(Map<String, String> properties) {
		this.properties = properties;
	}

	/**
	 * Pairs of public name and entity property:
	 * {@code of("name", "name", "createdAt", "createdAt")}.
	 */
	public static SortableFields of(String... pairs) {
		if (pairs.length == 0 || pairs.length % 2 != 0) {
			throw new IllegalArgumentException("pairs of public name and property expected");
		}
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return new SortableFields(map);
	}

	String defaultField() {
		return this.properties.keySet().iterator().next();
	}

	String propertyFor(String name) {
		return this.properties.get(name);
	}

	Set<String> names() {
		return this.properties.keySet();
	}

}
