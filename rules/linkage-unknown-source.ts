import { closest } from './domain/text';
import { defineRule } from './rule';

export default defineRule({
  id: 'linkage-unknown-source',
  severity: 'error',
  description: {
    en: 'A link names an id that is not one of the descriptor\'s data sources.',
    nb: 'En kobling bruker en id som ikke er en av prosjektbeskrivelsens datakilder.',
  },
  remediation: {
    en: 'Use the local `id` of a data source in `linkage.links`, or add the missing source under `data_sources`.',
    nb: 'Bruk den lokale `id`-en til en datakilde i `linkage.links`, eller legg til kilden under `data_sources`.',
  },
  provisions: ['gdpr-5-1-b'],
  seed: {
    file: 'helsedata-pii-application.en.txt',
    quote: 'The clearer your description of the linkage process between the various data sources/data sets, the easier it is for the caseworkers to understand your project',
  },
  fixes: ['rename-link-id'],
  messages: {
    unknown: {
      en: '`{id}` is not the id of a data source in this descriptor.{hint}',
      nb: '`{id}` er ikke id-en til en datakilde i denne prosjektbeskrivelsen.{hint}',
    },
  },
  check({ model, report }) {
    const ids = model.dataSources.map((d) => d.id).filter((id): id is string => id !== undefined);
    const known = new Set(ids);
    for (const link of model.linkage.links) {
      link.ids.forEach((id, i) => {
        if (known.has(id)) return;
        const near = closest(id, ids, 3);
        report({
          path: [...link.path, i],
          message: 'unknown',
          args: { id, hint: near.length ? { en: ` Did you mean \`${near[0]}\`?`, nb: ` Mente du \`${near[0]}\`?` } : '' },
          fixes: near.map((n) => ({
            id: 'rename-link-id',
            title: { en: `Change to \`${n}\``, nb: `Endre til \`${n}\`` },
            // A near id may be another of the descriptor's sources: a guess.
            guess: true,
            edits: [{ op: 'set', path: [...link.path, i], value: n }],
          })),
        });
      });
    }
  },
});
