import { findSource, foldName, sourceList, sourceNames, type Source } from './domain/catalogue';
import { closest } from './domain/text';
import { defineRule } from './rule';

export default defineRule({
  id: 'source-unknown',
  severity: 'warning',
  description: {
    en: 'A data source names a catalogue id the checker does not know, so no source rule can check it.',
    nb: 'En datakilde bruker en katalog-id kontrollen ikke kjenner, så ingen kilderegler kan sjekke den.',
  },
  remediation: {
    en: 'Use an id from the data source catalogue (docs/sources.md lists every source; its abbreviation or name also works); for a source that is not there, use `self-collected` or `quality-register` and describe it.',
    nb: 'Bruk en id fra datakildekatalogen (docs/sources.md viser alle kildene; forkortelsen eller navnet virker også); for en kilde som ikke finnes der, bruk `self-collected` eller `quality-register` og beskriv den.',
  },
  provisions: ['gdpr-5-1-b'],
  seed: {
    file: 'helsedata-pii-application.en.txt',
    quote: 'you will find it useful to determine the specific data sources and data you wish to access',
  },
  fixes: ['rename-to-catalogue-id'],
  messages: {
    unknown: {
      en: '`{source}` is not in the data source catalogue.{hint}',
      nb: '`{source}` finnes ikke i datakildekatalogen.{hint}',
    },
  },
  check({ model, report }) {
    for (const ds of model.dataSources) {
      if (ds.source === undefined || findSource(ds.source)) continue;
      const near = suggestions(ds.source);
      const first = near.length ? sourceList.find((s) => s.id === near[0]) : undefined;
      report({
        path: [...ds.path, 'source'],
        message: 'unknown',
        args: {
          source: ds.source,
          hint: first ? { en: ` Did you mean \`${first.id}\` (${first.name.en})?`, nb: ` Mente du \`${first.id}\` (${first.name.nb})?` } : '',
        },
        data: { suggestions: near },
        fixes: near.map((id) => ({
          id: 'rename-to-catalogue-id',
          title: { en: `Change to \`${id}\``, nb: `Endre til \`${id}\`` },
          // A near id may be another registry: a guess.
          guess: true,
          edits: [{ op: 'set', path: [...ds.path, 'source'], value: id }],
        })),
      });
    }
  },
});

/** Every name a source can be found by, folded: id, abbreviation, names, other names and search words. */
const lookup = new Map<string, Source[]>();
for (const s of sourceList) {
  for (const n of new Set([...sourceNames(s), ...s.keywords].map((x) => foldName(x)))) lookup.set(n, [...(lookup.get(n) ?? []), s]);
}

/** Catalogue ids near what the user wrote, by any of a source's names; the closest first. */
function suggestions(written: string, limit = 3): string[] {
  const out: string[] = [];
  for (const key of closest(foldName(written), lookup.keys(), limit * 4)) {
    for (const s of lookup.get(key) ?? []) if (!out.includes(s.id)) out.push(s.id);
  }
  return out.slice(0, limit);
}
