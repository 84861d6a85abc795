/**
 * Value types and cross-cutting plumbing every module may use: domain exceptions that map
 * to problem responses, pagination, the clock. Holds no business rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared")
package kz.prometric.erp.shared;
