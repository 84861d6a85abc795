/**
 * Reports over the other modules' figures: pipeline, forecast, win rate and cycle time,
 * sales, receivables aging, stock valuation and process cycle times.
 * {@link kz.prometric.erp.analytics.AnalyticsReports} is the module's API; it reads no
 * table of another module, only the public figure services each module computes in its
 * own SQL ({@code crm.DealFigures}, {@code finance.SalesFigures},
 * {@code finance.ReceivableFigures}, {@code inventory.StockFigures},
 * {@code workflow.ProcessFigures}). Nothing depends on analytics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics",
		allowedDependencies = { "shared", "identity", "organization", "crm", "finance", "inventory", "workflow" })
package kz.prometric.erp.analytics;
