import { placeholderText } from './common';
import { findSource, findVariable } from './domain/catalogue';
import { identifierFamily, isDirectIdentifier } from './domain/identifiers';
import { AUTHORITY_OF, AUTHORITY_SHORT } from './domain/routing';
import type { Localized } from './domain/types';
import { defineRule } from './rule';

const ADDRESS: Localized = { en: 'an address', nb: 'en adresse' };
const IDENTIFIER: Localized = { en: 'a direct identifier', nb: 'et direkte kjennetegn' };

export default defineRule({
  id: 'direct-identifier-special-grounds',
  severity: 'warning',
  description: {
    en: 'A name, national identity number, address or other direct identifier is asked for on a route where data are made available without them unless special reasons make them necessary, and no such reasons are stated.',
    nb: 'Navn, fødselsnummer, adresse eller et annet direkte kjennetegn er etterspurt på en søknadsvei der opplysningene gjøres tilgjengelige uten slike kjennetegn med mindre særlige grunner gjør dem nødvendige, og ingen slike grunner er oppgitt.',
  },
  remediation: {
    en: 'Leave the direct identifier out (linkage works on project-specific serial numbers), or state under the variable\'s `special_grounds` the special reasons that make it necessary, in your own words.',
    nb: 'Ta ut det direkte kjennetegnet (kobling skjer på prosjektspesifikke løpenumre), eller oppgi under variabelens `special_grounds` de særlige grunnene som gjør det nødvendig, med egne ord.',
  },
  provisions: ['hpl-29', 'hregl-19a', 'hregl-19e'],
  seed: { file: 'helsedata-pii-application.en.txt', quote: 'As a rule, health information is not made available with personal identity numbers.' },
  seedNb: {
    page: 'helsedata.no, «Begreper» (søknadsveiledning for personidentifiserbare opplysninger)',
    url: 'https://helsedata.no/no/soknadsveiledning/personidentifiserbare-opplysninger/begreper/',
    quote: 'Tilgang til direkte personidentifiserbare opplysninger, navn, fødselsnummer og/eller andre personidentifiserende kjennetegn må begrunnes særskilt.',
  },
  fixes: ['insert-special-grounds'],
  messages: {
    missing: {
      en: '`{name}` is {what}, and no `special_grounds` are stated. {authority} makes data available without it unless special reasons make it necessary: state them in `special_grounds`, or leave the variable out.',
      nb: '`{name}` er {what}, og ingen `special_grounds` er oppgitt. {authority} gjør opplysningene tilgjengelige uten dette med mindre særlige grunner gjør det nødvendig: oppgi grunnene i `special_grounds`, eller ta ut variabelen.',
    },
  },
  check({ model, route, report }) {
    const hds = route.decider === 'helsedataservice';
    if (!route.exemptionNeeded && !hds) return;
    const authority = hds ? 'Helsedataservice' : route.exemptionKind ? AUTHORITY_SHORT[AUTHORITY_OF[route.exemptionKind]] : undefined;
    if (!authority) return;
    const inScope = new Set(route.facts.dispensation.map((s) => s.id));
    for (const v of model.variables) {
      const s = findSource(v.source.source);
      if (!s || !inScope.has(s.id) || v.name === undefined) continue;
      if (!isDirectIdentifier(v.name, v.granularity) && findVariable(s, v.name)?.direct_identifier !== true) continue;
      if (v.specialGrounds !== undefined && v.specialGrounds.trim() !== '') continue;
      const family = identifierFamily(v.name);
      const what: Localized = family ? { en: `a direct identifier (${family.name.en})`, nb: `et direkte kjennetegn (${family.name.nb})` } : v.granularity === 'address' ? ADDRESS : IDENTIFIER;
      const text = placeholderText(model, { en: 'To be written: the special reasons that make this direct identifier necessary', nb: 'Skal skrives: de særlige grunnene som gjør dette direkte kjennetegnet nødvendig' });
      report({
        path: [...v.path, 'name'],
        message: 'missing',
        args: { name: v.name, what, authority },
        fixes: [
          {
            id: 'insert-special-grounds',
            title: { en: 'Add a `special_grounds:` placeholder to write the reasons in', nb: 'Legg til en `special_grounds:`-plassholder å skrive grunnene i' },
            edits: [v.specialGrounds === undefined ? { op: 'insert', path: v.path, key: 'special_grounds', value: text } : { op: 'set', path: [...v.path, 'special_grounds'], value: text }],
          },
        ],
      });
    }
  },
});
