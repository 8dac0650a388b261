import { defineRule } from './rule';

export default defineRule({
  id: 'iplos-linkage',
  severity: 'warning',
  description: {
    en: 'IPLOS is linked with other sources; linked IPLOS data is released only without recognisable persons.',
    nb: 'IPLOS kobles med andre kilder; koblede IPLOS-data utleveres bare uten gjenkjennbare personer.',
  },
  remediation: {
    en: 'Plan the analysis for data in which no person can be recognised, or ask the custodian which linked IPLOS data can be released; IPLOS is a pseudonymous register.',
    nb: 'Legg opp analysen for data der ingen personer kan gjenkjennes, eller spør registerforvalteren hvilke koblede IPLOS-data som kan utleveres; IPLOS er et pseudonymt register.',
  },
  provisions: ['iplos-forskrift-5-3'],
  seed: {
    file: 'helsedata-pii-application.en.txt',
    quote: 'If you request variables and information at a level that makes the individuals indirectly identifiable, the application may have to be adjusted to safeguard privacy.',
  },
  seedNb: { page: 'helsedata.no, «Søknadshjelp: personidentifiserbare opplysninger»', url: 'https://helsedata.no/no/soknadshjelp-personidentifiserbare/', quote: 'Dersom du ber om variabler og opplysninger på et nivå som innebærer at personene blir indirekte identifiserbare kan det være at søknaden må justeres for å ivareta personvernet.' },
  fixes: [],
  messages: {
    linked: {
      en: 'IPLOS is linked with other sources here; the IPLOS regulation lets linked data be released only in a form where no person can be recognised.',
      nb: 'IPLOS kobles her med andre kilder; IPLOS-forskriften tillater bare at koblede data utleveres i en form der ingen personer kan gjenkjennes.',
    },
  },
  check({ model, report }) {
    const iplos = new Set(model.dataSources.filter((d) => d.source === 'iplos' && d.id).map((d) => d.id!));
    for (const link of model.linkage.links) {
      const i = link.ids.findIndex((id) => iplos.has(id));
      if (i >= 0 && link.ids.some((id) => !iplos.has(id))) report({ path: [...link.path, i], message: 'linked' });
    }
  },
});
