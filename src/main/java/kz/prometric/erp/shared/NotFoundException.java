package kz.prometric.erp.shared;

/**
 * A resource that does not exist, or that exists in a workspace the caller does not
 * belong to. Both answer 404 so that ids of other tenants cannot be probed.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String resource, Object id) {
		super(resource + " " + id + " not found");
	}

}
