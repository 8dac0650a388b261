/**
 * dmp.json: the project as a machine-actionable data management plan in the RDA DMP Common
 * Standard, version 1.1 (schemas/rda-dmp-1.1/), so that an institution's DMP tool can import it.
 * Only what the descriptor says goes in: one dataset per data source, the project with its period,
 * the project lead as contact, the staff with an e-mail address as contributors, the retention and
 * the security measures. The standard requires a contact e-mail; without one no plan is made, and
 * the reason says which key to fill.
 */
import { findSource } from '../../rules/domain/catalogue';
import type { Person, Raw } from '../../rules/domain/model';
import { pick, say } from '../../rules/domain/text';
import type { Localized } from '../../rules/domain/types';
import { APPROVAL_NAME } from '../../rules/domain/vocabulary';
import type { Analysis } from '../engine/analysis';
import type { RequirementsModel } from './model';
import { statusText } from './requirements-render';
import { ROLE } from './words';

export interface DmpOptions {
  /** When the plan is written: its `created` and `modified` (the descriptor keeps no history of its own). */
  now: Date;
  /** The descriptor's file name: the plan's identifier, and with a data source's id, each dataset's. */
  descriptorName: string;
}

export type DmpResult = { dmp: RdaDmp } | { problem: Localized };

/** The parts of the RDA DMP Common Standard 1.1 this plan fills. */
export interface RdaDmp {
  dmp: {
    title: string;
    description?: string;
    language: 'eng' | 'nob';
    created: string;
    modified: string;
    dmp_id: { identifier: string; type: 'other' };
    contact: { name: string; mbox: string; contact_id: { identifier: string; type: 'other' } };
    contributor: { name: string; mbox: string; role: string[]; contributor_id: { identifier: string; type: 'other' } }[];
    ethical_issues_exist: 'yes' | 'no' | 'unknown';
    ethical_issues_description?: string;
    project: { title: string; description?: string; start?: string; end?: string }[];
    dataset: {
      title: string;
      description?: string;
      dataset_id: { identifier: string; type: 'other' };
      type: string;
      personal_data: 'yes' | 'unknown';
      sensitive_data: 'yes' | 'unknown';
      preservation_statement?: string;
      security_and_privacy: { title: string; description?: string }[];
    }[];
  };
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const has = (s: string | undefined): s is string => typeof s === 'string' && s.trim() !== '';
const isObj = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);

const DMP_TEXT = {
  noContact: {
    en: 'dmp.json was not written: the RDA DMP Common Standard needs a contact with a name and an e-mail address; give `project.project_lead` both',
    nb: 'dmp.json ble ikke skrevet: RDA DMP Common Standard krever en kontaktperson med navn og e-postadresse; gi `project.project_lead` begge',
  },
  dpo: { en: 'Data protection officer', nb: 'Personvernombud' },
  healthData: { en: 'Health data about persons (GDPR art. 9), under the duty of confidentiality.', nb: 'Helseopplysninger om personer (personvernforordningen art. 9), underlagt taushetsplikt.' },
  approvals: { en: 'Required approvals', nb: 'Påkrevde godkjenninger' },
  type: { en: 'health data', nb: 'helseopplysninger' },
  heldBy: { en: 'Held by {0}.', nb: 'Holdes av {0}.' },
  keptUntil: { en: 'Kept until {0}.', nb: 'Lagres til {0}.' },
  transfer: { en: 'Transfer abroad', nb: 'Overføring til utlandet' },
} as const satisfies Record<string, Localized>;

export const DMP_WORDS: Readonly<Record<string, Localized>> = DMP_TEXT;

const person = (p: Person | undefined) => (p && has(p.name) && has(p.email) && EMAIL.test(p.email) ? { name: p.name.trim(), mbox: p.email.trim() } : undefined);

export function rdaDmp(a: Analysis, rm: RequirementsModel, o: DmpOptions): DmpResult {
  const m = a.model;
  const l = a.lang;
  const contact = person(m?.project.lead);
  if (!m || !contact) return { problem: DMP_TEXT.noContact };
  const raw = (k: string): Raw => (isObj(m.raw[k]) ? (m.raw[k] as Raw) : {});
  const now = o.now.toISOString();
  const title = text(m.project.title) ?? o.descriptorName;

  const contributors = new Map<string, RdaDmp['dmp']['contributor'][number]>();
  const contribute = (p: Person | undefined, role: string) => {
    const c = person(p);
    if (!c) return;
    const known = contributors.get(c.mbox.toLowerCase());
    if (known) {
      if (!known.role.includes(role)) known.role.push(role);
    } else contributors.set(c.mbox.toLowerCase(), { ...c, role: [role], contributor_id: { identifier: c.mbox, type: 'other' } });
  };
  contribute(m.project.lead, pick(ROLE['project-lead'], l));
  for (const s of m.project.staff) contribute(s, s.role && ROLE[s.role] ? pick(ROLE[s.role], l) : (s.role ?? pick(ROLE.other, l)));
  contribute(m.project.dpo, say(DMP_TEXT.dpo, l));

  const required = rm.approvals.filter((x) => x.level === 'required');
  const ethics = [
    m.dataSources.length ? say(DMP_TEXT.healthData, l) : undefined,
    required.length ? `${say(DMP_TEXT.approvals, l)}: ${required.map((x) => `${APPROVAL_NAME[x.kind]?.[l] ?? x.kind}: ${statusText(x.status, l)}`).join('; ')}.` : undefined,
  ].filter(has);

  const dm = m.dataManagement;
  const preservation = [dm.retentionUntil ? say(DMP_TEXT.keptUntil, l, dm.retentionUntil) : undefined, text(dm.deletion)].filter(has).join(' ');
  const measures = (Array.isArray(dm.securityMeasures) ? dm.securityMeasures.map(text) : [text(dm.securityMeasures)]).filter(has);
  const security = [
    ...measures.map((t) => ({ title: t })),
    ...(dm.transferAbroad ? [{ title: say(DMP_TEXT.transfer, l), description: [dm.transferCountries.join(', '), text(dm.transferAbroad.recipient), dm.transferBasis].filter(has).join('; ') }] : []),
  ];
  const sources = Array.isArray(m.raw.data_sources) ? (m.raw.data_sources as unknown[]) : [];
  const dataset = m.dataSources.map((d, i) => {
    const s = findSource(d.source);
    const id = d.id ?? d.source ?? `${i + 1}`;
    const node = rm.linkage.nodes[i];
    const own = isObj(sources[i]) ? text((sources[i] as Raw).description) : undefined;
    const description = [own, node?.custodian ? say(DMP_TEXT.heldBy, l, node.custodian) : undefined].filter(has).join(' ');
    const known: 'yes' | 'unknown' = s !== undefined ? 'yes' : 'unknown';
    return {
      title: s ? `${s.name[l]}${s.abbreviation && s.abbreviation !== s.name[l] ? ` (${s.abbreviation})` : ''}` : (d.source ?? id),
      ...(description ? { description } : {}),
      dataset_id: { identifier: `${o.descriptorName}#${id}`, type: 'other' as const },
      type: say(DMP_TEXT.type, l),
      personal_data: known,
      sensitive_data: known,
      ...(preservation ? { preservation_statement: preservation } : {}),
      security_and_privacy: security,
    };
  });

  const project = raw('project');
  const purpose = raw('purpose');
  const period = { ...(m.project.start && ISO_DATE.test(m.project.start) ? { start: m.project.start } : {}), ...(m.project.end && ISO_DATE.test(m.project.end) ? { end: m.project.end } : {}) };
  const description = text(project.summary) ?? text(purpose.description);
  return {
    dmp: {
      dmp: {
        title,
        ...(description ? { description } : {}),
        language: l === 'nb' ? 'nob' : 'eng',
        created: now,
        modified: now,
        dmp_id: { identifier: o.descriptorName, type: 'other' },
        contact: { ...contact, contact_id: { identifier: contact.mbox, type: 'other' } },
        contributor: [...contributors.values()],
        ethical_issues_exist: m.dataSources.length ? 'yes' : 'unknown',
        ...(ethics.length ? { ethical_issues_description: ethics.join(' ') } : {}),
        project: [{ title, ...(text(purpose.description) ? { description: text(purpose.description) } : {}), ...period }],
        dataset,
      },
    },
  };
}
