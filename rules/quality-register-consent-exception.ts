import { CONSENT_EXCEPTION_CONDITIONS, CONSENT_EXCEPTION_TEXT as TEXT } from './domain/vocabulary';
import { defineRule } from './rule';


export default defineRule({
  id: 'quality-register-consent-exception',
  severity: 'error',
  description: {
    en: 'A quality register without consent does not state that all four conditions for the exception hold.',
    nb: 'Et kvalitetsregister uten samtykke oppgir ikke at alle fire vilkår for unntak fra samtykke er oppfylt.',
  },
  remediation: {
    en: 'Base the register on consent, or show that all four conditions hold under `quality_register.consent_exception`.',
    nb: 'Bygg registeret på samtykke, eller vis at alle fire vilkår er oppfylt under `quality_register.consent_exception`.',
  },
  provisions: ['kvalitetsregisterforskriften', 'gdpr-9-2'],
  seed: { file: 'avklare-formal.nb.txt', quote: 'Unntak fra samtykkekravet gjelder når følgende vilkår er oppfylt' },
  fixes: ['insert-quality-register-conditions'],
  messages: {
    notMet: {
      en: 'Without consent, a quality register needs all four conditions, but `{key}` is not met. The condition is that {condition}.',
      nb: 'Uten samtykke må et kvalitetsregister oppfylle alle fire vilkår, men `{key}` er ikke oppfylt. Vilkåret er at {condition}.',
    },
    missing: {
      en: 'Without consent, a quality register must state all four exception conditions; missing: {missing}.',
      nb: 'Uten samtykke må et kvalitetsregister oppgi alle fire unntaksvilkår; mangler: {missing}.',
    },
  },
  check({ model, report }) {
    if (model.purpose.category !== 'quality-register' || model.legalBasis.consent === true) return;
    const qr = model.qualityRegister;
    const ce = qr && typeof qr.consent_exception === 'object' && qr.consent_exception !== null ? (qr.consent_exception as Record<string, unknown>) : undefined;
    const missing: string[] = [];
    for (const k of CONSENT_EXCEPTION_CONDITIONS) {
      if (ce?.[k] === false) report({ path: ['quality_register', 'consent_exception', k], message: 'notMet', args: { key: k, condition: TEXT[k] } });
      else if (ce?.[k] !== true) missing.push(k);
    }
    if (missing.length) {
      const path = ce ? ['quality_register', 'consent_exception'] : qr ? ['quality_register'] : ['purpose', 'category'];
      report({
        path,
        target: ce || qr ? 'key' : 'value',
        message: 'missing',
        args: { missing: missing.join(', ') },
        fixes: [
          {
            id: 'insert-quality-register-conditions',
            title: { en: 'Add the missing conditions as true (confirm each one)', nb: 'Legg til manglende vilkår som true (bekreft hvert av dem)' },
            edits: ce
              ? missing.map((k) => ({ op: 'insert' as const, path: ['quality_register', 'consent_exception'], key: k, value: true }))
              : [{ op: 'insert' as const, path: qr ? ['quality_register'] : [], key: qr ? 'consent_exception' : 'quality_register', value: qr ? Object.fromEntries(missing.map((k) => [k, true])) : { consent_exception: Object.fromEntries(missing.map((k) => [k, true])) } }],
          },
        ],
      });
    }
  },
});
