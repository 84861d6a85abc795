/**
 * Runnable harnesses, not unit tests: the order-to-cash benchmark against the bare engine
 * and the kill -9 resilience check (see {@code docs/benchmarks.md}).
 */
package kz.prometric.erp.bench;
