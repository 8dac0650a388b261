import type { Fix } from './domain/types';
import { coarsenTitle } from './domain/vocabulary';
import { defineRule } from './rule';

export default defineRule({
  id: 'variable-exact-date',
  severity: 'warning',
  description: {
    en: 'A variable is requested with exact dates, which make people easier to identify.',
    nb: 'En variabel er etterspurt med eksakte datoer, som gjør personer lettere å identifisere.',
  },
  remediation: {
    en: 'Ask for the month or the year instead; when sources are linked, agree reference dates with the custodians (`linkage.reference_dates: true`) so intervals are kept without real dates.',
    nb: 'Etterspør måned eller år i stedet; når kilder kobles, avtal referansedatoer med registerforvalterne (`linkage.reference_dates: true`) slik at intervallene beholdes uten de virkelige datoene.',
  },
  provisions: ['gdpr-5-1-c', 'gdpr-89-1'],
  seed: {
    file: 'helsedata-pii-application.en.txt',
    quote: 'Dates can be particularly sensitive because they may make it possible to identify individuals.',
  },
  seedNb: { page: 'helsedata.no, «Før du skriver søknad»', url: 'https://helsedata.no/soknadshjelp/for-soknad/', quote: 'Datoer er vurdert som spesielt sensitive ettersom du kan se på forløp over tid.' },
  fixes: ['coarsen-to-month', 'coarsen-to-year', 'use-reference-dates'],
  messages: {
    exact: {
      en: '`{name}` is requested as an exact date, which can identify a person. Ask for the month or year, or use reference dates when sources are linked.',
      nb: '`{name}` er etterspurt som eksakt dato, som kan identifisere en person. Etterspør måned eller år, eller bruk referansedatoer når kilder kobles.',
    },
  },
  check({ model, report }) {
    if (model.linkage.referenceDates === true) return;
    const linked = model.linkage.links.length > 0;
    for (const v of model.variables) {
      if (v.granularity !== 'date') continue;
      const at = [...v.path, 'granularity'];
      const fixes: Fix<'coarsen-to-month' | 'coarsen-to-year' | 'use-reference-dates'>[] = [
        {
          id: 'coarsen-to-month',
          title: coarsenTitle('date', 'month'),
          edits: [{ op: 'set', path: at, value: 'month' }],
        },
        {
          id: 'coarsen-to-year',
          title: coarsenTitle('date', 'year'),
          edits: [{ op: 'set', path: at, value: 'year' }],
        },
      ];
      if (linked) {
        fixes.push({
          id: 'use-reference-dates',
          title: { en: 'Recode dates against reference dates (`linkage.reference_dates: true`)', nb: 'Omkod datoer mot referansedatoer (`linkage.reference_dates: true`)' },
          edits: model.raw.linkage && typeof model.raw.linkage === 'object' && 'reference_dates' in (model.raw.linkage as object)
            ? [{ op: 'set', path: ['linkage', 'reference_dates'], value: true }]
            : [{ op: 'insert', path: ['linkage'], key: 'reference_dates', value: true }],
        });
      }
      report({ path: at, message: 'exact', args: { name: v.name ?? `data_sources[${v.sourceIndex}].variables[${v.index}]` }, fixes });
    }
  },
});
