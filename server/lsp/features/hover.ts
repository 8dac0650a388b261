/** Hover: what a key means, what a value means (with its route), the catalogue card of a source, and the law behind a finding. */
import type { Hover } from 'vscode-languageserver';
import { ruleMetas } from '../../../rules';
import { catalogueCurrentTo, findSource, lawCurrentTo, provisionMarkdown, type Source } from '../../../rules/domain/catalogue';
import { applyText, decidesText, dispensationText, parentName, sourceCaveat } from '../../../rules/domain/source-text';
import { schemaAt, schemaFor } from '../../engine/schema';
import type { Analysis } from '../../engine/analysis';
import type { Lang } from '../../../rules/domain/types';
import { AUTHORITY_NAME, AUTHORITY_OF, familyOf, route } from '../../../rules/domain/routing';
import { nodeAt } from '../../engine/yaml-paths';
import { firstSentence, pick, say } from '../../../rules/domain/text';
import { COARSER, GRANULARITY_TEXT } from '../../../rules/domain/vocabulary';
import { ARTICLE_6, ARTICLE_9 } from '../../report/words';
import { escapeMd } from '../../report/escape';



/**
 * A source's card: what it holds, who holds it, who decides and how to apply, the page it was read
 * on, the law it rests on, what is uncertain, and the date the catalogue is current to.
 */
export function sourceCard(s: Source, lang: Lang): string {
  const ident = { 'directly-identifying': say({ en: 'directly identifying', nb: 'direkte identifiserbar' }, lang), pseudonymous: say({ en: 'pseudonymous', nb: 'pseudonym' }, lang), 'de-identified': say({ en: 'de-identified', nb: 'avidentifisert' }, lang) }[s.identifiability];
  const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
  const lines = [`**${s.name[lang]}**${s.abbreviation ? ` (${s.abbreviation})` : ''} — ${lang === 'nb' ? s.name.en : s.name.nb}`, '', pick(s.summary, lang), ''];
  lines.push(`- ${say({ en: 'Custodian', nb: 'Registerforvalter' }, lang)}: ${s.custodian.now}${s.custodian.before_2024 ? ` (${say({ en: 'before 2024', nb: 'før 2024' }, lang)}: ${s.custodian.before_2024})` : ''}`);
  const parent = parentName(s, lang);
  if (parent) lines.push(`- ${say({ en: 'Part of', nb: 'Del av' }, lang)}: ${parent}`);
  lines.push(`- ${say({ en: 'Who decides', nb: 'Hvem avgjør' }, lang)}: ${cap(decidesText(s, lang))}`);
  lines.push(`- ${say({ en: 'How to apply', nb: 'Slik søker du' }, lang)}: ${cap(applyText(s, lang))}`);
  const dispensation = dispensationText(s, lang);
  if (dispensation) lines.push(`- ${say({ en: 'Exemption from confidentiality', nb: 'Dispensasjon fra taushetsplikten' }, lang)}: ${dispensation}`);
  if (s.access.note) lines.push(`  - ${pick(s.access.note, lang)}`);
  lines.push(`- ${say({ en: 'Identifiability', nb: 'Identifiserbarhet' }, lang)}: ${ident}`);
  lines.push(`- ${say({ en: 'Purposes', nb: 'Formål' }, lang)}: ${s.purposes.join(', ')}`);
  lines.push(`- ${say({ en: 'Linkable', nb: 'Kan kobles' }, lang)}: ${s.linkable ? say({ en: 'yes', nb: 'ja' }, lang) : say({ en: 'no', nb: 'nei' }, lang)}${s.linkage ? `. ${pick(s.linkage, lang)}` : ''}`);
  if (s.legal_basis.length) lines.push(`- ${say({ en: 'Legal basis', nb: 'Rettsgrunnlag' }, lang)}: ${s.legal_basis.map((b) => (b.url ? `[${b.law}](${encodeURI(b.url)})` : b.law)).join(', ')}`);
  if (s.page.url) lines.push(`- ${say({ en: 'Page', nb: 'Side' }, lang)}: [${new URL(s.page.url).hostname.replace(/^www\./, '')}](${encodeURI(s.page.url)})`);
  if (s.provisions.length) lines.push('', ...provisionMarkdown(s.provisions, lang));
  const caveat = sourceCaveat(s, lang);
  if (caveat) lines.push('', caveat);
  lines.push('', `*${say({ en: 'Data source catalogue current to', nb: 'Datakildekatalogen er oppdatert per' }, lang)} ${catalogueCurrentTo}.*`);
  return lines.join('\n');
}

function purposeRoute(purpose: string, lang: Lang): string {
  const family = familyOf(purpose);
  const r = route({ category: purpose, consent: false, sources: ['patient-records'] });
  const lines: string[] = [];
  if (r.exemptionKind) {
    lines.push(`- ${pick({ en: 'Without consent, the exemption for patient records comes from', nb: 'Uten samtykke kommer dispensasjonen for pasientjournaler fra' }, lang)} ${pick(AUTHORITY_NAME[AUTHORITY_OF[r.exemptionKind]], lang)}; ${pick({ en: 'for the 11 Helsedataservice registries from Helsedataservice', nb: 'for de 11 registrene hos Helsedataservice fra Helsedataservice' }, lang)}.`);
  } else if (family === 'internal-qa') lines.push(`- ${pick({ en: 'Neither consent nor an exemption is needed: a decision by the institution\'s management (helsepersonelloven § 26).', nb: 'Verken samtykke eller dispensasjon trengs: en beslutning i virksomhetens ledelse (helsepersonelloven § 26).' }, lang)}`);
  else if (family === 'quality-register') lines.push(`- ${pick({ en: 'Consent is the main rule; without it all four exception conditions must hold.', nb: 'Samtykke er hovedregelen; uten samtykke må alle fire unntaksvilkår være oppfylt.' }, lang)}`);
  const rek = r.requirements.some((x) => x.kind === 'rek-preapproval');
  const preassess = r.requirements.find((x) => x.kind === 'rek-preassessment');
  if (rek) lines.push(`- ${pick({ en: 'REK pre-approval before the project starts.', nb: 'Forhåndsgodkjenning fra REK før oppstart.' }, lang)}`);
  else if (preassess) lines.push(`- ${pick(preassess.why, lang)}`);
  else lines.push(`- ${pick({ en: 'No REK pre-approval.', nb: 'Ingen forhåndsgodkjenning fra REK.' }, lang)}`);
  for (const n of r.notes) lines.push(`- ${pick(n, lang)}`);
  return lines.join('\n');
}

/** "Approved value (`git:v1`): `month`", or that the approved version did not have it. */
function approvedValue(value: unknown, label: string | undefined, lang: Lang): string {
  const where = label ? ` (\`${label.replace(/`/g, "'")}\`)` : '';
  const head = pick({ en: `**Approved value**${where}:`, nb: `**Godkjent verdi**${where}:` }, lang);
  if (typeof value !== 'string') return `${head} ${pick({ en: 'not in the approved version', nb: 'finnes ikke i den godkjente versjonen' }, lang)}`;
  return `${head} \`${value.replace(/`/g, "'")}\``;
}

/**
 * The letters of GDPR art. 6(1) or 9(2) in words, the chosen one first and marked, with the
 * provision and its lovdata link: what a key or a letter means, in the user's language.
 */
function articleLetters(key: 'gdpr_article_6' | 'gdpr_article_9', chosen: string | undefined, lang: Lang): string {
  const six = key === 'gdpr_article_6';
  const table = six ? ARTICLE_6 : ARTICLE_9;
  const title = six ? pick({ en: 'GDPR art. 6(1): the legal basis for processing', nb: 'Personvernforordningen art. 6 nr. 1: behandlingsgrunnlaget' }, lang) : pick({ en: 'GDPR art. 9(2): the exception that allows processing health data', nb: 'Personvernforordningen art. 9 nr. 2: unntaket som tillater behandling av helseopplysninger' }, lang);
  const lines = [`**${title}**`, ''];
  if (chosen && table[chosen]) lines.push(`**${chosen}) ${pick(table[chosen], lang)}**`, '');
  lines.push(...Object.entries(table).map(([letter, words]) => `- ${letter === chosen ? '**' : ''}${letter}) ${pick(words, lang)}${letter === chosen ? '**' : ''}`));
  const law = provisionMarkdown([six ? 'gdpr-6-1' : 'gdpr-9-2'], lang);
  if (law.length) lines.push('', law[0]);
  return lines.join('\n');
}

/** A variable's catalogue entry under its source: what it holds, the custodian's name, its level of detail and the coarser one. */
function variableCard(analysis: Analysis, path: readonly (string | number)[], name: string, lang: Lang): string | undefined {
  const ds = analysis.model?.dataSources[path[1] as number];
  const src = findSource(ds?.source);
  if (!src) return undefined;
  const v = src.variables.find((x) => x.name === name || x.custodian_name === name || x.aliases?.includes(name));
  if (!v) {
    const none = src.variables.length === 0;
    return `**${escapeMd(name)}** — ${none ? say({ en: `the catalogue knows no variables of ${src.name.en}; check the name against the custodian's variable list.`, nb: `katalogen kjenner ingen variabler for ${src.name.nb}; sjekk navnet mot registerforvalterens variabelliste.` }, lang) : say({ en: `not a variable the catalogue knows for ${src.name.en}.`, nb: `ikke en variabel katalogen kjenner for ${src.name.nb}.` }, lang)}`;
  }
  const lines = [`**${escapeMd(v.name)}** — ${v.description[lang]}`, ''];
  const also = [...(v.custodian_name && v.custodian_name !== v.name ? [v.custodian_name] : []), ...(v.aliases ?? [])];
  lines.push(`- ${say({ en: 'Source', nb: 'Kilde' }, lang)}: ${src.name[lang]}${src.abbreviation ? ` (${src.abbreviation})` : ''}`);
  if (v.custodian_name && v.custodian_name !== v.name) lines.push(`- ${say({ en: "The custodian's name", nb: 'Registerforvalterens navn' }, lang)}: \`${v.custodian_name}\``);
  else if (also.length) lines.push(`- ${say({ en: 'Also called', nb: 'Også kalt' }, lang)}: ${also.map((x) => `\`${x}\``).join(', ')}`);
  lines.push(`- ${say({ en: 'Level of detail in the register', nb: 'Detaljnivå i registeret' }, lang)}: \`${v.granularity}\` (${pick(GRANULARITY_TEXT[v.granularity] ?? { en: v.granularity, nb: v.granularity }, lang)})${v.coarser ? `; ${say({ en: 'coarser', nb: 'grovere' }, lang)}: \`${v.coarser}\`` : ''}`);
  if (v.direct_identifier) lines.push(`- ⚠ ${say({ en: 'Identifies a person directly; usually released only as a project-specific serial number.', nb: 'Identifiserer en person direkte; utleveres normalt bare som prosjektspesifikt løpenummer.' }, lang)}`);
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
    // The rest of the message, which the Problems panel does not show (it has the first sentence).
    const rest = firstSentence(res.message)[1];
    if (rest) lines.unshift(rest, '');
    // A change since approval: what the approved version said here.
    if (res.data && 'approved' in res.data) lines.splice(1, 0, '', approvedValue(res.data.approved, analysis.options.baselineLabel, lang));
    const law = provisionMarkdown(meta.provisions, lang);
    if (law.length) lines.push('', `${pick({ en: 'Legal basis (law current to', nb: 'Rettsgrunnlag (lov per' }, lang)} ${lawCurrentTo}):`, ...law);
    parts.push(lines.join('\n'));
  }
  const at = nodeAt(analysis.parsed, offset);
  if (at) {
    const schema = schemaFor(lang);
    const s = schemaAt(schema, at.path);
    const key = at.path[at.path.length - 1];
    if (at.onKey && s) {
      const letters = key === 'gdpr_article_6' || key === 'gdpr_article_9' ? `\n\n${articleLetters(key, undefined, lang)}` : '';
      parts.push(`**${String(key)}**${s.title ? ` — ${String(s.title)}` : ''}\n\n${String(s.markdownDescription ?? s.description ?? '')}${letters}`);
    } else if (!at.onKey && s && at.value !== undefined) {
      const en = Array.isArray(s.enum) ? (s.enum as unknown[]).map(String) : undefined;
      const i = en ? en.indexOf(at.value) : -1;
      if ((key === 'gdpr_article_6' || key === 'gdpr_article_9') && i >= 0) {
        parts.push(articleLetters(key, at.value, lang));
      } else if (en && i >= 0) {
        const d = (s.markdownEnumDescriptions as string[] | undefined)?.[i] ?? '';
        let text = `**${escapeMd(at.value)}** — ${d}`;
        if (key === 'category' || (at.path.includes('secondary') && at.path[0] === 'purpose')) text += `\n\n${purposeRoute(at.value, lang)}`;
        const coarser = COARSER[at.value];
        if (key === 'granularity' && coarser) text += `\n\n${pick({ en: 'Coarser alternative', nb: 'Grovere alternativ' }, lang)}: \`${coarser}\` (${pick(GRANULARITY_TEXT[coarser], lang)})`;
        parts.push(text);
      } else if (key === 'source' && at.path[0] === 'data_sources') {
        const src = findSource(at.value);
        if (src) parts.push(sourceCard(src, lang));
      } else if (key === 'name' && at.path[0] === 'data_sources' && at.path.includes('variables')) {
        const card = variableCard(analysis, at.path, at.value, lang);
        if (card) parts.push(card);
      }
    }
  }
  if (!parts.length) return null;
  return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } };
}
