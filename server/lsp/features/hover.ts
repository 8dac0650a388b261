/** Hover: what a key means, what a value means (with its route), the catalogue card of a source, and the law behind a finding. */
import type { Hover } from 'vscode-languageserver';
import { ruleMetas } from '../../../rules';
import { findSource, lawCurrentTo, provisions, type Source } from '../../../rules/domain/catalogue';
import { schema, schemaAt } from '../../engine/schema';
import type { Analysis } from '../service';
import type { Lang, Localized } from '../../../rules/domain/types';
import { AUTHORITY_NAME, AUTHORITY_OF, familyOf, route } from '../../../rules/domain/routing';
import { nodeAt } from '../../engine/yaml-paths';

const T = (l: Lang, en: string, nb: string) => (l === 'nb' ? nb : en);
const pick = (x: Localized, l: Lang) => x[l] || x.en;
/** Descriptor text shown in markdown: escape what markdown would interpret. */
export const md = (s: string) => s.replace(/[\\`*_{}[\]()#+!|<>]/g, (c) => `\\${c}`);

const COARSER: Record<string, string> = {
  date: 'month', month: 'year', 'age-exact': 'age-band', address: 'county', postcode: 'county', municipality: 'county',
  county: 'health-region', department: 'health-region', hospital: 'health-region', 'health-trust': 'health-region', 'free-text': 'category',
};

export function provisionLines(ids: readonly string[], lang: Lang): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const p = provisions.get(id);
    if (!p) continue;
    const heading = p.heading_nb ? ` «${p.heading_nb}»` : '';
    out.push(`- **[${p.law} ${p.section}](${encodeURI(p.url)})**${heading}: ${pick(p.summary, lang)}`);
    const caveats: string[] = [];
    if (p.verified.status !== 'confirmed') caveats.push(T(lang, `the content is ${p.verified.status === 'inference' ? 'an inference' : 'not confirmed'} in our sources`, `innholdet er ${p.verified.status === 'inference' ? 'en slutning' : 'ikke bekreftet'} i kildene våre`));
    if (p.verified.link !== 'confirmed') caveats.push(T(lang, 'the link form is not confirmed', 'lenkeformen er ikke bekreftet'));
    if (caveats.length) out.push(`  - ⚠ ${caveats.join('; ')}.`);
    if (p.note) out.push(`  - ${T(lang, 'Note', 'Merk')}: ${pick(p.note, lang)}`);
    if (p.superseded_by) out.push(`  - ${T(lang, 'Superseded by', 'Erstattet av')} ${p.superseded_by}.`);
  }
  return out;
}

export function sourceCard(s: Source, lang: Lang): string {
  const route = { helsedataservice: T(lang, 'Helsedataservice decides access and the exemption', 'Helsedataservice avgjør tilgang og dispensasjon'), 'helsedata-form': T(lang, 'apply through helsedata.no; the custodian decides', 'søk via helsedata.no; registerforvalteren avgjør'), 'own-route': T(lang, 'the custodian\'s own application route', 'registerforvalterens egen søknadsvei') }[s.access_route];
  const ident = { 'directly-identifying': T(lang, 'directly identifying', 'direkte identifiserbar'), pseudonymous: T(lang, 'pseudonymous', 'pseudonym'), 'de-identified': T(lang, 'de-identified', 'avidentifisert') }[s.identifiability];
  const lines = [
    `**${s.name[lang]}**${s.abbreviation ? ` (${s.abbreviation})` : ''} — ${lang === 'nb' ? s.name.en : s.name.nb}`,
    '',
    `- ${T(lang, 'Custodian', 'Registerforvalter')}: ${s.custodian.now}${s.custodian.before_2024 ? ` (${T(lang, 'before 2024', 'før 2024')}: ${s.custodian.before_2024})` : ''}`,
    `- ${T(lang, 'Identifiability', 'Identifiserbarhet')}: ${ident}`,
    `- ${T(lang, 'Access', 'Tilgang')}: ${route}`,
    `- ${T(lang, 'Purposes', 'Formål')}: ${s.purposes.join(', ')}`,
    `- ${T(lang, 'Linkable', 'Kan kobles')}: ${s.linkable ? T(lang, 'yes', 'ja') : T(lang, 'no', 'nei')}`,
  ];
  if (s.provisions.length) lines.push('', ...provisionLines(s.provisions, lang));
  const note = s.confidence.note;
  if (note) lines.push('', `${s.confidence.status !== 'confirmed' ? '⚠ ' : ''}${typeof note === 'string' ? note : pick(note, lang)}`);
  return lines.join('\n');
}

function purposeRoute(purpose: string, lang: Lang): string {
  const family = familyOf(purpose);
  const r = route({ category: purpose, consent: false, sources: ['patient-records'] });
  const lines: string[] = [];
  if (r.exemptionKind) {
    lines.push(`- ${T(lang, 'Without consent, the exemption for patient records comes from', 'Uten samtykke kommer dispensasjonen for pasientjournaler fra')} ${pick(AUTHORITY_NAME[AUTHORITY_OF[r.exemptionKind]], lang)}; ${T(lang, 'for the 11 Helsedataservice registries from Helsedataservice', 'for de 11 registrene hos Helsedataservice fra Helsedataservice')}.`);
  } else if (family === 'internal-qa') lines.push(`- ${T(lang, 'No consent or exemption: a management decision (helsepersonelloven § 26).', 'Ikke samtykke eller dispensasjon: en ledelsesbeslutning (helsepersonelloven § 26).')}`);
  else if (family === 'quality-register') lines.push(`- ${T(lang, 'Consent is the main rule; without it all four exception conditions must hold.', 'Samtykke er hovedregelen; uten samtykke må alle fire unntaksvilkår være oppfylt.')}`);
  const rek = r.requirements.some((x) => x.kind === 'rek-preapproval');
  lines.push(`- ${rek ? T(lang, 'REK pre-approval before the project starts.', 'Forhåndsgodkjenning fra REK før oppstart.') : T(lang, 'No REK pre-approval.', 'Ingen forhåndsgodkjenning fra REK.')}`);
  for (const n of r.notes) lines.push(`- ${pick(n, lang)}`);
  return lines.join('\n');
}

export function hover(analysis: Analysis, offset: number): Hover | null {
  const lang = analysis.lang;
  const parts: string[] = [];
  const metas = new Map(ruleMetas.map((m) => [m.id, m]));
  // Findings under the cursor: the rule, its remedy and the law.
  for (const res of analysis.results) {
    if (offset < res.start || offset > res.end) continue;
    const meta = metas.get(res.rule);
    if (!meta) continue;
    const lines = [`**${res.rule}** — ${pick(meta.description, lang)}`, '', pick(meta.remediation, lang)];
    const law = provisionLines(meta.provisions, lang);
    if (law.length) lines.push('', `${T(lang, 'Legal basis (law current to', 'Rettsgrunnlag (lov per')} ${lawCurrentTo}):`, ...law);
    parts.push(lines.join('\n'));
  }
  const at = nodeAt(analysis.parsed, offset);
  if (at) {
    const s = schemaAt(schema, at.path);
    const key = at.path[at.path.length - 1];
    if (at.onKey && s) {
      parts.push(`**${String(key)}**${s.title ? ` — ${String(s.title)}` : ''}\n\n${String(s.markdownDescription ?? s.description ?? '')}`);
    } else if (!at.onKey && s && at.value !== undefined) {
      const en = Array.isArray(s.enum) ? (s.enum as unknown[]).map(String) : undefined;
      const i = en ? en.indexOf(at.value) : -1;
      if (en && i >= 0) {
        const d = (s.markdownEnumDescriptions as string[] | undefined)?.[i] ?? '';
        let text = `**${md(at.value)}** — ${d}`;
        if (key === 'category' || (at.path.includes('secondary') && at.path[0] === 'purpose')) text += `\n\n${purposeRoute(at.value, lang)}`;
        if (key === 'granularity' && COARSER[at.value]) text += `\n\n${T(lang, 'Coarser alternative', 'Grovere alternativ')}: \`${COARSER[at.value]}\``;
        parts.push(text);
      } else if (key === 'source' && at.path[0] === 'data_sources') {
        const src = findSource(at.value);
        if (src) parts.push(sourceCard(src, lang));
      }
    }
  }
  if (!parts.length) return null;
  return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } };
}
