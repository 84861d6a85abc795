/**
 * Organizations (Kazakhstan companies with a BIN), workspaces (a workspace is a tenant,
 * in the ERP and in the process engine), memberships with roles, invitations, and teams
 * (engine groups {@code <workspaceId>:team:<code>}).
 * {@link kz.prometric.erp.organization.WorkspaceManagement},
 * {@link kz.prometric.erp.organization.OrganizationManagement} and
 * {@link kz.prometric.erp.organization.TeamManagement} are the module's API; every other
 * module asks {@code WorkspaceManagement} whether a user may see or change a workspace's
 * data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organization",
		allowedDependencies = { "shared", "identity" })
package kz.prometric.erp.organization;
