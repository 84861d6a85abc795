package kz.prometric.erp.shared;

/**
 * A route whose request bodies may be larger than the API's default limit
 * ({@code prometric.http.max-body-size}), declared as a bean by the module owning the
 * route (the document upload). {@code pathPattern} is an Ant-style pattern over the
 * request path ({@code /api/workspaces/*}{@code /documents}).
 */
public record RequestBodyLimit(String method, String pathPattern, long maxBytes) {

	public RequestBodyLimit {
		if (maxBytes <= 0) {
			throw new IllegalArgumentException("maxBytes must be positive");
		}
	}

}
