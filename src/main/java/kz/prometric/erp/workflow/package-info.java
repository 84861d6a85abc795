/**
 * Engine plumbing, and no business process: the ERP users as the engine's identity
 * provider (one login for the API, Tasklist and Cockpit), workspaces as Camunda tenants,
 * deployment of {@code processes/}, {@code dmn/} and {@code forms/} as shared defaults,
 * workspaces' own versions of them ({@link kz.prometric.erp.workflow.ProcessDeployments},
 * chosen by {@link kz.prometric.erp.workflow.WorkspaceDefinitions}), and the security of
 * the engine REST API and the webapps.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflow",
		allowedDependencies = { "shared", "identity", "organization" })
package kz.prometric.erp.workflow;
