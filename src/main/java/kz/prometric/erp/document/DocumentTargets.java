package kz.prometric.erp.document;

import java.util.Set;
import java.util.UUID;

/**
 * Implemented by the module that owns a kind of business object (crm: customers and
 * deals; sales: orders; finance: invoices; hr: employees; production: production orders),
 * as a bean: tells whether an object exists in a workspace, so that a document is
 * attached only to an object of the caller's own workspace. The owning modules depend on
 * this module, not the other way round, which keeps the module graph acyclic although
 * finance stores its invoices here. Every {@link ObjectType} must have exactly one
 * implementation (checked at start-up).
 */
public interface DocumentTargets {

	/** The object types this module owns. */
	Set<ObjectType> types();

	/**
	 * Whether an object of {@code type} with this id exists in the workspace (another
	 * workspace's object: false). Runs in the caller's transaction.
	 */
	boolean exists(ObjectType type, UUID workspaceId, UUID objectId);

}
