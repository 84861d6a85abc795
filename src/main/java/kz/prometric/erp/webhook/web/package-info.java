/**
 * The webhook subscriptions and their delivery log over REST.
 */
package kz.prometric.erp.webhook.web;
