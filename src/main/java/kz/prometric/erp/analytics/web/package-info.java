/**
 * The analytics reports' REST endpoints, {@code /api/workspaces/{ws}/analytics/...}.
 */
package kz.prometric.erp.analytics.web;
