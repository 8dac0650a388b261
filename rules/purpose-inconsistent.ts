import { purposeWords } from './domain/vocabulary';
import { defineRule } from './rule';

const decided = (status: string | undefined) => status === 'granted' || status === 'rejected';

export default defineRule({
  id: 'purpose-inconsistent',
  severity: 'error',
  description: {
    en: 'The purpose stated on the REK approval differs from the descriptor\'s purpose.',
    nb: 'Formålet i REK-godkjenningen er et annet enn formålet i prosjektbeskrivelsen.',
  },
  remediation: {
    en: 'Use one purpose everywhere: in the research protocol, the REK application and the data application.',
    nb: 'Bruk samme formål overalt: i forskningsprotokollen, REK-søknaden og søknaden om data.',
  },
  provisions: ['gdpr-5-1-b', 'hforsknl-9'],
  seed: { file: 'helsedata-pii-application.en.txt', quote: 'the purpose must match in all three places' },
  fixes: ['align-approval-purpose'],
  messages: {
    differs: {
      en: 'The REK approval states the purpose {stated}, but the descriptor\'s purpose is {category}. The purpose must match in the protocol, the REK application and the data application.',
      nb: 'REK-godkjenningen oppgir formålet {stated}, men prosjektbeskrivelsens formål er {category}. Formålet må være likt i protokollen, REK-søknaden og søknaden om data.',
    },
  },
  check({ model, report }) {
    const category = model.purpose.category;
    if (!category) return;
    // REK approves the clinical testing of a decision-support tool as health research: that is the same purpose.
    const testing = model.purpose.product === 'clinical-decision-support' && model.purpose.clinicalTesting === true;
    const same = (stated: string) => stated === category || (testing && stated === 'health-research');
    model.approvals
      .filter((a) => a.kind === 'rek-preapproval' && a.purpose !== undefined && !same(a.purpose))
      .forEach((a) => report({
        path: [...a.path, 'purpose'],
        message: 'differs',
        args: { stated: purposeWords(a.purpose!), category: purposeWords(category) },
        // A decided approval states what REK decided: it is not edited here.
        fixes: decided(a.status)
          ? []
          : [
              {
                id: 'align-approval-purpose',
                title: { en: `Set the purpose in the REK application to \`${category}\``, nb: `Sett formålet i søknaden til REK til ${purposeWords(category).nb}` },
                preferred: true,
                edits: [{ op: 'set', path: [...a.path, 'purpose'], value: category }],
              },
            ],
      }));
  },
});
