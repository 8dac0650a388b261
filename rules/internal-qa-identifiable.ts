import { coarsenTitle } from './domain/vocabulary';
import { findSource, findVariable } from './domain/catalogue';
import { isDirectIdentifier } from './domain/identifiers';
import type { Fix } from './domain/types';
import { defineRule } from './rule';

export default defineRule({
  id: 'internal-qa-identifiable',
  severity: 'warning',
  description: {
    en: 'Internal quality assurance asks for a variable that identifies a person directly.',
    nb: 'Intern kvalitetssikring etterspør en variabel som identifiserer en person direkte.',
  },
  remediation: {
    en: 'Leave out names, national identity numbers, addresses and contact details, or replace them with coarser data; the management decision allows data without identifying characteristics as far as possible.',
    nb: 'Utelat navn, fødselsnummer, adresser og kontaktopplysninger, eller bytt dem ut med grovere data; opplysningene skal så langt mulig gis uten individualiserende kjennetegn.',
  },
  provisions: ['hpl-26', 'gdpr-5-1-c'],
  seed: { file: 'avklare-formal.nb.txt', quote: 'Opplysningene skal så langt det er mulig gis uten individualiserende kjennetegn.' },
  fixes: ['remove-variable', 'coarsen-identifier'],
  messages: {
    identifying: {
      en: '`{name}` identifies a person directly. Internal quality assurance should work without identifying characteristics as far as possible.',
      nb: '`{name}` identifiserer en person direkte. Intern kvalitetssikring skal så langt mulig skje uten individualiserende kjennetegn.',
    },
  },
  check({ model, report }) {
    if (model.purpose.category !== 'internal-quality-assurance') return;
    for (const v of model.variables) {
      const src = findSource(v.source.source);
      const known = src ? findVariable(src, v.name) : undefined;
      // By its name, by `granularity: address`, or because the custodian's list marks it as a direct identifier.
      if (!isDirectIdentifier(v.name, v.granularity) && known?.direct_identifier !== true) continue;
      const fixes: Fix<'remove-variable' | 'coarsen-identifier'>[] = [
        { id: 'remove-variable', title: { en: `Remove \`${v.name ?? 'variable'}\``, nb: `Fjern \`${v.name ?? 'variabelen'}\`` }, edits: [{ op: 'delete', path: v.path }] },
      ];
      const coarser = known?.coarser ?? (v.granularity === 'address' ? 'county' : undefined);
      // Coarsening helps only when the identifier is the level of detail, not the variable itself.
      if (coarser && v.granularity !== undefined && !isDirectIdentifier(v.name)) {
        fixes.push({ id: 'coarsen-identifier', title: coarsenTitle(v.granularity, coarser), edits: [{ op: 'set', path: [...v.path, 'granularity'], value: coarser }] });
      }
      report({ path: v.name !== undefined ? [...v.path, 'name'] : v.path, message: 'identifying', args: { name: v.name ?? 'address' }, fixes });
    }
  },
});
