/** The Content-Security-Policy of the pages written as files (report.html, portfolio.html): inline styles and data: images, no script. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
