/**
 * Runs code as if a provision had a recorded in-force date: the catalogue entry is changed for the
 * duration of `fn` and restored after. This is how a test (or a fixture's `# law-in-force:` header)
 * shows that a rule follows the law as data: the switch comes from the date, not from code.
 */
import { provisions } from '../../rules/domain/catalogue';

export function withInForce<T>(overrides: Readonly<Record<string, string>>, fn: () => T): T {
  const saved = new Map<string, string | null>();
  for (const [id, date] of Object.entries(overrides)) {
    const p = provisions.get(id);
    if (!p) throw new Error(`unknown provision ${id}`);
    saved.set(id, p.in_force_from);
    p.in_force_from = date;
  }
  try {
    return fn();
  } finally {
    for (const [id, date] of saved) provisions.get(id)!.in_force_from = date;
  }
}

/** The `# law-in-force: <provision id> <YYYY-MM-DD>` headers of a fixture. */
export function lawInForceHeaders(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^#\s*law-in-force:\s*([a-z0-9-]+)\s+(\d{4}-\d{2}-\d{2})\s*$/gm)) out[m[1]] = m[2];
  return out;
}
