package kz.prometric.erp.finance.ui;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import kz.prometric.erp.shared.PageQuery;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * A list page's address with its current filters ({@code filters}: for the sortable
 * column headers) and with its sort as well ({@code withSort}: for the pager).
 */
record ListAddress(String filters, String withSort, String sort) {

	static ListAddress of(String path, Map<String, Object> filters, PageQuery page) {
		Map<String, Object> present = new LinkedHashMap<>();
		filters.forEach((name, value) -> {
			if (value != null && !value.toString().isBlank()) {
				present.put(name, value);
			}
		});
		UriComponentsBuilder base = UriComponentsBuilder.fromPath(path);
		present.forEach(base::queryParam);
		String filtered = base.encode().build().toUriString();
		String sort = (page.sortProperty() != null)
				? page.sortProperty() + "," + page.direction().name().toLowerCase(Locale.ROOT) : "";
		UriComponentsBuilder sorted = UriComponentsBuilder.fromPath(path);
		present.forEach(sorted::queryParam);
		if (!sort.isEmpty()) {
			sorted.queryParam("sort", sort);
		}
		return new ListAddress(filtered, sorted.encode().build().toUriString(), sort);
	}

}
