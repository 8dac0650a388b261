/**
 * The shape every rule module has. A rule reads the typed model (and the route computed once per
 * check) and reports findings with paths and message ids; it never builds ranges or diagnostics
 * (the engine does). `defineRule` ties each finding's message id and fix ids to the ones the rule
 * declares, so a misspelled id is a compile error.
 */
import type { Model } from './domain/model';
import type { Route } from './domain/routing';
import type { Finding, Localized, Severity } from './domain/types';

/**
 * Why a path the descriptor names is not looked at: `remote`, a network or device path (opening
 * one could reach another machine); `outside`, it leads out of the descriptor's folder and the
 * workspace.
 */
export type PathRefusal = 'remote' | 'outside';

export interface RuleOptions {
  /** `variables-many` fires above this many variables. */
  variablesManyThreshold: number;
  /**
   * Whether a file named relative to the descriptor exists; undefined when the descriptor
   * has no location on disk (an unsaved editor), in which case file checks stay silent. False,
   * without looking, for a path that `pathRefused` refuses.
   */
  fileExists?: (relative: string) => boolean;
  /** Why a path the descriptor names is not looked at, if it is not (see `PathRefusal`). */
  pathRefused?: (relative: string) => PathRefusal | undefined;
  /** Today's date, YYYY-MM-DD: an approval still pending when the project has started is late. */
  today: string;
  /** Where the approved version came from, for messages: `git:v1.0`, `x.descriptor.approved.yaml`. */
  baselineLabel?: string;
  /** Why the approved version named for this descriptor could not be read (`change-needs-application` reports it). */
  baselineProblem?: Localized;
}

interface RuleContext<M extends string = string, F extends string = string> {
  model: Model;
  /** Which approvals, authority and attachments apply: computed once per check for every rule. */
  route: Route;
  /**
   * The approved version of the descriptor, when one was found and read: the engine parses the
   * text it is given (`CheckOptions.baseline`); loading it from a file or git is done outside the rules.
   */
  baseline?: Model;
  options: RuleOptions;
  report(finding: Finding<M, F>): void;
}

export interface RuleMeta<Id extends string = string, M extends string = string, F extends string = string> {
  id: Id;
  severity: Severity;
  /** One line: what the rule checks. */
  description: Localized;
  /** What to do about a finding. */
  remediation: Localized;
  /** Ids into rules/provisions.yaml. */
  provisions: readonly string[];
  /** The seed statement the rule comes from. */
  seed: { file: string; quote: string };
  /**
   * Where the seed is an English page with a Norwegian original (helsedata.no), the original's words,
   * which the Norwegian rule page quotes instead.
   */
  seedNb?: { page: string; url: string; quote: string };
  /** Ids of the fixes the rule offers (empty when there is no mechanical repair). */
  fixes: readonly F[];
  /** Message templates by id, with `{placeholders}` filled from the finding's args. */
  messages: Readonly<Record<M, Localized>>;
}

export interface Rule<Id extends string = string, M extends string = string, F extends string = string> extends RuleMeta<Id, M, F> {
  check(ctx: RuleContext<M, F>): void;
}

/** Keeps the literal ids so the registry can derive `RuleId` and each finding is checked against the rule's own ids. */
export function defineRule<const Id extends string, const M extends string, const F extends string = never>(rule: Rule<Id, M, F>): Rule<Id, M, F> {
  return rule;
}
