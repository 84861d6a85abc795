/**
 * Reports over the other modules' figures: pipeline, forecast, win rate and cycle time,
 * sales, receivables aging, stock valuation and process cycle times.
 * {@link kz.prometric.erp.analytics.AnalyticsReports} is the module's API; it reads no
 * table of another module, only the public figure services each module computes in its
 * own SQL ({@code crm.DealFigures}, {@code finance.SalesFigures},
 * {@code finance.ReceivableFigures}, {@code inventory.StockFigures},
 * {@code workflow.ProcessFigures}). {@link kz.prometric.erp.analytics.ReportExports}
 * writes the reports as CSV or XLSX files in the background, keeps each as a document
 * (object type {@code report}) and tells the requester through
 * {@code notification.UserNotices}; its job table, {@code analytics_report_export}, is
 * the only table analytics reads ({@code ExportJobs}). Nothing depends on analytics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics", allowedDependencies = { "shared", "identity",
		"organization", "crm", "finance", "inventory", "workflow", "document", "notification" })
package kz.prometric.erp.analytics;
