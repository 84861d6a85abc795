/**
 * REST endpoints of the task API: a workspace's process tasks with their business
 * context, claim, unclaim, completion with the form's fields, and an object's task
 * history.
 */
package kz.prometric.erp.workflow.web;
