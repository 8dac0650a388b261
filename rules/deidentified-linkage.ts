import { findSource } from './domain/catalogue';
import { defineRule } from './rule';

export default defineRule({
  id: 'deidentified-linkage',
  severity: 'error',
  description: {
    en: 'A de-identified registry (NOIS, NORM, RAVN, the abortion registry) is linked with another source.',
    nb: 'Et avidentifisert register (NOIS, NORM, RAVN, abortregisteret) kobles med en annen kilde.',
  },
  remediation: {
    en: 'Remove the link: de-identified registries cannot be linked with other sources, self-collected data or biological material. Analyse them separately.',
    nb: 'Fjern koblingen: avidentifiserte registre kan ikke kobles med andre kilder, egeninnsamlede data eller biologisk materiale. Analyser dem hver for seg.',
  },
  provisions: ['hregl-9b'],
  seed: {
    file: 'helsedata-pii-application.en.txt',
    quote: 'NOIS, NORM, RAVN and the Norwegian Abortion Register are de-identified registries and cannot be linked to other sources, self-collected data or biological material.',
  },
  fixes: ['remove-link'],
  messages: {
    linked: {
      en: '{source} is de-identified and cannot be linked with other sources. Remove this link.',
      nb: '{source} er avidentifisert og kan ikke kobles med andre kilder. Fjern denne koblingen.',
    },
    model: {
      en: '{short} is de-identified and cannot be linked, but `linkage.model: {model}` links it with the other sources. Use the data from {source} on their own (`linkage.model: none`) or drop the source.',
      nb: '{short} er avidentifisert og kan ikke kobles, men `linkage.model: {model}` kobler den med de andre kildene. Bruk dataene fra {source} for seg (`linkage.model: none`) eller ta kilden ut.',
    },
  },
  check({ model, report }) {
    const byId = new Map(model.dataSources.filter((d) => d.id).map((d) => [d.id!, d]));
    let linkedByLinks = false;
    for (const link of model.linkage.links) {
      link.ids.forEach((id, i) => {
        const s = findSource(byId.get(id)?.source);
        if (!s || s.linkable) return;
        linkedByLinks = true;
        report({
          path: [...link.path, i],
          message: 'linked',
          args: { source: { en: s.name.en, nb: s.name.nb } },
          fixes: [{ id: 'remove-link', title: { en: 'Remove this link', nb: 'Fjern denne koblingen' }, edits: [{ op: 'delete', path: link.path }] }],
        });
      });
    }
    // Linked by the model alone: a linkage model over several sources with no `links` listed, one of them de-identified.
    const model_ = model.linkage.model;
    const raw = model.raw.linkage;
    const linksListed = typeof raw === 'object' && raw !== null && 'links' in raw;
    if (linkedByLinks || linksListed || model.dataSources.length < 2 || (model_ !== 'centralized' && model_ !== 'distributed')) return;
    for (const d of model.dataSources) {
      const s = findSource(d.source);
      if (!s || s.linkable) continue;
      // The short name in the first sentence (a full name can be 85 characters), the full name after it.
      const short = { en: s.abbreviation ?? s.name.en, nb: s.abbreviation ?? s.name.nb };
      report({ path: [...d.path, 'source'], message: 'model', args: { source: { en: s.name.en, nb: s.name.nb }, short, model: model_ } });
    }
  },
});
