import { placeholderText } from './common';
import type { Path, Target } from './domain/types';
import { defineRule } from './rule';

export default defineRule({
  id: 'information-duty-missing',
  severity: 'warning',
  description: {
    en: 'Identifiable health data are processed without the project\'s own consent, and the descriptor does not say how the registered persons are told about the project.',
    nb: 'Identifiserbare helseopplysninger behandles uten prosjektets eget samtykke, og prosjektbeskrivelsen sier ikke hvordan de registrerte får vite om prosjektet.',
  },
  remediation: {
    en: 'Say in `legal_basis.participant_information` how the registered persons learn about the project before it starts: a letter to each, or, where that is impossible or takes disproportionate effort, public information such as a project page or a notice, and how they can object. For establishing a quality register, `quality-register-duties` asks for the same under the quality register regulation.',
    nb: 'Oppgi i `legal_basis.participant_information` hvordan de registrerte får vite om prosjektet før det starter: brev til hver enkelt, eller, der det er umulig eller uforholdsmessig krevende, offentlig informasjon som en prosjektside eller en kunngjøring, og hvordan de kan reservere seg. Ved etablering av et kvalitetsregister ber `quality-register-duties` om det samme etter kvalitetsregisterforskriften.',
  },
  provisions: ['gdpr-14', 'hforsknl-39'],
  seed: { file: 'rules.md', quote: 'says how the registered are informed (letter, public notice or project page; GDPR art. 14, hforsknl § 39, kvalitetsregisterforskriften § 3-5)' },
  fixes: ['insert-participant-information'],
  messages: {
    missing: {
      en: '`legal_basis.participant_information` does not say how the registered are told about the project. No consent of the project\'s own covers these data: say how the registered are told about the project (a letter, a public notice or a project page).',
      nb: '`legal_basis.participant_information` sier ikke hvordan de registrerte får vite om prosjektet. Ikke noe samtykke prosjektet selv har innhentet, dekker disse opplysningene: oppgi hvordan de registrerte får vite om prosjektet (brev, kunngjøring eller prosjektside).',
    },
  },
  check({ model, route, report }) {
    // A quality register being established: quality-register-duties asks for the information plan (kvalitetsregisterforskriften § 3-5).
    if (route.family === 'quality-register' || route.family === 'unknown') return;
    if (route.facts.identifiable.length === 0 || route.facts.ownConsent) return;
    const info = model.legalBasis.participantInformation;
    if (info !== undefined && info.trim() !== '') return;
    const anchor: { path: Path; target: Target } = model.legalBasis.present ? { path: ['legal_basis'], target: 'key' } : { path: ['purpose', 'category'], target: 'value' };
    const text = placeholderText(model, { en: 'To be written: how the registered are informed (a letter, a public notice or a project page) and how they can object', nb: 'Skal skrives: hvordan de registrerte informeres (brev, kunngjøring eller prosjektside), og hvordan de kan reservere seg' });
    report({
      ...anchor,
      message: 'missing',
      fixes: [
        {
          id: 'insert-participant-information',
          title: { en: 'Add a `participant_information:` placeholder', nb: 'Legg til en `participant_information:`-plassholder' },
          edits: [info === undefined ? { op: 'insert', path: ['legal_basis'], key: 'participant_information', value: text } : { op: 'set', path: ['legal_basis', 'participant_information'], value: text }],
        },
      ],
    });
  },
});
