/**
 * The organization module's pages: the invitation link's page
 * {@code /invitations/{token}} (open: it leads a new user through registration, and a
 * user with an account through login, into the workspace).
 */
package kz.prometric.erp.organization.ui;
