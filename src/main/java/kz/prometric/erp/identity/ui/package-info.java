/**
 * The identity module's pages: a forgotten password ({@code /password/forgot}, the reset
 * link's {@code /password/reset}, both open) and the user's own account
 * ({@code /app/account}: password and language).
 */
package kz.prometric.erp.identity.ui;
