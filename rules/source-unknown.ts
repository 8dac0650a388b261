import { findSource, sourceList } from './domain/catalogue';
import { closest } from './domain/text';
import type { Finding } from './domain/types';
import { defineRule } from './rule';

export default defineRule({
  id: 'source-unknown',
  severity: 'warning',
  description: {
    en: 'A data source names a catalogue id the checker does not know, so no source rule can check it.',
    nb: 'En datakilde bruker en katalog-id kontrollen ikke kjenner, så ingen kilderegler kan sjekke den.',
  },
  remediation: {
    en: 'Use an id from the data source catalogue (rules/sources.yaml); for a source that is not there, use `self-collected` or `quality-register` and describe it.',
    nb: 'Bruk en id fra datakildekatalogen (rules/sources.yaml); for en kilde som ikke finnes der, bruk `self-collected` eller `quality-register` og beskriv den.',
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
    const ids = sourceList.map((s) => s.id);
    for (const ds of model.dataSources) {
      if (ds.source === undefined || findSource(ds.source)) continue;
      const near = closest(ds.source, ids, 3);
      report({
        path: [...ds.path, 'source'],
        message: 'unknown',
        args: {
          source: ds.source,
          hint: near.length ? { en: ` Did you mean \`${near[0]}\`?`, nb: ` Mente du \`${near[0]}\`?` } : '',
        },
        data: { suggestions: near },
        fixes: near.map((id, i) => ({
          id: 'rename-to-catalogue-id',
          title: { en: `Change to \`${id}\``, nb: `Endre til \`${id}\`` },
          preferred: i === 0 && near.length === 1,
          edits: [{ op: 'set', path: [...ds.path, 'source'], value: id }],
        })),
      });
    }
  },
});
