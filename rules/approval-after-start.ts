import { defineRule } from './rule';

export default defineRule({
  id: 'approval-after-start',
  severity: 'warning',
  description: {
    en: 'The project period starts before REK has granted its pre-approval.',
    nb: 'Prosjektperioden starter før REK har gitt forhåndsgodkjenning.',
  },
  remediation: {
    en: 'Move `project.period.start` to a date after REK\'s decision, or record the decision (`status: granted` with its `date`) once it is there; the project may not start before.',
    nb: 'Flytt `project.period.start` til en dato etter vedtaket fra REK, eller før opp vedtaket (`status: granted` med `date`) når det foreligger; prosjektet kan ikke starte før.',
  },
  provisions: ['hforsknl-9'],
  seed: { file: 'avklare-formal.nb.txt', quote: 'Må ha etisk forhåndsgodkjenning fra REK før prosjektet kan iverksettes (helseforskningsloven § 9)' },
  fixes: [],
  messages: {
    pending: {
      en: 'The project starts {start}, but REK\'s pre-approval is {status}, not granted; the project may not start before REK has approved it.',
      nb: 'Prosjektet starter {start}, men forhåndsgodkjenningen fra REK er {status}, ikke innvilget; prosjektet kan ikke starte før REK har godkjent det.',
    },
    late: {
      en: 'REK granted the pre-approval on {date}, after the project\'s start {start}; the project may not start before REK has approved it.',
      nb: 'REK ga forhåndsgodkjenning {date}, etter prosjektets oppstart {start}; prosjektet kan ikke starte før REK har godkjent det.',
    },
  },
  check({ model, route, options, report }) {
    const start = model.project.start;
    if (!start || !route.requirements.some((r) => r.kind === 'rek-preapproval')) return;
    const entries = model.approvals.filter((a) => a.kind === 'rek-preapproval' && a.status !== 'rejected');
    if (entries.length === 0) return;
    const granted = entries.filter((a) => a.status === 'granted');
    if (granted.length) {
      const dated = granted.filter((a) => a.date);
      // Granted in time, or granted without a date to compare.
      if (dated.length < granted.length || dated.some((a) => a.date! <= start)) return;
      const first = dated.sort((a, b) => a.date!.localeCompare(b.date!))[0];
      report({ path: [...first.path, 'date'], message: 'late', args: { date: first.date!, start } });
      return;
    }
    // Still to be decided: late once the start date has come.
    if (start > options.today) return;
    const a = entries[0];
    const status = { en: a.status === 'applied' ? 'applied for' : 'only planned', nb: a.status === 'applied' ? 'søkt' : 'bare planlagt' };
    report({ path: ['project', 'period', 'start'], message: 'pending', args: { start, status } });
  },
});
