/**
 * Database plumbing: the embedded PostgreSQL used when no external database is
 * configured.
 */
package kz.prometric.erp.shared.persistence;
