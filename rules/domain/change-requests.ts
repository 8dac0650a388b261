/**
 * Which approvals a change since approval touches, and the change requests that follow from it.
 *
 * The seed: "If you need to report changes or amend your application after it has been submitted,
 * we recommend that you contact Helsedataservice or the data custodians for guidance. Some changes
 * may require you to submit a new application or submit updated documentation. Describe the
 * change you need and include the current case number." (helsedata-pii-application.en.txt).
 * REK approves significant changes to an approved project before they take effect
 * (helseforskningsloven § 11).
 *
 * `ACTION_ROWS` says, row by row, which kinds of change touch which approval and when the row
 * applies; `changeFacts` computes once what the rows test (from both versions and their routes).
 */
import { findSource, provisionLabel, provisions, type Source } from './catalogue';
import type { Change, ChangeKind } from './changes';
import type { Approval, Model } from './model';
import { AUTHORITY_OF, EXEMPTION_KINDS, deliveredByCustodian, type Authority, type Route } from './routing';
import { pick } from './text';
import type { Lang, Localized } from './types';

export type ActionKind = 'rek-change' | 'data-application-change' | 'staff-list' | 'dpia-update' | 'dpo-update';

/** Who receives the change: a body outside the institution (a change request is sent) or the institution itself (a document is updated). */
type Body = 'rek' | 'helsedataservice' | 'helsedirektoratet' | `custodian:${string}` | 'institution';

export interface Action {
  kind: ActionKind;
  body: Body;
  /** Who, in words. */
  to: Localized;
  caseNumber?: string;
  provisions: readonly string[];
  /** The action in words, for a message: "a change application (søknad om endring) to REK ...". */
  text: Localized;
}

/** What the rows test, computed once from the current and the approved version. */
export interface ChangeFacts {
  /** REK approved, or must approve, the project: `rek-preapproval` on either route, or a REK approval listed. */
  rek?: { caseNumber?: string };
  /** An application for data to Helsedataservice or to custodians is on either route. */
  application?: { decider: 'helsedataservice' | 'custodian'; caseNumber?: string };
  /** The custodians delivering the project's sources (current version), for changes not about one source. */
  custodians: Source[];
  /** Bodies holding the names of the people with access: REK when its approval names them, and the exemption's authority. */
  staffLists: { authority: Authority; caseNumber?: string }[];
  /** A DPIA is required on either route, or listed. */
  dpia: boolean;
}

const caseOf = (a: Approval | undefined) => a?.caseNumber ?? a?.reference;

export function changeFacts(model: Model, baseline: Model, route: Route, baselineRoute: Route): ChangeFacts {
  const entry = (kind: string) => [...model.approvals, ...baseline.approvals].find((a) => a.kind === kind && a.status !== 'rejected');
  const routes = [route, baselineRoute];
  const requires = (kind: string) => routes.some((r) => r.requirements.some((x) => x.kind === kind));
  const rekEntry = entry('rek-preapproval') ?? entry('rek-exemption');
  const appRoute = routes.find((r) => r.deadline !== undefined);
  const hds = appRoute?.decider === 'helsedataservice';
  const staffLists: ChangeFacts['staffLists'] = [];
  const rekApproval = entry('rek-preapproval');
  if (rekApproval?.staff) staffLists.push({ authority: 'rek', caseNumber: caseOf(rekApproval) });
  const exemption = EXEMPTION_KINDS.map((k) => entry(k)).find((a) => a !== undefined);
  const exemptionKind = exemption?.kind ?? (route.exemptionNeeded ? route.exemptionKind : undefined);
  if (exemptionKind) {
    const authority = AUTHORITY_OF[exemptionKind as keyof typeof AUTHORITY_OF];
    if (authority && !staffLists.some((s) => s.authority === authority)) staffLists.push({ authority, caseNumber: caseOf(exemption) });
  }
  const custodians = [...new Set(model.dataSources.map((d) => findSource(d.source)).filter((s): s is Source => s !== undefined && deliveredByCustodian(s)))];
  return {
    rek: requires('rek-preapproval') || rekEntry ? { caseNumber: caseOf(rekEntry) } : undefined,
    application: appRoute ? { decider: hds ? 'helsedataservice' : 'custodian', caseNumber: caseOf(entry('data-application') ?? (hds ? entry('helsedataservice-exemption') : undefined)) } : undefined,
    custodians,
    staffLists,
    dpia: requires('dpia') || entry('dpia') !== undefined,
  };
}

/** Granularities that identify more easily: a variable added or made this fine belongs in the DPIA. */
const FINE: ReadonlySet<string> = new Set(['date', 'age-exact', 'address', 'postcode', 'municipality', 'free-text']);

const ALL: readonly ChangeKind[] = [
  'source-added', 'source-removed', 'variable-added', 'variable-removed', 'variable-finer', 'purpose-changed', 'secondary-added', 'consent-dropped',
  'staff-added', 'lead-changed', 'start-earlier', 'end-later', 'link-added', 'linkage-model-changed', 'transfer-added', 'transfer-country-added', 'retention-extended',
];
const except = (...no: ChangeKind[]) => new Set(ALL.filter((k) => !no.includes(k)));

const law = (ids: readonly string[]) => ids.map((id) => provisions.get(id)).filter((p) => p !== undefined).map((p) => provisionLabel(p!)).join(', ');
const SHORT: Record<Authority, string> = { rek: 'REK', helsedataservice: 'Helsedataservice', helsedirektoratet: 'Helsedirektoratet' };
const STAFF_PROVISIONS: Record<Authority, readonly string[]> = { rek: ['hpl-29', 'hregl-19e'], helsedataservice: ['hds-forskrift-7'], helsedirektoratet: ['hpl-29', 'hregl-19e'] };
const sourceNames = (ss: Source[], lang: Lang) => ss.map((s) => s.abbreviation ?? s.name[lang]).join(', ');

/**
 * The rows: which kinds of change touch which approval, when, and the action in words. Read as
 * "a change of one of `kinds` needs `action` when `when` holds".
 */
export const ACTION_ROWS: readonly {
  action: ActionKind;
  kinds: ReadonlySet<ChangeKind>;
  build: (f: ChangeFacts, c: Change) => Action[];
  source: string;
}[] = [
  {
    action: 'rek-change',
    // Removing data, or giving someone access, is not a change REK approves (the staff list is below).
    kinds: except('source-removed', 'variable-removed', 'staff-added'),
    build: (f) => {
      if (!f.rek) return [];
      const c = f.rek.caseNumber;
      const ids = ['hforsknl-11'];
      return [{
        kind: 'rek-change',
        body: 'rek',
        to: { en: 'REK', nb: 'REK' },
        caseNumber: c,
        provisions: ids,
        text: {
          en: `a change application (søknad om endring) to REK${c ? ` for case ${c}` : ''}, which REK must approve before the change takes effect (${law(ids)})`,
          nb: `en søknad om endring til REK${c ? ` i sak ${c}` : ''}, som REK må godkjenne før endringen tas i bruk (${law(ids)})`,
        },
      }];
    },
    source: 'hforsknl-11: REK approves significant changes before they take effect',
  },
  {
    action: 'data-application-change',
    kinds: new Set(ALL),
    build: (f, change) => {
      if (!f.application) return [];
      const c = f.application.caseNumber;
      const say = (to: Localized, ids: readonly string[]): Localized => ({
        en: `a change request to ${to.en}${c ? ` naming case number ${c}` : ' naming the current case number'}, as some changes need a new application or updated documentation (${law(ids)})`,
        nb: `en endringsmelding til ${to.nb}${c ? ` med saksnummer ${c}` : ' med gjeldende saksnummer'}, siden noen endringer krever ny søknad eller oppdatert dokumentasjon (${law(ids)})`,
      });
      if (f.application.decider === 'helsedataservice') {
        const to = { en: 'Helsedataservice', nb: 'Helsedataservice' };
        const ids = ['hds-forskrift-7'];
        return [{ kind: 'data-application-change', body: 'helsedataservice', to, caseNumber: c, provisions: ids, text: say(to, ids) }];
      }
      // A custodian hears of changes to the sources it delivers, and of changes to the whole project.
      const about = change.source !== undefined ? findSource(change.source) : undefined;
      const custodians = change.source !== undefined ? (about && deliveredByCustodian(about) ? [about] : []) : f.custodians;
      const byCustodian = new Map<string, Source[]>();
      for (const s of custodians) byCustodian.set(s.custodian.now, [...(byCustodian.get(s.custodian.now) ?? []), s]);
      const ids = ['hregl-19a'];
      return [...byCustodian].map(([name, ss]) => {
        const to = { en: `the custodian of ${sourceNames(ss, 'en')}`, nb: `registerforvalteren for ${sourceNames(ss, 'nb')}` };
        return { kind: 'data-application-change' as const, body: `custodian:${name}` as const, to, caseNumber: c, provisions: ids, text: say(to, ids) };
      });
    },
    source: 'helsedata-pii-application.en.txt: contact Helsedataservice or the data custodians; include the current case number',
  },
  {
    action: 'staff-list',
    kinds: new Set<ChangeKind>(['staff-added', 'lead-changed']),
    build: (f) =>
      f.staffLists.map(({ authority, caseNumber: c }) => {
        const to = { en: SHORT[authority], nb: SHORT[authority] };
        const ids = STAFF_PROVISIONS[authority];
        return {
          kind: 'staff-list' as const,
          body: authority,
          to,
          caseNumber: c,
          provisions: ids,
          text: {
            en: `an updated staff list to ${to.en}${c ? ` (case ${c})` : ''}, as the approval is personal and must name everyone with access (${law(ids)})`,
            nb: `en oppdatert liste over prosjektmedarbeidere til ${to.nb}${c ? ` (sak ${c})` : ''}, siden godkjenningen er personlig og må nevne alle med tilgang (${law(ids)})`,
          },
        };
      }),
    source: 'helsedata-pii-application.en.txt: "Remember that this exemption is personal."',
  },
  {
    action: 'dpia-update',
    kinds: new Set<ChangeKind>(['source-added', 'variable-added', 'variable-finer', 'purpose-changed', 'secondary-added', 'consent-dropped', 'link-added', 'linkage-model-changed', 'transfer-added', 'transfer-country-added', 'retention-extended']),
    build: (f, c) => {
      // A coarse variable does not change the risk the DPIA assessed; a fine one does.
      if (!f.dpia || ((c.kind === 'variable-added' || c.kind === 'variable-finer') && !FINE.has(c.granularity ?? ''))) return [];
      const ids = ['gdpr-35'];
      return [{
        kind: 'dpia-update',
        body: 'institution',
        to: { en: 'the institution', nb: 'virksomheten' },
        provisions: ids,
        text: { en: `an updated data protection impact assessment (DPIA) (${law(ids)})`, nb: `en oppdatert personvernkonsekvensvurdering (DPIA) (${law(ids)})` },
      }];
    },
    source: 'GDPR art. 35: the assessment covers the processing as it is; a change in the risk needs a review',
  },
  {
    action: 'dpo-update',
    // Changes to what the legal basis must cover: a new source, a new purpose, no consent, a transfer.
    kinds: new Set<ChangeKind>(['source-added', 'purpose-changed', 'secondary-added', 'consent-dropped', 'transfer-added', 'transfer-country-added']),
    build: () => {
      const ids = ['gdpr-6-1', 'gdpr-9-2'];
      return [{
        kind: 'dpo-update',
        body: 'institution',
        to: { en: 'the data protection officer', nb: 'personvernombudet' },
        provisions: ids,
        text: { en: `an updated assessment by the data protection officer (${law(ids)})`, nb: `en oppdatert vurdering fra personvernombudet (${law(ids)})` },
      }];
    },
    source: 'avklare-formal.nb.txt: every purpose is assessed by the data protection officer',
  },
];

/** The approvals one change touches; empty when it needs nothing. A staff list already going in a change request to the same body is not repeated. */
export function actionsFor(change: Change, facts: ChangeFacts): Action[] {
  const out: Action[] = [];
  for (const row of ACTION_ROWS) {
    if (!row.kinds.has(change.kind)) continue;
    for (const a of row.build(facts, change)) {
      if (a.kind === 'staff-list' && out.some((x) => x.body === a.body)) continue;
      out.push(a);
    }
  }
  return out;
}

export interface ChangeItem {
  change: Change;
  actions: Action[];
}

/** One change request to one body outside the institution, with every change it must hear of. */
export interface ChangeRequest {
  body: Body;
  to: Localized;
  caseNumber?: string;
  kinds: ActionKind[];
  changes: Change[];
}

export function changeRequests(items: readonly ChangeItem[]): ChangeRequest[] {
  const out = new Map<Body, ChangeRequest>();
  for (const { change, actions } of items) {
    for (const a of actions) {
      if (a.body === 'institution') continue;
      const req = out.get(a.body) ?? { body: a.body, to: a.to, caseNumber: a.caseNumber, kinds: [], changes: [] };
      if (!req.kinds.includes(a.kind)) req.kinds.push(a.kind);
      if (!req.changes.includes(change)) req.changes.push(change);
      req.caseNumber ??= a.caseNumber;
      out.set(a.body, req);
    }
  }
  return [...out.values()];
}

/** The address the seed gives for change requests to Helsedataservice. */
const HDS_ADDRESS = 'service@helsedata.no';

/** A draft of the change request, in the user's language, to copy into a letter or an e-mail; `[...]` marks what the user fills in. */
export function draftRequest(req: ChangeRequest, model: Model, lang: Lang): string {
  const nb = lang === 'nb';
  const c = req.caseNumber ?? (nb ? '[saksnummer]' : '[case number]');
  const title = model.project.title ?? (nb ? '[prosjekttittel]' : '[project title]');
  const lead = model.project.lead?.name ?? (nb ? '[navn]' : '[name]');
  const to = `${pick(req.to, lang)}${req.body === 'helsedataservice' ? ` (${HDS_ADDRESS})` : ''}`;
  const rek = req.kinds.includes('rek-change');
  const application = req.kinds.includes('data-application-change');
  const subject = rek
    ? nb ? `Søknad om endring, sak ${c}` : `Change application (søknad om endring), case ${c}`
    : application
      ? nb ? `Endring i søknaden om data, saksnummer ${c}` : `Change to the application for data, case number ${c}`
      : nb ? `Oppdatert liste over prosjektmedarbeidere, sak ${c}` : `Updated staff list, case ${c}`;
  const ask = rek
    ? nb ? `Vi ber REK godkjenne disse endringene i prosjektet «${title}» (sak ${c}) før de tas i bruk:` : `We ask REK to approve these changes to the project «${title}» (case ${c}) before they take effect:`
    : application
      ? nb ? `Vi ber om å endre søknaden om data for prosjektet «${title}» (saksnummer ${c}) slik:` : `We ask to change the application for data for the project «${title}» (case number ${c}) as follows:`
      : nb ? `Vi ber om å oppdatere listen over prosjektmedarbeidere for prosjektet «${title}» (sak ${c}):` : `We ask to update the staff list of the project «${title}» (case ${c}):`;
  const sign = `${lead}, ${nb ? 'prosjektleder' : 'project lead'}${model.project.institution ? `, ${model.project.institution}` : ''}`;
  return [
    `${nb ? 'Til' : 'To'}: ${to}`,
    `${nb ? 'Emne' : 'Subject'}: ${subject}`,
    '',
    ask,
    '',
    // A letter, not Markdown: the code marks go.
    ...req.changes.map((ch) => `- ${pick(ch.what, lang).replace(/`/g, '')}`),
    '',
    nb ? 'Begrunnelse: [beskriv hvorfor prosjektet trenger endringene]' : 'Why: [describe why the project needs these changes]',
    '',
    sign,
  ].join('\n');
}
