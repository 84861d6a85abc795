/**
 * REST endpoints of the organization module: {@code /api/organizations/**},
 * {@code /api/workspaces/**} and {@code /api/invitations/**}.
 */
package kz.prometric.erp.organization.web;
