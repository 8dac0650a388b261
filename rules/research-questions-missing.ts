import type { FixEdit } from './domain/types';
import { defineRule } from './rule';

export default defineRule({
  id: 'research-questions-missing',
  severity: 'warning',
  description: {
    en: 'A research project states no research questions or no study design.',
    nb: 'Et forskningsprosjekt oppgir ingen forskningsspørsmål eller intet studiedesign.',
  },
  remediation: {
    en: 'Add clearly defined research questions and the study design; they let the caseworker judge which data is relevant.',
    nb: 'Legg til tydelig avgrensede forskningsspørsmål og studiedesign; de lar saksbehandleren vurdere hvilke data som er relevante.',
  },
  provisions: ['gdpr-5-1-b', 'gdpr-5-1-c'],
  seed: {
    file: 'helsedata-pii-application.en.txt',
    quote: 'Clearly defined research questions and a study design will help the caseworkers understand the purpose of your project',
  },
  seedNb: { page: 'helsedata.no, «Før du skriver søknad»', url: 'https://helsedata.no/soknadshjelp/for-soknad/', quote: 'Har du et tydelig forskningsspørsmål og en definert plan for studiedesign, vil saksbehandleren din forstå problemstillingen din – og hva slags data som er relevant for den – mye raskere.' },
  fixes: ['insert-research-questions'],
  messages: {
    missing: {
      en: 'A research project should state {missing}; clear questions and design help the caseworker find the relevant data.',
      nb: 'Et forskningsprosjekt bør oppgi {missing}; tydelige spørsmål og design hjelper saksbehandleren å finne relevante data.',
    },
  },
  check({ model, route, report }) {
    if (!route.facts.research || !model.purpose.present) return;
    const rq = model.purpose.researchQuestions;
    const hasQuestions = Array.isArray(rq) ? rq.some((q) => typeof q === 'string' && q.trim() !== '') : typeof rq === 'string' && rq.trim() !== '';
    const missing: string[] = [];
    const edits: FixEdit[] = [];
    if (!hasQuestions) {
      missing.push('`research_questions`');
      if (rq === undefined) edits.push({ op: 'insert', path: ['purpose'], key: 'research_questions', value: ['Research question to be written'] });
    }
    if (!model.purpose.studyDesign) {
      missing.push('`study_design`');
      edits.push({ op: 'insert', path: ['purpose'], key: 'study_design', value: 'other' });
    }
    if (!missing.length) return;
    return report(
      {
        path: ['purpose'],
        target: 'key',
        message: 'missing',
        args: { missing: missing.join(' / ') },
        fixes: edits.length
          ? [{ id: 'insert-research-questions', title: { en: 'Add placeholders for the research questions and study design', nb: 'Legg til plassholdere for forskningsspørsmål og studiedesign' }, edits }]
          : [],
      }
    );
  },
});
