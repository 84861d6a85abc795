/**
 * REST endpoints of the identity module: {@code /api/auth/**} and {@code /api/me}.
 */
package kz.prometric.erp.identity.web;
