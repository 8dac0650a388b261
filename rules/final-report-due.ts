import { addApprovalFix, finalReportSent } from './common';
import { defineRule } from './rule';

export default defineRule({
  id: 'final-report-due',
  severity: 'warning',
  description: {
    en: 'A research project approved by REK has passed its end date, and no final report to REK is listed as sent.',
    nb: 'Et forskningsprosjekt godkjent av REK har passert sluttdatoen, og ingen sluttmelding til REK er oppført som sendt.',
  },
  remediation: {
    en: 'Send REK the final report (sluttmelding) and list it under `approvals` as `final-report` with `status: applied` (or `granted` once REK has acknowledged it), or give the date it was sent as `project.final_report_sent`. If the project goes on, apply to REK for a change of the end date (søknad om endring) and update `project.period.end`.',
    nb: 'Send REK sluttmeldingen og før den opp under `approvals` som `final-report` med `status: applied` (eller `granted` når REK har bekreftet den), eller oppgi datoen den ble sendt som `project.final_report_sent`. Fortsetter prosjektet, søk REK om endring av sluttdatoen (søknad om endring) og oppdater `project.period.end`.',
  },
  provisions: ['hforsknl-12', 'hforsknl-11'],
  seed: { file: 'spki-users-guide.en.txt', quote: 'How to handle data at the end of a project?' },
  fixes: ['add-final-report'],
  messages: {
    due: {
      en: 'The project ended on {end}, and no final report to REK is listed. Send REK the final report and list it as `final-report` with `status: applied`, or apply to REK for a later end date.',
      nb: 'Prosjektet sluttet {end}, og ingen sluttmelding til REK er oppført. Send REK sluttmeldingen og før den opp som `final-report` med `status: applied`, eller søk REK om endring til en senere sluttdato.',
    },
    planned: {
      en: 'The project ended on {end} and the final report to REK is only planned: send it and set its `status: applied`.',
      nb: 'Prosjektet sluttet {end}, og sluttmeldingen til REK er bare planlagt: send den og sett `status: applied`.',
    },
  },
  check({ model, route, options, report }) {
    if (!route.requirements.some((r) => r.kind === 'rek-preapproval' || r.kind === 'rek-protocol-notice')) return;
    const end = model.project.end;
    if (!end || !/^\d{4}-\d{2}-\d{2}$/.test(end) || end >= options.today) return;
    if (finalReportSent(model) !== undefined) return;
    // Listed as planned (the quick fix's entry, or the user's own): the reminder stays until it is sent.
    if (model.approvals.some((a) => a.kind === 'final-report')) return report({ path: ['project', 'period', 'end'], message: 'planned', args: { end } });
    report({ path: ['project', 'period', 'end'], message: 'due', args: { end }, fixes: [addApprovalFix('add-final-report', 'final-report')] });
  },
});
