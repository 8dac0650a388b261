/**
 * A source's access in words, once for the hover card, completion and the source-unknown hint:
 * who decides, how to apply, who grants the exemption from confidentiality.
 */
import { sources, type Source } from './catalogue';
import { AUTHORITY_NAME } from './routing';
import { pick } from './text';
import type { Lang } from './types';

export function decidesText(s: Source, lang: Lang): string {
  return s.access.decider === 'helsedataservice'
    ? pick({ en: 'Helsedataservice decides access and the exemption from confidentiality', nb: 'Helsedataservice avgjør tilgang og dispensasjon fra taushetsplikten' }, lang)
    : pick({ en: `the custodian (${s.custodian.now}) decides access`, nb: `registerforvalteren (${s.custodian.now}) avgjør tilgang` }, lang);
}

export function applyText(s: Source, lang: Lang): string {
  return s.access.apply_via === 'helsedata-form'
    ? pick({ en: 'apply with the form on helsedata.no', nb: 'søk med skjemaet på helsedata.no' }, lang)
    : pick({ en: "apply with the custodian's own form or process", nb: 'søk med registerforvalterens eget skjema eller opplegg' }, lang);
}

/** Who grants the exemption from confidentiality, when the catalogue says and it is not who decides access. */
export function dispensationText(s: Source, lang: Lang): string | undefined {
  const d = s.access.dispensation;
  if (!d || (d === 'helsedataservice' && s.access.decider === 'helsedataservice')) return undefined;
  return pick(AUTHORITY_NAME[d], lang);
}

/**
 * What a user should know about how sure the entry is, in plain words: nothing when it was confirmed
 * on the custodian's page; else that some facts could not be confirmed and the custodian is the one to ask.
 */
export function sourceCaveat(s: Source, lang: Lang): string | undefined {
  if (s.confidence.status === 'confirmed') return undefined;
  return pick(
    {
      en: `Some facts in this entry could not be confirmed on the custodian's page; check them with ${s.custodian.now} before you apply.`,
      nb: `Noen opplysninger i denne oppføringen kunne ikke bekreftes på registerforvalterens side; sjekk dem med ${s.custodian.now} før du søker.`,
    },
    lang,
  );
}

/** The central register a source sits under, by name. */
export function parentName(s: Source, lang: Lang): string | undefined {
  const p = s.parent ? sources.get(s.parent) : undefined;
  return p ? `${p.name[lang]}${p.abbreviation ? ` (${p.abbreviation})` : ''}` : undefined;
}
