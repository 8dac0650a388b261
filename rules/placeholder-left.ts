import { isPlaceholder } from './domain/placeholders';
import type { Path } from './domain/types';
import { defineRule } from './rule';

/** Every text value in the descriptor, with its path; each collection once (an alias may make the value a graph). */
function* texts(value: unknown, path: Path, seen = new WeakSet<object>()): Generator<{ path: Path; text: string }> {
  if (typeof value === 'string') yield { path, text: value };
  else if (value !== null && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* texts(v, [...path, i], seen);
    else for (const [k, v] of Object.entries(value)) yield* texts(v, [...path, k], seen);
  }
}

export default defineRule({
  id: 'placeholder-left',
  severity: 'warning',
  description: {
    en: 'A value is still the placeholder text a template put there, or a data source lists no variables: the draft is not finished.',
    nb: 'En verdi er fortsatt plassholderteksten fra en mal, eller en datakilde har ingen variabler: utkastet er ikke ferdig.',
  },
  remediation: {
    en: 'Replace the placeholder with what applies to this project, and list the variables the project needs from each source, with the custodian\'s names.',
    nb: 'Erstatt plassholderen med det som gjelder for dette prosjektet, og før opp variablene prosjektet trenger fra hver kilde, med registerforvalterens navn.',
  },
  provisions: ['gdpr-5-1-c'],
  seed: {
    file: 'helsedata-pii-application.en.txt',
    quote: 'When compiling the list of variables you require, we recommend that you use the variable names from the variable documentation provided by the data custodian.',
  },
  fixes: [],
  messages: {
    placeholder: {
      en: '`{text}` is still the template\'s placeholder: write what applies to this project.',
      nb: '`{text}` er fortsatt malens plassholder: skriv det som gjelder for dette prosjektet.',
    },
    'no-variables': {
      en: 'No variables are listed for `{source}`. An application for data names each variable it needs.',
      nb: 'Ingen variabler er oppført for `{source}`. En søknad om data nevner hver variabel den trenger.',
    },
  },
  check({ model, report }) {
    for (const { path, text } of texts(model.raw, [])) {
      if (isPlaceholder(text)) report({ path, target: 'value', message: 'placeholder', args: { text: text.trim() } });
    }
    const raw = Array.isArray(model.raw.data_sources) ? (model.raw.data_sources as unknown[]) : [];
    for (const ds of model.dataSources) {
      const entry = raw[ds.index];
      const listed = entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>).variables : undefined;
      if (Array.isArray(listed) && listed.length === 0) report({ path: [...ds.path, 'variables'], target: 'key', message: 'no-variables', args: { source: ds.id ?? ds.source ?? `data_sources[${ds.index}]` } });
    }
  },
});
