/** Generates a schema-valid descriptor of about `lines` lines (used by the benchmark and the hostile-input tests). */
export function generateDescriptor(lines: number): string;
