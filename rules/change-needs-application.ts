import { actionsFor, changeFacts } from './domain/change-requests';
import { diffModels } from './domain/changes';
import { routeFor } from './domain/routing';
import type { Localized } from './domain/types';
import { defineRule } from './rule';

/** "a; b and c" in the user's language, from localized parts. */
function joined(parts: Localized[]): Localized {
  const join = (xs: string[], and: string) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join('; ')}${and}${xs[xs.length - 1]}`);
  return { en: join(parts.map((p) => p.en), '; and '), nb: join(parts.map((p) => p.nb), '; og ') };
}

export default defineRule({
  id: 'change-needs-application',
  severity: 'warning',
  description: {
    en: 'The descriptor has changed since the approved version in a way that must be applied for or reported before it takes effect.',
    nb: 'Prosjektbeskrivelsen er endret siden den godkjente versjonen på en måte som må søkes om eller meldes før endringen tas i bruk.',
  },
  remediation: {
    en: 'Send the change application or change request the finding names (with the current case number), update the documents it names, and record the new approval; or revert to the approved value.',
    nb: 'Send søknaden om endring eller endringsmeldingen funnet nevner (med gjeldende saksnummer), oppdater dokumentene det nevner, og før opp den nye godkjenningen; eller tilbakestill til godkjent verdi.',
  },
  provisions: ['hforsknl-11', 'hds-forskrift-7', 'hregl-19a', 'hpl-29', 'hregl-19e', 'gdpr-35', 'gdpr-6-1', 'gdpr-9-2'],
  seed: {
    file: 'helsedata-pii-application.en.txt',
    quote: 'Some changes may require you to submit a new application or submit updated documentation.',
  },
  fixes: ['revert-to-approved'],
  messages: {
    changed: {
      en: 'Changed since the approved version ({label}): {change}. Before it takes effect this needs {needs}.',
      nb: 'Endret siden den godkjente versjonen ({label}): {change}. Før endringen tas i bruk, trengs {needs}.',
    },
    unreadable: {
      en: 'The approved version ({label}) could not be read: {problem}. Changes since approval are not checked.',
      nb: 'Den godkjente versjonen ({label}) kunne ikke leses: {problem}. Endringer siden godkjenningen blir ikke sjekket.',
    },
  },
  check({ model, baseline, route, options, report }) {
    const label = options.baselineLabel ? `\`${options.baselineLabel}\`` : 'baseline';
    if (options.baselineProblem) {
      const entry = model.raw.baseline !== undefined;
      report({ path: entry ? ['baseline'] : [], target: entry ? 'value' : 'key', message: 'unreadable', args: { label, problem: options.baselineProblem } });
    }
    if (!baseline) return;
    const facts = changeFacts(model, baseline, route, routeFor(baseline, options.today));
    for (const change of diffModels(baseline, model)) {
      const actions = actionsFor(change, facts);
      // A change that touches no approval (a coarser variable, a variable of the institution's own records) needs nothing.
      if (actions.length === 0) continue;
      report({
        path: change.path,
        target: change.target,
        message: 'changed',
        args: { label, change: change.what, needs: joined(actions.map((a) => a.text)) },
        fixes: [
          {
            id: 'revert-to-approved',
            title: { en: 'Revert to the approved value', nb: 'Tilbakestill til godkjent verdi' },
            // Never part of fix-all: the change may be exactly what the project needs.
            preferred: false,
            edits: change.revert,
          },
        ],
        // Hover shows the approved value; null when the approved version did not have it.
        data: { approved: change.before ?? null, change: change.kind },
      });
    }
  },
});
