import type { FixEdit } from './domain/types';
import { defineRule } from './rule';

export default defineRule({
  id: 'population-undefined',
  severity: 'warning',
  description: {
    en: 'A research project does not define its target population and study population.',
    nb: 'Et forskningsprosjekt definerer ikke målpopulasjon og studiepopulasjon.',
  },
  remediation: {
    en: 'Define the target population (whom the questions concern) and the study population (whom the project selects, with inclusion and exclusion criteria).',
    nb: 'Definer målpopulasjonen (hvem spørsmålene gjelder) og studiepopulasjonen (hvem prosjektet velger ut, med inklusjons- og eksklusjonskriterier).',
  },
  provisions: ['gdpr-5-1-c', 'gdpr-89-1'],
  seed: { file: 'helsedata-pii-application.en.txt', quote: 'You need to give a precise definition of the target population and the study population in your application.' },
  fixes: ['insert-population'],
  messages: {
    missing: {
      en: 'Define {missing}: the caseworker needs both the target population and the study population.',
      nb: 'Definer {missing}: saksbehandleren trenger både målpopulasjon og studiepopulasjon.',
    },
  },
  check({ model, route, report }) {
    if (!route.facts.research) return;
    const p = model.population;
    const missing: string[] = [];
    const edits: FixEdit[] = [];
    if (!p.target?.trim()) {
      missing.push('`population.target`');
      edits.push({ op: 'insert', path: ['population'], key: 'target', value: 'Target population to be described' });
    }
    if (!p.study?.trim()) {
      missing.push('`population.study`');
      edits.push({ op: 'insert', path: ['population'], key: 'study', value: 'Study population to be described' });
    }
    if (!missing.length) return;
    const valuesPresent = (p.target !== undefined) || (p.study !== undefined);
    return report(
      {
        path: p.present ? ['population'] : ['purpose'],
        target: 'key',
        message: 'missing',
        args: { missing: missing.join(' / ') },
        fixes: valuesPresent ? [] : [{ id: 'insert-population', title: { en: 'Add placeholders for the target and study population', nb: 'Legg til plassholdere for mål- og studiepopulasjon' }, edits }],
      }
    );
  },
});
