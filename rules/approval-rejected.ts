import type { Localized } from './domain/types';
import { approvalState } from './common';
import { defineRule } from './rule';

/** What a rejection means and what to do after it, per kind of approval: the sentences after the first. */
const NEXT: Record<string, Localized> = {
  'rek-preapproval': {
    en: 'The project may not start on it: change the project as REK\'s decision explains and apply again, or appeal the decision as the letter describes',
    nb: 'Prosjektet kan ikke starte på den: endre prosjektet slik vedtaket fra REK forklarer og søk på nytt, eller klag på vedtaket slik brevet beskriver',
  },
  'rek-exemption': {
    en: 'The data may not be used without consent on it: apply again with the changes REK asks for, base the project on consent, or appeal',
    nb: 'Dataene kan ikke brukes uten samtykke på grunnlag av den: søk på nytt med endringene REK ber om, bygg prosjektet på samtykke, eller klag',
  },
  'helsedir-exemption': {
    en: 'The data may not be used without consent on it: apply again with the changes Helsedirektoratet asks for, base the project on consent, or appeal',
    nb: 'Dataene kan ikke brukes uten samtykke på grunnlag av den: søk på nytt med endringene Helsedirektoratet ber om, bygg prosjektet på samtykke, eller klag',
  },
  'helsedataservice-exemption': {
    en: 'No data will be made available on it: apply again through helsedata.no with the changes the decision asks for, or appeal (appeals on Helsedataservice\'s decisions go to FHI)',
    nb: 'Ingen data blir tilgjengeliggjort på grunnlag av den: søk på nytt via helsedata.no med endringene vedtaket ber om, eller klag (klager på vedtak fra Helsedataservice går til FHI)',
  },
};
const OTHER: Localized = {
  en: 'It does not count: resolve what the decision points out and record the new decision',
  nb: 'Den teller ikke: rett opp det vedtaket peker på, og før opp det nye vedtaket',
};

export default defineRule({
  id: 'approval-rejected',
  severity: 'error',
  description: {
    en: 'An approval the project needs was rejected, and no new one is listed: a rejected approval is not an approval.',
    nb: 'En godkjenning prosjektet trenger, er avslått, og ingen ny er oppført: en avslått godkjenning er ingen godkjenning.',
  },
  remediation: {
    en: 'Read the decision, change the project where it asks, and apply again (list the new application with `status: applied`), or appeal the decision.',
    nb: 'Les vedtaket, endre prosjektet der det ber om det, og søk på nytt (før opp den nye søknaden med `status: applied`), eller klag på vedtaket.',
  },
  provisions: ['hforsknl-9', 'hpl-29', 'hds-forskrift-7'],
  seed: { file: 'avklare-formal.nb.txt', quote: 'Må ha etisk forhåndsgodkjenning fra REK før prosjektet kan iverksettes (helseforskningsloven § 9)' },
  fixes: [],
  messages: {
    rejected: {
      en: '`{kind}` was rejected{reference}, and the project needs it. {next}.',
      nb: '`{kind}` er avslått{reference}, og prosjektet trenger den. {next}.',
    },
  },
  check({ model, route, report }) {
    for (const req of route.requirements) {
      if (req.level !== 'required' || approvalState(model, req.kind) !== 'rejected') continue;
      const last = model.approvals.filter((a) => a.kind === req.kind).pop()!;
      report({
        path: [...last.path, 'status'],
        message: 'rejected',
        args: { kind: req.kind, reference: last.reference ? ` (${last.reference})` : '', next: NEXT[req.kind] ?? OTHER },
      });
    }
  },
});
