import { findSource, findVariable, variableNames, type Source } from './domain/catalogue';
import { closest } from './domain/text';
import { defineRule } from './rule';

export default defineRule({
  id: 'variable-unknown',
  severity: 'information',
  description: {
    en: 'A variable name is not among the variables the catalogue knows for its source.',
    nb: 'Et variabelnavn finnes ikke blant variablene katalogen kjenner for kilden.',
  },
  remediation: {
    en: 'Use the custodian\'s variable names from its variable documentation; that lets the caseworker find the data quickly.',
    nb: 'Bruk registerforvalterens variabelnavn fra variabeldokumentasjonen; da finner saksbehandleren dataene raskere.',
  },
  provisions: ['gdpr-5-1-c'],
  seed: {
    file: 'helsedata-pii-application.en.txt',
    quote: 'we recommend that you use the variable names from the variable documentation provided by the data custodian',
  },
  fixes: ['rename-variable'],
  messages: {
    unknown: {
      en: '`{name}` is not a known variable of {source}.{hint}',
      nb: '`{name}` er ikke en kjent variabel i {source}.{hint}',
    },
  },
  check({ model, report }) {
    let unknown = 0;
    for (const v of model.variables) {
      const s = findSource(v.source.source);
      if (!s || s.variables.length === 0 || v.name === undefined) continue;
      // A variable's name, one of its aliases or the custodian's spelling, in any case.
      if (findVariable(s, v.name)) continue;
      // Hundreds of unknown names are not typos: past that many, no "did you mean" is looked for.
      const near = ++unknown <= SUGGEST_AT_MOST ? suggestions(s, variableNames(s), v.name) : [];
      report({
        path: [...v.path, 'name'],
        message: 'unknown',
        args: {
          name: v.name,
          source: { en: s.name.en, nb: s.name.nb },
          hint: near.length ? { en: ` Did you mean \`${near[0]}\`?`, nb: ` Mente du \`${near[0]}\`?` } : '',
        },
        fixes: near.map((n) => ({
          id: 'rename-variable',
          title: { en: `Rename to \`${n}\``, nb: `Gi nytt navn: \`${n}\`` },
          // Another catalogue variable near the name may be another variable (`date_of_death`, `date_of_birth`).
          guess: true,
          edits: [{ op: 'set', path: [...v.path, 'name'], value: n }],
        })),
      });
    }
  },
});

/** How many unknown variables of one descriptor get a "did you mean". */
const SUGGEST_AT_MOST = 200;

/** Near names for an unknown variable. Remembered, since the same names come back on every keystroke. */
const nearCache = new Map<string, string[]>();
const NEAR_CACHE_MAX = 10_000;
function suggestions(s: Source, names: readonly string[], name: string): string[] {
  const key = `${s.id}\u0000${name}`;
  let near = nearCache.get(key);
  if (!near) {
    near = closest(name, names, 3);
    if (nearCache.size >= NEAR_CACHE_MAX) nearCache.clear();
    nearCache.set(key, near);
  }
  return near;
}
