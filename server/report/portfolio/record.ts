/**
 * One project's entry in the record of processing activities (GDPR art. 30(1)), from its descriptor:
 * the controller and whom to contact, the data protection officer, the purposes, the categories of
 * data subjects and of personal data, the recipients, transfers abroad with their basis, the time
 * limit for erasure and the security measures. A field the descriptor does not fill is left empty
 * (`undefined`); the writers mark it, nothing is guessed.
 */
import { findSource } from '../../../rules/domain/catalogue';
import type { Model, Person, Raw } from '../../../rules/domain/model';
import { pick, say } from '../../../rules/domain/text';
import type { Lang } from '../../../rules/domain/types';
import { EU_EEA, PURPOSE_INFO, type Purpose } from '../../../rules/domain/vocabulary';
import { ARTICLE_6, ARTICLE_9, TRANSFER_BASIS } from '../words';
import type { RecordEntry } from './types';
import { RECORD_TEXT as R } from './words';

export type { RecordEntry } from './types';

const has = (s: string | undefined): s is string => typeof s === 'string' && s.trim() !== '';
const isObj = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : undefined);
const texts = (v: unknown): string[] => (Array.isArray(v) ? v.map(text).filter(has) : has(text(v)) ? [text(v)!] : []);

/** "Kari Nordmann <kari@example.no>", the name alone, or the address alone. */
function personText(p: Person | undefined): string | undefined {
  if (!p) return undefined;
  const name = has(p.name) ? p.name : undefined;
  const email = has(p.email) ? p.email : undefined;
  if (name && email) return `${name} <${email}>`;
  return name ?? email;
}

export function recordEntry(m: Model | undefined, lang: Lang): RecordEntry {
  if (!m) return {};
  const out: RecordEntry = {};
  const purpose = isObj(m.raw.purpose) ? m.raw.purpose : {};
  const legal = isObj(m.raw.legal_basis) ? m.raw.legal_basis : {};

  if (has(m.project.institution)) out.controller = m.project.institution.trim();
  out.contact = personText(m.project.lead);
  out.dpo = personText(m.project.dpo);

  const named = m.purpose.all.map((p) => (PURPOSE_INFO[p as Purpose] ? pick(PURPOSE_INFO[p as Purpose].name, lang) : p));
  const description = text(purpose.description);
  if (named.length || has(description)) out.purposes = [named.join('; '), description].filter(has).join('. ');

  const basis: string[] = [];
  if (m.legalBasis.consent === true) basis.push(say(R.consent, lang));
  if (m.legalBasis.article6) basis.push(`art. 6(1)(${m.legalBasis.article6})${ARTICLE_6[m.legalBasis.article6] ? ` ${pick(ARTICLE_6[m.legalBasis.article6], lang)}` : ''}`);
  if (m.legalBasis.article9) basis.push(`art. 9(2)(${m.legalBasis.article9})${ARTICLE_9[m.legalBasis.article9] ? ` ${pick(ARTICLE_9[m.legalBasis.article9], lang)}` : ''}`);
  const supplementary = text(legal.supplementary);
  if (has(supplementary)) basis.push(supplementary);
  if (basis.length) out.legalBasis = basis.join('; ');

  const subjects: string[] = [];
  if (has(m.population.target)) subjects.push(say(R.target, lang, m.population.target.trim()));
  if (has(m.population.study)) subjects.push(say(R.study, lang, m.population.study.trim()));
  const cg = m.population.controlGroup;
  if (cg?.source) {
    const local = m.dataSources.find((d) => d.id === cg.source);
    subjects.push(say(R.controlGroup, lang, sourceName(local?.source ?? cg.source, lang)));
  }
  if (subjects.length) out.dataSubjects = subjects.join('. ');

  if (m.dataSources.length) {
    const parts = m.dataSources.map((d) => {
      const vars = d.variables.map((v) => v.name).filter(has);
      return `${sourceName(d.source ?? d.id, lang)}${vars.length ? `: ${vars.join(', ')}` : ''}`;
    });
    out.personalData = `${say(R.healthData, lang)} ${say(R.from, lang)}: ${parts.join('; ')}`;
  }

  const transfer = m.dataManagement.transferAbroad;
  const recipient = transfer ? text(transfer.recipient) : undefined;
  if (has(recipient)) out.recipients = say(R.recipientAbroad, lang, recipient);
  if (!transfer) out.transfers = say(R.noTransfer, lang);
  else {
    const countries = m.dataManagement.transferCountries;
    const outside = countries.filter((c) => !EU_EEA.has(c));
    const basisWords = m.dataManagement.transferBasis ? (TRANSFER_BASIS[m.dataManagement.transferBasis] ? pick(TRANSFER_BASIS[m.dataManagement.transferBasis], lang) : m.dataManagement.transferBasis) : undefined;
    // Within the EU/EEA no chapter V basis is needed; outside it, an unstated basis leaves the field open.
    if (countries.length && (basisWords || outside.length === 0)) out.transfers = [countries.join(', '), recipient, basisWords].filter(has).join('; ');
  }

  const retention = [m.dataManagement.retentionUntil ? say(R.keptUntil, lang, m.dataManagement.retentionUntil) : undefined, text(m.dataManagement.deletion)].filter(has);
  if (retention.length) out.retention = retention.join('. ');

  const security = [...texts(m.dataManagement.securityMeasures), ...(has(m.dataManagement.storage) ? [say(R.storage, lang, m.dataManagement.storage.trim())] : [])];
  if (security.length) out.security = security.join('; ');
  return out;
}

/** A source by its catalogue name (the abbreviation too), else as written. */
function sourceName(id: string | undefined, lang: Lang): string {
  const s = findSource(id);
  if (!s) return id ?? '?';
  return s.abbreviation && s.abbreviation !== s.name[lang] ? `${s.name[lang]} (${s.abbreviation})` : s.name[lang];
}
