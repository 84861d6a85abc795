/**
 * HTTP plumbing shared by all controllers: the problem-response advice, the error page,
 * body size limits, paging arguments and correlation ids.
 */
package kz.prometric.erp.shared.web;
