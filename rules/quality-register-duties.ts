import { addApprovalFix, approvalsAnchor, approvalState, hasAttachment, placeholderText } from './common';
import type { Path, Target } from './domain/types';
import { defineRule } from './rule';

/** Words that tell the registered how to object (reservasjonsrett), in English and Norwegian. */
const OBJECTION = /reserv|motsett|object|opt[\s-]?out/i;

export default defineRule({
  id: 'quality-register-duties',
  severity: 'warning',
  description: {
    en: 'A medical quality register being established lacks a duty the regulation sets before it starts: a data protection impact assessment, a plan for informing the registered, or (without consent) how they can object.',
    nb: 'Et medisinsk kvalitetsregister som etableres, mangler en plikt forskriften stiller før oppstart: personvernkonsekvensvurdering, plan for informasjon til de registrerte, eller (uten samtykke) hvordan de kan reservere seg.',
  },
  remediation: {
    en: 'Before the register starts: make a data protection impact assessment and list it as `dpia`; describe in `legal_basis.participant_information` how the registered are informed (before consent, or as soon as possible when data are collected without it) and, without consent, how they exercise their right to object. The regulation also asks the controller to document the register\'s purposes, inclusion criteria, professional council, coverage and release procedures before it starts, and to publish its reasons for registering without consent.',
    nb: 'Før registeret starter: gjennomfør en personvernkonsekvensvurdering og før den opp som `dpia`; beskriv i `legal_basis.participant_information` hvordan de registrerte informeres (før samtykke, eller så snart som mulig når opplysningene samles inn uten samtykke) og, uten samtykke, hvordan de bruker reservasjonsretten. Forskriften krever også at den dataansvarlige dokumenterer registerets formål, inklusjonskriterier, fagråd, dekningsgrad og utleveringsrutiner før oppstart, og offentliggjør begrunnelsen for registrering uten samtykke.',
  },
  provisions: ['kvalitetsregisterforskriften-3-4', 'kvalitetsregisterforskriften-3-5', 'kvalitetsregisterforskriften', 'gdpr-35'],
  seed: { file: 'avklare-formal.nb.txt', quote: 'den registrerte har rett til å motsette seg at opplysningene behandles (reservasjonsrett)' },
  fixes: ['add-dpia', 'insert-participant-information'],
  messages: {
    dpia: {
      en: 'No data protection impact assessment (`dpia`) is listed for the quality register. A quality register processes health data on a large scale: make the assessment before it starts and list it as `dpia` under `approvals`.',
      nb: 'Ingen personvernkonsekvensvurdering (`dpia`) er oppført for kvalitetsregisteret. Et kvalitetsregister behandler helseopplysninger i stort omfang: gjennomfør vurderingen før oppstart og før den opp som `dpia` under `approvals`.',
    },
    information: {
      en: 'Say in `legal_basis.participant_information` how the registered are told about the register{object}.',
      nb: 'Oppgi i `legal_basis.participant_information` hvordan de registrerte får vite om registeret{object}.',
    },
    objection: {
      en: 'Without consent the registered may object to being registered: the information plan must say how they do it.',
      nb: 'Uten samtykke kan de registrerte reservere seg mot registreringen: informasjonsplanen må si hvordan de gjør det.',
    },
  },
  check({ model, route, report }) {
    if (route.family !== 'quality-register') return;
    const withoutConsent = model.legalBasis.consent !== true;
    if (approvalState(model, 'dpia') === 'absent' && !hasAttachment(model, 'dpia')) {
      report({ ...approvalsAnchor(model, ['purpose', 'category']), message: 'dpia', fixes: [addApprovalFix('add-dpia', 'dpia')] });
    }
    const info = model.legalBasis.participantInformation;
    if (info === undefined || info.trim() === '') {
      const anchor: { path: Path; target: Target } = model.legalBasis.present ? { path: ['legal_basis'], target: 'key' } : { path: ['purpose', 'category'], target: 'value' };
      const text = withoutConsent
        ? placeholderText(model, { en: 'To be written: how the registered are informed about the register and how they can object', nb: 'Skal skrives: hvordan de registrerte informeres om registeret, og hvordan de kan reservere seg' })
        : placeholderText(model, { en: 'To be written: how the registered are informed about the register before they consent', nb: 'Skal skrives: hvordan de registrerte informeres om registeret før de samtykker' });
      report({
        ...anchor,
        message: 'information',
        args: { object: withoutConsent ? { en: ' and how they can object', nb: ', og hvordan de kan reservere seg' } : { en: '', nb: '' } },
        fixes: [
          {
            id: 'insert-participant-information',
            title: { en: 'Add a `participant_information:` placeholder', nb: 'Legg til en `participant_information:`-plassholder' },
            edits: [info === undefined ? { op: 'insert', path: ['legal_basis'], key: 'participant_information', value: text } : { op: 'set', path: ['legal_basis', 'participant_information'], value: text }],
          },
        ],
      });
    } else if (withoutConsent && !OBJECTION.test(info)) {
      report({ path: ['legal_basis', 'participant_information'], message: 'objection' });
    }
  },
});
