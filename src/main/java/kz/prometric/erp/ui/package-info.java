/**
 * The shell of the ERP's own pages: login and logout (an HTTP session stored in
 * PostgreSQL, tied to an ERP session that is checked on every request), the layout with
 * the workspace switcher and language choice, the home page, and how page errors render.
 * Each business module serves its own pages from its {@code ui} package with
 * {@link kz.prometric.erp.shared.ErpPages} controllers; nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web UI", allowedDependencies = { "shared", "identity",
		"organization", "workflow", "crm", "sales", "finance", "inventory", "catalog", "hr", "production" })
package kz.prometric.erp.ui;
