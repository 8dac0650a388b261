/** Fix-all: every preferred quick fix, re-checked after each; shared by the editor's source.fixAll and the CLI's --fix. */
import { check } from './engine';
import { applyFix } from './fixes';

/** Applies every preferred fix, re-checking after each, until none is left (bounded). */
export function fixAll(text: string, options: Parameters<typeof check>[1]): { text: string; fixed: string[] } {
  let cur = text;
  const fixed: string[] = [];
  const tried = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const results = check(cur, options).results;
    const next = results.find((r) => r.fixes.some((f) => f.preferred) && !tried.has(`${r.rule}|${r.message}|${r.start}`));
    if (!next) break;
    tried.add(`${next.rule}|${next.message}|${next.start}`);
    const f = next.fixes.find((x) => x.preferred)!;
    const out = applyFix(cur, f);
    if (out === cur) continue;
    // Never trade a finding for a broken file.
    const after = check(out, options).results;
    if (after.some((r) => r.rule === 'yaml-syntax' || r.rule === 'schema') && !results.some((r) => r.rule === 'yaml-syntax' || r.rule === 'schema')) continue;
    cur = out;
    fixed.push(next.rule);
  }
  return { text: cur, fixed };
}
