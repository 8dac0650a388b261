import { defineRule } from './rule';

export default defineRule({
  id: 'security-measures-missing',
  severity: 'warning',
  description: {
    en: 'The descriptor names no security measures protecting the data.',
    nb: 'Prosjektbeskrivelsen oppgir ingen sikkerhetstiltak som beskytter dataene.',
  },
  remediation: {
    en: 'List the measures under `data_management.security_measures` (access control, logging, encryption, secure storage).',
    nb: 'Beskriv tiltakene under `data_management.security_measures` (tilgangsstyring, logging, kryptering, sikker lagring).',
  },
  provisions: ['gdpr-5-1-f'],
  seed: { file: 'helsedata-pii-application.en.txt', quote: 'How the principle of integrity and confidentiality is maintained.' },
  fixes: ['insert-security-measures'],
  messages: {
    missing: {
      en: 'List the security measures that protect the data against loss, alteration and unauthorised access (integrity and confidentiality).',
      nb: 'Beskriv sikkerhetstiltakene som beskytter dataene mot tap, endring og uautorisert tilgang (integritet og konfidensialitet).',
    },
  },
  check({ model, report }) {
    const sm = model.dataManagement.securityMeasures;
    const present = Array.isArray(sm) ? sm.length > 0 : typeof sm === 'string' && sm.trim() !== '';
    if (present) return;
    return report(
      {
        path: model.dataManagement.present ? ['data_management'] : ['project'],
        target: 'key',
        message: 'missing',
        fixes: sm === undefined
          ? [{ id: 'insert-security-measures', title: { en: 'Add a placeholder list of security measures', nb: 'Legg til en plassholderliste med sikkerhetstiltak' }, edits: [{ op: 'insert', path: ['data_management'], key: 'security_measures', value: ['access control', 'access log'] }] }]
          : [],
      }
    );
  },
});
