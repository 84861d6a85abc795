/**
 * The machine side of the production adapters. Machines and MES take part in
 * {@code production-run} as Camunda external-task workers over the authenticated engine
 * REST API: one topic per EXTERNAL work center ({@code production.<work-center-code>}),
 * an ERP account that is a member of one workspace, fetch-and-lock, complete with the
 * operation's report ({@code goodQuantity}, {@code scrapQuantity},
 * {@code durationMinutes}, {@code notes}) or report a failure with retries. The protocol
 * is documented for vendors in {@code docs/production.md}.
 * {@link kz.prometric.erp.production.adapter.SimulatedMachine} is such a worker, built on
 * Camunda's own Java external task client: it serves the tests, the demo run and the
 * benchmark.
 */
package kz.prometric.erp.production.adapter;
