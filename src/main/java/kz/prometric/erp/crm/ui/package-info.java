/**
 * The CRM's pages: deals (list, board by stage, page with its process and history, new
 * and edit forms) and customers (list, page with its deals, new and edit forms). They
 * call the module's *Management services with the signed-in user, so membership and roles
 * are the API's.
 */
package kz.prometric.erp.crm.ui;
