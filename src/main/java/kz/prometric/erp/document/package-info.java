/**
 * Documents: files attached to a business object of a workspace (a customer, deal, order,
 * invoice, employee or production order), kept as numbered versions in a
 * {@link kz.prometric.erp.document.DocumentStore}, deleted softly with an audit trail,
 * and approved through the {@code document-approval} process. The modules owning the
 * objects tell whether an object exists in a workspace by implementing
 * {@link kz.prometric.erp.document.DocumentTargets}, so this module depends on none of
 * them (finance, which keeps its invoices' PDFs here, depends on it). API:
 * {@link kz.prometric.erp.document.DocumentManagement}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents",
		allowedDependencies = { "shared", "identity", "organization", "workflow" })
package kz.prometric.erp.document;
