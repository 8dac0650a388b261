/**
 * A value made on first use and kept. The language server loads its analysis (the rules, the
 * catalogue, the parser, the schema validator) through these, so that it answers `initialize`
 * before any of that is read.
 */
export function lazy<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}
