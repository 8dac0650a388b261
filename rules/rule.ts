/**
 * The shape every rule module has. A rule reads the typed model and returns findings with paths
 * and message ids; it never builds ranges or diagnostics (the engine does).
 */
import type { Model } from './domain/model';
import type { Finding, Localized, Severity } from './domain/types';

export interface RuleOptions {
  /** `variables-many` fires above this many variables. */
  variablesManyThreshold: number;
  /**
   * Whether a file named relative to the descriptor exists; undefined when the descriptor
   * has no location on disk (an unsaved editor), in which case file checks stay silent.
   */
  fileExists?: (relative: string) => boolean;
}

export interface RuleContext {
  model: Model;
  options: RuleOptions;
}

export interface RuleMeta<Id extends string = string> {
  id: Id;
  severity: Severity;
  /** One line: what the rule checks. */
  description: Localized;
  /** What to do about a finding. */
  remediation: Localized;
  /** Ids into rules/provisions.yaml. */
  provisions: string[];
  /** The seed statement the rule comes from. */
  seed: { file: string; quote: string };
  /** Ids of the fixes the rule offers (empty when there is no mechanical repair). */
  fixes: string[];
  /** Message templates by id, with `{placeholders}` filled from the finding's args. */
  messages: Record<string, Localized>;
}

export interface Rule<Id extends string = string> extends RuleMeta<Id> {
  check(ctx: RuleContext): Finding[];
}

/** Keeps the literal id type so the registry can derive `RuleId`. */
export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}
