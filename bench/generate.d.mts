/** Generates a schema-valid descriptor of about `lines` lines (used by the benchmark and the hostile-input tests). */
export function generateDescriptor(lines: number): string;
/** `count` varied descriptors for a portfolio benchmark, as [file name, text] pairs. */
export function generatePortfolio(count: number): [string, string][];
