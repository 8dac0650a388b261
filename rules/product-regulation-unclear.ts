import { defineRule } from './rule';

export default defineRule({
  id: 'product-regulation-unclear',
  severity: 'information',
  description: {
    en: 'The rules for using health data to develop administrative decision support or process automation are unclear.',
    nb: 'Reglene for å bruke helseopplysninger til å utvikle administrativ beslutningsstøtte eller prosessautomatisering er uklare.',
  },
  remediation: {
    en: 'Seek advice early. Consider applying for an exemption under the planning and management rules (administrative decision support) or the quality-improvement rules (process automation).',
    nb: 'Søk råd tidlig. Vurder å søke dispensasjon etter reglene for planlegging og styring (administrativ beslutningsstøtte) eller kvalitetsforbedring (prosessautomatisering).',
  },
  provisions: ['hpl-29', 'hregl-19e'],
  seed: { file: 'avklare-formal.nb.txt', quote: 'Det gjøres oppmerksom på at regelverket for bruk av helseopplysninger til produktutvikling er uklart.' },
  fixes: [],
  messages: {
    administrative: {
      en: 'The rules for developing administrative decision support are unclear. Without consent, consider applying for an exemption under the planning and management rules, and seek advice.',
      nb: 'Reglene for å utvikle administrativ beslutningsstøtte er uklare. Vurder å søke dispensasjon etter reglene for planlegging og styring hvis prosjektet ikke bygger på samtykke, og søk råd.',
    },
    automation: {
      en: 'The rules for process automation are unclear. Without consent, consider applying for an exemption under the quality-improvement rules, and seek advice.',
      nb: 'Reglene for prosessautomatisering er uklare. Vurder å søke dispensasjon etter reglene for kvalitetsforbedring hvis prosjektet ikke bygger på samtykke, og søk råd.',
    },
  },
  check({ model, report }) {
    const p = model.purpose.product;
    if (p === 'administrative-decision-support') return report({ path: ['purpose', 'product'], message: 'administrative' });
    if (p === 'process-automation') return report({ path: ['purpose', 'product'], message: 'automation' });
    return;
  },
});
