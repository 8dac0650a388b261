/** Fix-all: every preferred quick fix, re-checked after each; shared by the editor's source.fixAll and the CLI's --fix. */
import type { RuleId } from '../../rules';
import type { Fix } from '../../rules/domain/types';
import { check, type CheckOptions, type CheckOutput, type Placed } from './engine';
import { applyFix } from './fixes';
import { reparse } from './reparse';

/**
 * A fix that may be applied without asking: preferred, and not a guess ("did you mean"). The type
 * already keeps a guess from being preferred; this says it again where fixes are applied unasked.
 */
export const isSafeFix = (f: Fix): boolean => f.guess !== true && f.preferred === true;

/**
 * A bound on rounds: each round applies at most one fix and re-checks, and a descriptor has far
 * fewer fixable findings than this; it only stops a pair of fixes that undo each other.
 */
const MAX_ROUNDS = 200;

const breaksStructure = (results: Placed[]) => results.some((r) => r.rule === 'yaml-syntax' || r.rule === 'schema');

export interface FixAllResult {
  text: string;
  fixed: RuleId[];
}

/**
 * Fix-all in steps: the generator yields after each check of the text, so a caller that must stay
 * responsive (the language server, which honours `$/cancelRequest`) can stop between checks.
 * Running it to the end is `fixAll`. `from` is the text, or the check of it under `options` when the
 * caller has one (an analysis), which is then not made again.
 */
export function* fixAllSteps(from: string | CheckOutput, options: CheckOptions, only?: RuleId): Generator<void, FixAllResult, void> {
  let checked = typeof from === 'string' ? check(from, options) : from;
  let cur = checked.parsed.text;
  const fixed: RuleId[] = [];
  const tried = new Set<string>();
  for (let i = 0; i < MAX_ROUNDS; i++) {
    const { results, parsed } = checked;
    yield;
    const key = (r: Placed) => `${r.rule}|${r.message}|${r.start}`;
    const next = results.find((r) => (!only || r.rule === only) && r.fixes.some(isSafeFix) && !tried.has(key(r)));
    if (!next) break;
    tried.add(key(next));
    const out = applyFix(cur, next.fixes.find(isSafeFix)!, parsed);
    if (out === cur) continue;
    // The text with the fix is checked once: it is the next round's text unless the fix broke it.
    // Most fixes replace one value, and then only that value is read again.
    const after = check(reparse({ previous: parsed }, out), options);
    yield;
    // Never trade a finding for a broken file.
    if (breaksStructure(after.results) && !breaksStructure(results)) continue;
    cur = out;
    checked = after;
    fixed.push(next.rule);
  }
  return { text: cur, fixed };
}

/**
 * Applies every safe fix (of one rule, when `only` is given), re-checking after each with the
 * same options, so a rule the user turned off is never fixed. Guesses are never applied.
 */
export function fixAll(from: string | CheckOutput, options: CheckOptions, only?: RuleId): FixAllResult {
  const steps = fixAllSteps(from, options, only);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
