/**
 * The requirements preview as HTML (for the webview) and as Markdown (for export), from the
 * server's model. Pure functions: every string that comes from the descriptor is escaped.
 */
import type { ProvisionRef, RequirementsModel } from './model';
import { APPROVAL_NAME, ATTACHMENT_NAME } from '../../rules/domain/vocabulary';

/** A kind by its name, with the id the descriptor uses. */
const named = (names: Readonly<Record<string, { en: string; nb: string }>>, kind: string, l: 'en' | 'nb') => names[kind]?.[l] ?? kind;
import { linkageDiagram } from './linkage-diagram';
import { STATE_NAME } from './portfolio/words';

type Lang = 'en' | 'nb';
const S = {
  title: { en: 'Requirements', nb: 'Krav' },
  route: { en: 'Application route', nb: 'Søknadsvei' },
  purpose: { en: 'Purpose', nb: 'Formål' },
  consent: { en: 'Consent', nb: 'Samtykke' },
  yes: { en: 'yes', nb: 'ja' },
  no: { en: 'no', nb: 'nei' },
  notStated: { en: 'not stated', nb: 'ikke oppgitt' },
  exemption: { en: 'Exemption from the duty of confidentiality', nb: 'Dispensasjon fra taushetsplikten' },
  exemptionNone: { en: 'No exemption needed for this purpose, these sources and this consent.', nb: 'Ingen dispensasjon trengs for dette formålet, disse kildene og dette samtykket.' },
  decidedBy: { en: 'decided by', nb: 'avgjøres av' },
  approvals: { en: 'Approvals', nb: 'Godkjenninger' },
  kind: { en: 'Approval', nb: 'Godkjenning' },
  status: { en: 'Status', nb: 'Status' },
  why: { en: 'Why', nb: 'Hvorfor' },
  law: { en: 'Law', nb: 'Lov' },
  assess: { en: 'assess', nb: 'vurder' },
  attachments: { en: 'Attachments', nb: 'Vedlegg' },
  attachment: { en: 'Attachment', nb: 'Vedlegg' },
  listed: { en: 'Listed', nb: 'Oppført' },
  file: { en: 'File', nb: 'Fil' },
  exists: { en: 'exists', nb: 'finnes' },
  missingFile: { en: 'missing', nb: 'mangler' },
  noAttachments: { en: 'No application to the data custodians, so the attachments table does not apply.', nb: 'Ingen søknad til registerforvalterne, så vedleggstabellen gjelder ikke.' },
  timeline: { en: 'Timeline', nb: 'Tidslinje' },
  noTimeline: { en: 'No custodian delivers data to this project, so no custodian deadline applies.', nb: 'Ingen registerforvalter leverer data til prosjektet, så ingen frist hos registerforvalter gjelder.' },
  linkage: { en: 'Linkage', nb: 'Kobling' },
  variables: { en: 'Variables', nb: 'Variabler' },
  source: { en: 'Source', nb: 'Kilde' },
  name: { en: 'Name', nb: 'Navn' },
  granularity: { en: 'Granularity', nb: 'Detaljnivå' },
  findings: { en: 'Findings', nb: 'Funn' },
  unverified: { en: 'unverified', nb: 'ikke bekreftet' },
  lawCurrent: { en: 'Law current to', nb: 'Lov per' },
  catalogueCurrent: { en: 'data source catalogue current to', nb: 'datakildekatalogen per' },
  noLinks: { en: 'No links.', nb: 'Ingen koblinger.' },
  export: { en: 'Export as Markdown', nb: 'Eksporter som Markdown' },
  plan: { en: 'Next steps', nb: 'Neste steg' },
  to: { en: 'to', nb: 'til' },
  sends: { en: 'sends', nb: 'sender' },
  done: { en: 'done', nb: 'ferdig' },
  open: { en: 'to do', nb: 'gjenstår' },
  blocked: { en: 'rejected: see the approvals', nb: 'avslått: se godkjenningene' },
  parseProblem: { en: 'The file could not be read as a descriptor, so nothing is concluded about it:', nb: 'Filen kunne ikke leses som en prosjektbeskrivelse, så ingenting er konkludert om den:' },
  changes: { en: 'Changes since approval', nb: 'Endringer siden godkjenningen' },
  comparedWith: { en: 'Compared with the approved version', nb: 'Sammenlignet med den godkjente versjonen' },
  unreadable: { en: 'The approved version could not be read', nb: 'Den godkjente versjonen kunne ikke leses' },
  noChanges: { en: 'No change since the approved version needs an application or a report.', nb: 'Ingen endring siden den godkjente versjonen må søkes om eller meldes.' },
  change: { en: 'Change', nb: 'Endring' },
  approvedValue: { en: 'Approved value', nb: 'Godkjent verdi' },
  needs: { en: 'What it needs, from whom', nb: 'Hva den trenger, og fra hvem' },
  draftTo: { en: 'Draft change request to', nb: 'Utkast til endringsmelding til' },
  draftHint: { en: 'Copy the text, say why in place of the brackets, and send it.', nb: 'Kopier teksten, skriv begrunnelsen der klammene står, og send den.' },
  dates: { en: 'Key dates', nb: 'Viktige datoer' },
  stateIs: { en: 'State', nb: 'Tilstand' },
  date: { en: 'Date', nb: 'Dato' },
  what: { en: 'What', nb: 'Hva' },
  overdue: { en: 'overdue', nb: 'forfalt' },
  passed: { en: 'passed', nb: 'passert' },
  sent: { en: 'sent', nb: 'sendt' },
  nextDate: { en: 'next', nb: 'neste' },
  noDates: { en: 'The descriptor gives no dates that matter yet (project period, retention).', nb: 'Beskrivelsen har ennå ingen viktige datoer (prosjektperiode, lagringstid).' },
} as const;
const t = (k: keyof typeof S, l: Lang) => S[k][l];

/** Approval states in words, in both languages. */
const STATUS = {
  planned: { en: 'planned', nb: 'planlagt' },
  applied: { en: 'applied', nb: 'søkt' },
  granted: { en: 'granted', nb: 'innvilget' },
  rejected: { en: 'rejected', nb: 'avslått' },
  missing: { en: 'missing', nb: 'mangler' },
} as const;
export const statusText = (s: keyof typeof STATUS, l: Lang) => STATUS[s][l];

export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
const e = escapeHtml;
/** Markdown text from the descriptor: escape what Markdown or HTML would interpret. */
export const escapeMd = (s: unknown) => String(s ?? '').replace(/[\\`*_{}[\]()#+!|<>&]/g, (c) => `\\${c}`);

export function timelineText(m: RequirementsModel): { en: string; nb: string } {
  const tl = m.timeline;
  if (!tl) return { en: S.noTimeline.en, nb: S.noTimeline.nb };
  const who = tl.decidedBy;
  const rule = {
    en: `From a complete application, ${who} has ${tl.workingDays} working days to make the data available${tl.linked ? ' (60 because sources are linked)' : ''}, not counting weekends and Norwegian public holidays.`,
    nb: `Fra søknaden er komplett har ${who} ${tl.workingDays} virkedager på å tilgjengeliggjøre dataene${tl.linked ? ' (60 fordi kilder kobles)' : ''}, uten helger og norske helligdager.`,
  };
  const slow = tl.pseudonymousLinkage
    ? { en: ' Linkage with a pseudonymous registry usually takes longer.', nb: ' Kobling med et pseudonymt register tar som regel lenger tid.' }
    : { en: '', nb: '' };
  let when: { en: string; nb: string };
  if (tl.decidedOn) {
    when = { en: ` The application was granted on ${tl.decidedOn}.`, nb: ` Søknaden ble innvilget ${tl.decidedOn}.` };
  } else if (tl.waitingFor.length) {
    const list = tl.waitingFor.map((k) => `\`${k}\``).join(', ');
    when = {
      en: ` The deadline starts only when the application is complete: first ${list} must be granted.`,
      nb: ` Fristen løper først når søknaden er komplett: først må ${list} være innvilget.`,
    };
  } else if (tl.applicationDate && tl.earliestAccess) {
    when = {
      en: ` Complete application sent ${tl.applicationDate}: earliest expected access ${tl.earliestAccess}.`,
      nb: ` Komplett søknad sendt ${tl.applicationDate}: tidligst forventet tilgang ${tl.earliestAccess}.`,
    };
  } else {
    when = {
      en: ' Record the data application (`data-application` with `status: applied` and its `date`) to see the earliest expected access.',
      nb: ' Før opp søknaden om data (`data-application` med `status: applied` og `date`) for å se tidligst forventet tilgang.',
    };
  }
  return { en: rule.en + when.en + slow.en, nb: rule.nb + when.nb + slow.nb };
}

/** "1 error", "2 errors"; "1 advarsel", "2 advarsler". */
const COUNT_WORDS = {
  errors: { en: ['error', 'errors'], nb: ['feil', 'feil'] },
  warnings: { en: ['warning', 'warnings'], nb: ['advarsel', 'advarsler'] },
  information: { en: ['information', 'information'], nb: ['informasjon', 'informasjon'] },
} as const;

/** "1 error, 2 warnings, 0 information", or only the kinds asked for. */
export function countsText(c: RequirementsModel['counts'], l: Lang, kinds: readonly (keyof typeof COUNT_WORDS)[] = ['errors', 'warnings', 'information']): string {
  return kinds.map((k) => `${c[k]} ${COUNT_WORDS[k][l][c[k] === 1 ? 0 : 1]}`).join(', ');
}

/** A key date's mark: overdue, done, passed, or the next one. */
function dateMark(d: RequirementsModel['dates'][number], m: RequirementsModel): string {
  const l = m.lang;
  if (d.overdue) return t('overdue', l);
  if (d.done) return t('sent', l);
  if (d.passed) return t('passed', l);
  return m.next?.kind === d.kind && m.next.date === d.date ? t('nextDate', l) : '';
}

/** "State: Needs action: 1 error to correct; ..." */
export function stateText(m: RequirementsModel): string {
  const l = m.lang;
  return `${t('stateIs', l)}: ${STATE_NAME[m.state][l]}${m.reasons.length ? `: ${m.reasons.join('; ')}` : ''}.`;
}

function provHtml(p: ProvisionRef[], l: Lang): string {
  return p
    .map((x) => `<a href="${e(x.url)}" title="${e(x.heading ?? '')}">${e(x.label)}</a>${x.verified ? '' : ` <span class="warn">(${t('unverified', l)})</span>`}`)
    .join(', ');
}

/** The linkage diagram (sources, who links, the project, the steps in words): see linkage-diagram.ts. */
export function linkageSvg(m: RequirementsModel): string {
  return linkageDiagram(m);
}

export interface HtmlOptions {
  nonce: string;
  cspSource: string;
}

/** Escaped text with its `code` spans as <code>. */
const codeHtml = (s: string) => e(s).replace(/`([^`]+)`/g, '<code>$1</code>');

/** The "Changes since approval" section; empty when there is no approved version to compare with. */
function changesHtml(m: RequirementsModel): string {
  const c = m.changes;
  const l = m.lang;
  if (c.baseline === undefined && c.problem === undefined) return '';
  const parts = [`<section id="changes"><h2>${t('changes', l)}</h2>`];
  if (c.problem) parts.push(`<p class="warn">${t('unreadable', l)}${c.baseline ? ` (<code>${e(c.baseline)}</code>)` : ''}: ${codeHtml(c.problem)}.</p>`);
  else parts.push(`<p>${t('comparedWith', l)} <code>${e(c.baseline)}</code>.</p>`);
  if (!c.problem && !c.items.length) parts.push(`<p>${t('noChanges', l)}</p>`);
  if (c.items.length) {
    parts.push(`<table><tr><th>${t('change', l)}</th><th>${t('approvedValue', l)}</th><th>${t('needs', l)}</th></tr>`);
    for (const i of c.items) {
      const what = i.line === undefined ? codeHtml(i.what) : `<a href="#" data-line="${i.line}">${codeHtml(i.what)}</a>`;
      parts.push(`<tr><td>${what}</td><td>${i.approved === undefined ? '—' : `<code>${e(i.approved)}</code>`}</td><td><ul>${i.needs.map((n) => `<li>${codeHtml(n.text)}</li>`).join('')}</ul></td></tr>`);
    }
    parts.push('</table>');
  }
  for (const r of c.requests) parts.push(`<h3>${t('draftTo', l)} ${e(r.to)}</h3><p class="note">${t('draftHint', l)}</p><pre class="draft">${e(r.draft)}</pre>`);
  parts.push('</section>');
  return parts.join('');
}

export function renderHtml(m: RequirementsModel, o: HtmlOptions): string {
  const l = m.lang;
  const csp = `default-src 'none'; style-src ${o.cspSource} 'nonce-${o.nonce}'; script-src 'nonce-${o.nonce}'; img-src ${o.cspSource} data:;`;
  const head = `<!DOCTYPE html><html lang="${l === 'nb' ? 'nb' : 'en'}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="viewport" content="width=device-width, initial-scale=1"><style nonce="${o.nonce}">${STYLE}</style><title>${t('title', l)}</title></head><body>`;
  if (m.problem) return `${head}<h1>${t('title', l)}</h1><p class="banner warn" role="alert">${t('parseProblem', l)} ${e(m.problem)}</p></body></html>`;
  const parts: string[] = [];
  parts.push(`<h1>${t('title', l)}: ${e(m.title ?? '')}</h1><p class="counts" id="counts">${e(countsText(m.counts, l))} <button type="button" id="export">${t('export', l)}</button></p>`);
  if (m.plan.length) {
    parts.push(`<section id="plan"><h2>${t('plan', l)}</h2><ol>`);
    for (const p of m.plan) {
      const mark = p.state === 'done' ? '✓' : p.state === 'blocked' ? '✗' : '…';
      const sends = p.attachments.length ? `<br><span class="sub">${t('sends', l)}: ${p.attachments.map((k) => e(named(ATTACHMENT_NAME, k, l))).join(', ')}</span>` : '';
      parts.push(`<li class="step-${p.state}"><strong>${e(p.what)}</strong> (${t('to', l)} ${e(p.to)}) <span class="state">${mark} ${t(p.state, l)}</span>${sends}${p.note ? `<br><em>${e(p.note)}</em>` : ''}</li>`);
    }
    parts.push('</ol></section>');
  }
  // Key dates and where the project stands.
  parts.push(`<section id="dates"><h2>${t('dates', l)}</h2><p class="standing">${e(stateText(m))}</p>`);
  if (!m.dates.length) parts.push(`<p>${t('noDates', l)}</p>`);
  else {
    parts.push(`<table><tr><th>${t('date', l)}</th><th>${t('what', l)}</th><th></th><th>${t('law', l)}</th></tr>`);
    for (const d of m.dates) parts.push(`<tr class="${d.overdue ? 'overdue' : ''}"><td>${e(d.date)}</td><td>${e(d.what)}</td><td>${d.overdue ? '✗ ' : ''}${dateMark(d, m)}</td><td>${provHtml(d.provisions, l)}</td></tr>`);
    parts.push('</table>');
  }
  parts.push('</section>');
  // Route.
  const r = m.route;
  parts.push(`<section id="route"><h2>${t('route', l)}</h2><p>${t('purpose', l)}: <code>${e(m.purpose ?? '')}</code>${m.secondary.length ? ` + ${m.secondary.map((s) => `<code>${e(s)}</code>`).join(', ')}` : ''}${m.product ? ` (<code>${e(m.product)}</code>)` : ''}. ${t('consent', l)}: ${m.consent === undefined ? t('notStated', l) : m.consent ? t('yes', l) : t('no', l)}.</p>`);
  parts.push(
    r.exemptionNeeded && r.exemptionKind
      ? `<p class="route">${t('exemption', l)}: <strong>${e(r.exemptionKind)}</strong>, ${t('decidedBy', l)} <strong>${e(r.authority ?? '')}</strong>. ${e(r.why ?? '')} ${provHtml(r.provisions, l)}</p>`
      : `<p class="route">${t('exemptionNone', l)}</p>`,
  );
  for (const n of r.notes) parts.push(`<p class="note">${e(n)}</p>`);
  parts.push('</section>');
  // Approvals.
  parts.push(`<section id="approvals"><h2>${t('approvals', l)}</h2><table><tr><th>${t('kind', l)}</th><th>${t('status', l)}</th><th>${t('why', l)}</th><th>${t('law', l)}</th></tr>`);
  for (const a of m.approvals) {
    parts.push(`<tr class="st-${e(a.status)}"><td>${e(named(APPROVAL_NAME, a.kind, l))} <code>${e(a.kind)}</code>${a.level === 'assess' ? ` <em>(${t('assess', l)})</em>` : ''}</td><td>${a.status === 'missing' || a.status === 'rejected' ? '✗' : a.status === 'granted' ? '✓' : '…'} ${e(statusText(a.status, l))}</td><td>${e(a.why)}</td><td>${provHtml(a.provisions, l)}</td></tr>`);
  }
  parts.push('</table></section>');
  // Changes since approval.
  const changes = changesHtml(m);
  if (changes) parts.push(changes);
  // Attachments.
  parts.push(`<section id="attachments"><h2>${t('attachments', l)}</h2>`);
  if (!m.attachments.length) parts.push(`<p>${t('noAttachments', l)}</p>`);
  else {
    parts.push(`<table><tr><th>${t('attachment', l)}</th><th>${t('listed', l)}</th><th>${t('file', l)}</th><th>${t('why', l)}</th></tr>`);
    for (const a of m.attachments) {
      const file = a.file ? `<code>${e(a.file)}</code> ${a.fileExists === undefined ? '' : a.fileExists ? `✓ ${t('exists', l)}` : `<span class="warn">✗ ${t('missingFile', l)}</span>`}` : '';
      parts.push(`<tr><td>${e(named(ATTACHMENT_NAME, a.kind, l))} <code>${e(a.kind)}</code></td><td>${a.listed ? '☑' : '☐'}</td><td>${file}</td><td>${e(a.why)}</td></tr>`);
    }
    parts.push('</table>');
  }
  parts.push('</section>');
  // Timeline.
  parts.push(`<section id="timeline"><h2>${t('timeline', l)}</h2><p>${e(timelineText(m)[l])}</p></section>`);
  // Linkage.
  parts.push(`<section id="linkage"><h2>${t('linkage', l)}</h2>${linkageSvg(m) || `<p>${t('noLinks', l)}</p>`}</section>`);
  // Variables.
  parts.push(`<section id="variables"><h2>${t('variables', l)}</h2><table><tr><th>${t('source', l)}</th><th>${t('name', l)}</th><th>${t('granularity', l)}</th><th>${t('findings', l)}</th></tr>`);
  for (const v of m.variables) {
    parts.push(`<tr><td>${e(v.source)}</td><td><a href="#" data-line="${v.line}">${e(v.name)}</a></td><td>${e(v.granularity ?? '')}</td><td>${v.findings.map((f) => `<span class="sev-${e(f.severity)}" title="${e(f.message)}">${e(f.rule)}</span>`).join(' ')}</td></tr>`);
  }
  parts.push('</table></section>');
  parts.push(`<p class="foot">${t('lawCurrent', l)} ${e(m.lawCurrentTo)}; ${t('catalogueCurrent', l)} ${e(m.catalogueCurrentTo)}.</p>`);
  // The script only posts messages; the document's uri is kept as state so a reload restores the panel.
  const script = `<script nonce="${o.nonce}">const vscode=acquireVsCodeApi();vscode.setState({uri:${JSON.stringify(m.uri).replace(/</g, '\\u003c')}});document.addEventListener('click',ev=>{const a=ev.target.closest('a[data-line]');if(a){ev.preventDefault();vscode.postMessage({type:'reveal',line:Number(a.dataset.line)});}if(ev.target.closest('#export')){vscode.postMessage({type:'export'});}});</script>`;
  return `${head}${parts.join('\n')}${script}</body></html>`;
}

export function renderMarkdown(m: RequirementsModel): string {
  const l = m.lang;
  const md = escapeMd;
  if (m.problem) return [`# ${t('title', l)}`, '', `> ${t('parseProblem', l)} ${md(m.problem)}`, ''].join('\n');
  const out: string[] = [`# ${t('title', l)}: ${md(m.title ?? '')}`, '', countsText(m.counts, l), ''];
  if (m.plan.length) {
    out.push(`## ${t('plan', l)}`, '');
    m.plan.forEach((p, i) => {
      out.push(`${i + 1}. **${md(p.what)}** (${t('to', l)} ${md(p.to)}): ${t(p.state, l)}${p.attachments.length ? `; ${t('sends', l)}: ${p.attachments.map((k) => named(ATTACHMENT_NAME, k, l)).join(', ')}` : ''}${p.note ? `. ${md(p.note)}` : ''}`);
    });
    out.push('');
  }
  out.push(`## ${t('dates', l)}`, '', md(stateText(m)), '');
  if (!m.dates.length) out.push(t('noDates', l), '');
  else {
    out.push(`| ${t('date', l)} | ${t('what', l)} | |`, '| --- | --- | --- |');
    for (const d of m.dates) out.push(`| ${d.date} | ${md(d.what)} | ${dateMark(d, m)} |`);
    out.push('');
  }
  out.push(`## ${t('route', l)}`, '');
  out.push(`${t('purpose', l)}: \`${m.purpose ?? ''}\`${m.secondary.length ? ` + ${m.secondary.map((s) => `\`${s}\``).join(', ')}` : ''}${m.product ? ` (\`${m.product}\`)` : ''}. ${t('consent', l)}: ${m.consent === undefined ? t('notStated', l) : m.consent ? t('yes', l) : t('no', l)}.`, '');
  const r = m.route;
  out.push(r.exemptionNeeded && r.exemptionKind ? `${t('exemption', l)}: \`${r.exemptionKind}\`, ${t('decidedBy', l)} **${r.authority ?? ''}**. ${r.why ?? ''} ${r.provisions.map((p) => `[${p.label}](${p.url})${p.verified ? '' : ` (${t('unverified', l)})`}`).join(', ')}` : t('exemptionNone', l), '');
  for (const n of r.notes) out.push(`> ${n}`, '');
  out.push(`## ${t('approvals', l)}`, '', `| ${t('kind', l)} | ${t('status', l)} | ${t('why', l)} |`, '| --- | --- | --- |');
  for (const a of m.approvals) out.push(`| ${named(APPROVAL_NAME, a.kind, l)} (\`${a.kind}\`)${a.level === 'assess' ? ` (${t('assess', l)})` : ''} | ${statusText(a.status, l)} | ${md(a.why)} |`);
  out.push(...changesMarkdown(m));
  out.push('', `## ${t('attachments', l)}`, '');
  if (!m.attachments.length) out.push(t('noAttachments', l));
  else {
    out.push(`| ${t('attachment', l)} | ${t('listed', l)} | ${t('file', l)} |`, '| --- | --- | --- |');
    for (const a of m.attachments) out.push(`| ${named(ATTACHMENT_NAME, a.kind, l)} (\`${a.kind}\`) | ${a.listed ? '☑' : '☐'} | ${a.file ? `${md(a.file)} ${a.fileExists === false ? `(${t('missingFile', l)})` : ''}` : ''} |`);
  }
  out.push('', `## ${t('timeline', l)}`, '', timelineText(m)[l], '', `## ${t('linkage', l)}`, '');
  out.push(m.linkage.links.length ? m.linkage.links.map((x) => `- ${md(x.a)} ↔ ${md(x.b)}`).join('\n') : t('noLinks', l));
  out.push('', `## ${t('variables', l)}`, '', `| ${t('source', l)} | ${t('name', l)} | ${t('granularity', l)} | ${t('findings', l)} |`, '| --- | --- | --- | --- |');
  for (const v of m.variables) out.push(`| ${md(v.source)} | ${md(v.name)} | ${md(v.granularity ?? '')} | ${v.findings.map((f) => f.rule).join(', ')} |`);
  out.push('', `${t('lawCurrent', l)} ${m.lawCurrentTo}; ${t('catalogueCurrent', l)} ${m.catalogueCurrentTo}.`, '');
  return out.join('\n');
}

/** The "Changes since approval" section in Markdown, with each draft in a fenced block. */
function changesMarkdown(m: RequirementsModel): string[] {
  const c = m.changes;
  const l = m.lang;
  if (c.baseline === undefined && c.problem === undefined) return [];
  // Text from the descriptor is escaped outside its code spans; inside them Markdown is not read.
  const prose = (s: string) => s.split(/(`[^`\n]*`)/).map((p, i) => (i % 2 ? p : escapeMd(p))).join('');
  const cell = (s: string) => prose(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const out = ['', `## ${t('changes', l)}`, ''];
  out.push(c.problem ? `${t('unreadable', l)}${c.baseline ? ` (\`${c.baseline}\`)` : ''}: ${prose(c.problem)}.` : `${t('comparedWith', l)} \`${c.baseline}\`.`);
  if (!c.problem && !c.items.length) out.push('', t('noChanges', l));
  if (c.items.length) {
    out.push('', `| ${t('change', l)} | ${t('approvedValue', l)} | ${t('needs', l)} |`, '| --- | --- | --- |');
    for (const i of c.items) out.push(`| ${cell(i.what)} | ${i.approved === undefined ? '—' : `\`${i.approved.replace(/[`|\n]/g, ' ')}\``} | ${cell(i.needs.map((n) => n.text).join('; '))} |`);
  }
  for (const r of c.requests) {
    const fence = r.draft.includes('```') ? '~~~~' : '```';
    out.push('', `### ${t('draftTo', l)} ${escapeMd(r.to)}`, '', t('draftHint', l), '', `${fence}text`, r.draft, fence);
  }
  return out;
}

const STYLE = `@media (max-width:520px){table,tbody,tr,th,td{display:block;width:auto}tr{border-bottom:1px solid var(--vscode-panel-border);padding:.3em 0}th{display:none}td{border:0;padding:.1em .3em}}
ol li{margin:.35em 0}.banner{padding:.5em;border:1px solid var(--vscode-inputValidation-errorBorder)}.state{font-weight:600}.step-blocked .state{color:var(--vscode-errorForeground)}
button{font:inherit;color:var(--vscode-button-foreground);background:var(--vscode-button-background);border:0;padding:.2em .7em;margin-left:.5em;cursor:pointer}
body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);color:var(--vscode-foreground);background:var(--vscode-editor-background);padding:0 1em}
h1{font-size:1.4em}h2{font-size:1.15em;border-bottom:1px solid var(--vscode-panel-border);padding-bottom:.2em}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25em .5em;border-bottom:1px solid var(--vscode-panel-border);vertical-align:top}
code{font-family:var(--vscode-editor-font-family)}a{color:var(--vscode-textLink-foreground)}
.warn,.st-missing td:nth-child(2),.st-rejected td:nth-child(2),.sev-error,tr.overdue td:nth-child(3){color:var(--vscode-errorForeground)}.sev-warning,.sev-information{text-decoration:underline dotted}
/* State is told by the glyph and the word, in the text colour: theme accent colours are too light for text (WCAG AA). */
.note{font-style:italic}
pre.draft{white-space:pre-wrap;user-select:text;font-family:var(--vscode-editor-font-family);background:var(--vscode-textCodeBlock-background);padding:.6em;border:1px solid var(--vscode-panel-border)}
svg.linkage{color:var(--vscode-foreground);max-width:100%;height:auto}svg.linkage .bg{fill:none}
svg.linkage .box{fill:var(--vscode-editorWidget-background);stroke:var(--vscode-foreground)}svg.linkage .linker .box{stroke:var(--vscode-textLink-foreground)}svg.linkage .legend .box{fill:none;stroke:var(--vscode-panel-border)}
svg.linkage .unknown .box{stroke:var(--vscode-errorForeground)}svg.linkage text{fill:var(--vscode-foreground)}svg.linkage text.sub,svg.linkage text.tag{fill:var(--vscode-descriptionForeground)}
svg.linkage text.bad{fill:var(--vscode-errorForeground)}svg.linkage path{stroke:var(--vscode-foreground)}svg.linkage path.bad{stroke:var(--vscode-errorForeground)}svg.linkage .arrowhead{fill:var(--vscode-foreground);stroke:none}svg.linkage .arrowhead.bad{fill:var(--vscode-errorForeground)}`;
