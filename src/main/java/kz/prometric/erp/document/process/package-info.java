/**
 * The listener of {@code processes/document-approval.bpmn} and the names of its elements
 * and variables ({@link kz.prometric.erp.document.process.DocumentApproval}).
 */
package kz.prometric.erp.document.process;
