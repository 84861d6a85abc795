package kz.prometric.erp.organization;

/**
 * A personal workspace belongs to one user; a company workspace belongs to an
 * organization.
 */
public enum WorkspaceType {

	PERSONAL, COMPANY

}
