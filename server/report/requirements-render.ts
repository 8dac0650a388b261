/**
 * The requirements preview as HTML (for the webview) and as Markdown (for export), from the
 * server's model. Pure functions: every string that comes from the descriptor is escaped.
 */
import { say } from '../../rules/domain/text';
import type { ProvisionRef, RequirementsModel } from './model';
import { APPROVAL_NAME, ATTACHMENT_NAME } from '../../rules/domain/vocabulary';

/** A kind by its name, with the id the descriptor uses. */
const named = (names: Readonly<Record<string, { en: string; nb: string }>>, kind: string, l: 'en' | 'nb') => names[kind]?.[l] ?? kind;
import { linkageDiagram } from './linkage-diagram';
import { STATE_NAME } from './portfolio/words';
import { WORDS } from './words';

const W = WORDS.preview;

import type { Lang } from '../../rules/domain/types';
import { codeMd, escapeHtml, escapeMd, fenceFor } from './escape';
import { countOf } from '../../rules/domain/text';
import { COUNT_NOUNS } from './words';

/** Approval states in words, in both languages. */
const STATUS = {
  planned: { en: 'planned', nb: 'planlagt' },
  applied: { en: 'applied', nb: 'søkt' },
  granted: { en: 'granted', nb: 'innvilget' },
  rejected: { en: 'rejected', nb: 'avslått' },
  missing: { en: 'missing', nb: 'mangler' },
} as const;
export const statusText = (s: keyof typeof STATUS, l: Lang) => STATUS[s][l];

const e = escapeHtml;

export function timelineText(m: RequirementsModel): { en: string; nb: string } {
  const tl = m.timeline;
  if (!tl) return { en: W.noTimeline.en, nb: W.noTimeline.nb };
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

/** "1 error, 2 warnings, 0 information" ("1 feil, 2 advarsler, 0 informasjon"), or only the kinds asked for. */
export function countsText(c: RequirementsModel['counts'], l: Lang, kinds: readonly (keyof RequirementsModel['counts'])[] = ['errors', 'warnings', 'information']): string {
  return kinds.map((k) => countOf(c[k], COUNT_NOUNS[k], l)).join(', ');
}

/** A key date's mark: overdue, done, passed, or the next one. */
function dateMark(d: RequirementsModel['dates'][number], m: RequirementsModel): string {
  const l = m.lang;
  if (d.overdue) return say(W.overdue, l);
  if (d.done) return say(W.sent, l);
  if (d.passed) return say(W.passed, l);
  return m.next?.kind === d.kind && m.next.date === d.date ? say(W.nextDate, l) : '';
}

/** "State: Needs action: 1 error to correct; ..." */
function stateText(m: RequirementsModel): string {
  const l = m.lang;
  return `${say(W.stateIs, l)}: ${say(STATE_NAME[m.state], l)}${m.reasons.length ? `: ${m.reasons.join('; ')}` : ''}.`;
}

function provHtml(p: ProvisionRef[], l: Lang): string {
  return p
    .map((x) => `<a href="${e(x.url)}" title="${e(x.heading ?? '')}">${e(x.label)}</a>${x.status ? ` <span class="warn">(${e(x.status)})</span>` : ''}`)
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
  const parts = [`<section id="changes"><h2>${say(W.changes, l)}</h2>`];
  if (c.problem) parts.push(`<p class="warn">${say(W.unreadable, l)}${c.baseline ? ` (<code>${e(c.baseline)}</code>)` : ''}: ${codeHtml(c.problem)}.</p>`);
  else parts.push(`<p>${say(W.comparedWith, l)} <code>${e(c.baseline)}</code>.</p>`);
  if (!c.problem && !c.items.length) parts.push(`<p>${say(W.noChanges, l)}</p>`);
  if (c.items.length) {
    parts.push(`<table><tr><th>${say(W.change, l)}</th><th>${say(W.approvedValue, l)}</th><th>${say(W.needs, l)}</th></tr>`);
    for (const i of c.items) {
      const what = i.line === undefined ? codeHtml(i.what) : `<a href="#" data-line="${i.line}">${codeHtml(i.what)}</a>`;
      parts.push(`<tr><td>${what}</td><td>${i.approved === undefined ? '—' : `<code>${e(i.approved)}</code>`}</td><td><ul>${i.needs.map((n) => `<li>${codeHtml(n.text)}</li>`).join('')}</ul></td></tr>`);
    }
    parts.push('</table>');
  }
  for (const r of c.requests) parts.push(`<h3>${say(r.to === 'REK' ? W.draftToRek : W.draftTo, l)} ${e(r.to)}</h3><p class="note">${say(W.draftHint, l)}</p><pre class="draft">${e(r.draft)}</pre>`);
  parts.push('</section>');
  return parts.join('');
}

export function renderHtml(m: RequirementsModel, o: HtmlOptions): string {
  const l = m.lang;
  const csp = `default-src 'none'; style-src ${o.cspSource} 'nonce-${o.nonce}'; script-src 'nonce-${o.nonce}'; img-src ${o.cspSource} data:;`;
  const head = `<!DOCTYPE html><html lang="${l === 'nb' ? 'nb' : 'en'}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="viewport" content="width=device-width, initial-scale=1"><style nonce="${o.nonce}">${STYLE}</style><title>${say(W.title, l)}</title></head><body>`;
  if (m.problem) return `${head}<h1>${say(W.title, l)}</h1><p class="banner warn" role="alert">${say(W.parseProblem, l)} ${e(m.problem)}</p></body></html>`;
  const parts: string[] = [];
  parts.push(`<h1>${say(W.title, l)}: ${e(m.title ?? '')}</h1><p class="counts" id="counts">${e(countsText(m.counts, l))} <button type="button" id="export">${say(W.export, l)}</button></p>`);
  if (m.plan.length) {
    parts.push(`<section id="plan"><h2>${say(W.plan, l)}</h2><ol>`);
    for (const p of m.plan) {
      const mark = p.state === 'done' ? '✓' : p.state === 'blocked' ? '✗' : '…';
      const sends = p.attachments.length ? `<br><span class="sub">${say(W.sends, l)}: ${p.attachments.map((k) => e(named(ATTACHMENT_NAME, k, l))).join(', ')}</span>` : '';
      parts.push(`<li class="step-${p.state}"><strong>${e(p.what)}</strong> (${say(W.to, l)} ${e(p.to)}) <span class="state">${mark} ${say(W[p.state], l)}</span>${sends}${p.note ? `<br><em>${e(p.note)}</em>` : ''}</li>`);
    }
    parts.push('</ol></section>');
  }
  // Key dates and where the project stands.
  parts.push(`<section id="dates"><h2>${say(W.dates, l)}</h2><p class="standing">${e(stateText(m))}</p>`);
  if (!m.dates.length) parts.push(`<p>${say(W.noDates, l)}</p>`);
  else {
    parts.push(`<table><tr><th>${say(W.date, l)}</th><th>${say(W.what, l)}</th><th></th><th>${say(W.law, l)}</th></tr>`);
    for (const d of m.dates) parts.push(`<tr class="${d.overdue ? 'overdue' : ''}"><td>${e(d.date)}</td><td>${e(d.what)}</td><td>${d.overdue ? '✗ ' : ''}${dateMark(d, m)}</td><td>${provHtml(d.provisions, l)}</td></tr>`);
    parts.push('</table>');
  }
  parts.push('</section>');
  // Route.
  const r = m.route;
  parts.push(`<section id="route"><h2>${say(W.route, l)}</h2><p>${say(W.purpose, l)}: <code>${e(m.purpose ?? '')}</code>${m.secondary.length ? ` + ${m.secondary.map((s) => `<code>${e(s)}</code>`).join(', ')}` : ''}${m.product ? ` (<code>${e(m.product)}</code>)` : ''}. ${say(W.consent, l)}: ${m.consent === undefined ? say(W.notStated, l) : m.consent ? say(W.yes, l) : say(W.no, l)}.</p>`);
  parts.push(
    r.exemptionNeeded && r.exemptionKind
      ? `<p class="route">${say(W.exemption, l)}: <strong>${e(r.exemptionKind)}</strong>, ${say(W.decidedBy, l)} <strong>${e(r.authority ?? '')}</strong>. ${e(r.why ?? '')} ${provHtml(r.provisions, l)}</p>`
      : `<p class="route">${say(W.exemptionNone, l)}</p>`,
  );
  for (const n of r.notes) parts.push(`<p class="note">${e(n)}</p>`);
  parts.push('</section>');
  // Approvals.
  parts.push(`<section id="approvals"><h2>${say(W.approvals, l)}</h2><table><tr><th>${say(W.kind, l)}</th><th>${say(W.status, l)}</th><th>${say(W.why, l)}</th><th>${say(W.law, l)}</th></tr>`);
  for (const a of m.approvals) {
    parts.push(`<tr class="st-${e(a.status)}"><td>${e(named(APPROVAL_NAME, a.kind, l))} <code>${e(a.kind)}</code>${a.level === 'assess' ? ` <em>(${say(W.assess, l)})</em>` : ''}</td><td>${a.status === 'missing' || a.status === 'rejected' ? '✗' : a.status === 'granted' ? '✓' : '…'} ${e(statusText(a.status, l))}</td><td>${e(a.why)}</td><td>${provHtml(a.provisions, l)}</td></tr>`);
  }
  parts.push('</table></section>');
  // Changes since approval.
  const changes = changesHtml(m);
  if (changes) parts.push(changes);
  // Attachments.
  parts.push(`<section id="attachments"><h2>${say(W.attachments, l)}</h2>`);
  if (!m.attachments.length) parts.push(`<p>${say(W.noAttachments, l)}</p>`);
  else {
    parts.push(`<table><tr><th>${say(W.attachment, l)}</th><th>${say(W.listed, l)}</th><th>${say(W.file, l)}</th><th>${say(W.why, l)}</th></tr>`);
    for (const a of m.attachments) {
      const file = a.file ? `<code>${e(a.file)}</code> ${a.fileExists === undefined ? '' : a.fileExists ? `✓ ${say(W.exists, l)}` : `<span class="warn">✗ ${say(W.missingFile, l)}</span>`}` : '';
      parts.push(`<tr><td>${e(named(ATTACHMENT_NAME, a.kind, l))} <code>${e(a.kind)}</code></td><td>${a.listed ? '☑' : '☐'}</td><td>${file}</td><td>${e(a.why)}</td></tr>`);
    }
    parts.push('</table>');
  }
  parts.push('</section>');
  // Timeline.
  parts.push(`<section id="timeline"><h2>${say(W.timeline, l)}</h2><p>${e(timelineText(m)[l])}</p></section>`);
  // Linkage.
  parts.push(`<section id="linkage"><h2>${say(W.linkage, l)}</h2>${linkageSvg(m) || `<p>${say(W.noLinks, l)}</p>`}</section>`);
  // Variables.
  parts.push(`<section id="variables"><h2>${say(W.variables, l)}</h2><table><tr><th>${say(W.source, l)}</th><th>${say(W.name, l)}</th><th>${say(W.granularity, l)}</th><th>${say(W.findings, l)}</th></tr>`);
  for (const v of m.variables) {
    parts.push(`<tr><td>${e(v.source)}</td><td><a href="#" data-line="${v.line}">${e(v.name)}</a></td><td>${e(v.granularity ?? '')}</td><td>${v.findings.map((f) => `<span class="sev-${e(f.severity)}" title="${e(f.message)}">${e(f.rule)}</span>`).join(' ')}</td></tr>`);
  }
  parts.push('</table></section>');
  parts.push(`<p class="foot">${say(W.lawCurrent, l)} ${e(m.lawCurrentTo)}; ${say(W.catalogueCurrent, l)} ${e(m.catalogueCurrentTo)}.</p>`);
  // The script only posts messages; the document's uri is kept as state so a reload restores the panel.
  const script = `<script nonce="${o.nonce}">const vscode=acquireVsCodeApi();vscode.setState({uri:${JSON.stringify(m.uri).replace(/</g, '\\u003c')}});document.addEventListener('click',ev=>{const a=ev.target.closest('a[data-line]');if(a){ev.preventDefault();vscode.postMessage({type:'reveal',line:Number(a.dataset.line)});}if(ev.target.closest('#export')){vscode.postMessage({type:'export'});}});</script>`;
  return `${head}${parts.join('\n')}${script}</body></html>`;
}

/**
 * Text with code spans of its own (the rules' words, which may quote the descriptor): escaped
 * outside the spans; inside them Markdown is not read.
 */
const prose = (s: string) => s.split(/(`[^`\n]*`)/).map((p, i) => (i % 2 ? p : escapeMd(p))).join('');
/** A table cell: escaped, on one line, its `|` escaped so the row holds. */
const cell = (s: string) => prose(s).replace(/(?<!\\)\|/g, '\\|').replace(/\r?\n/g, ' ');
/** Descriptor text in a table cell. */
const textCell = (s: string) => escapeMd(s).replace(/\r?\n/g, ' ');

/** The requirements as Markdown (requirements.md, the preview's "Export as Markdown"): every text from the descriptor is escaped or in a code span that holds it. */
export function renderMarkdown(m: RequirementsModel): string {
  const l = m.lang;
  const md = escapeMd;
  if (m.problem) return [`# ${say(W.title, l)}`, '', `> ${say(W.parseProblem, l)} ${md(m.problem)}`, ''].join('\n');
  const out: string[] = [`# ${say(W.title, l)}: ${md(m.title ?? '')}`, '', countsText(m.counts, l), ''];
  if (m.plan.length) {
    out.push(`## ${say(W.plan, l)}`, '');
    m.plan.forEach((p, i) => {
      out.push(`${i + 1}. **${md(p.what)}** (${say(W.to, l)} ${md(p.to)}): ${say(W[p.state], l)}${p.attachments.length ? `; ${say(W.sends, l)}: ${p.attachments.map((k) => md(named(ATTACHMENT_NAME, k, l))).join(', ')}` : ''}${p.note ? `. ${md(p.note)}` : ''}`);
    });
    out.push('');
  }
  out.push(`## ${say(W.dates, l)}`, '', md(stateText(m)), '');
  if (!m.dates.length) out.push(say(W.noDates, l), '');
  else {
    out.push(`| ${say(W.date, l)} | ${say(W.what, l)} | |`, '| --- | --- | --- |');
    for (const d of m.dates) out.push(`| ${textCell(String(d.date))} | ${textCell(d.what)} | ${dateMark(d, m)} |`);
    out.push('');
  }
  out.push(`## ${say(W.route, l)}`, '');
  out.push(`${say(W.purpose, l)}: ${m.purpose ? codeMd(m.purpose) : say(W.notStated, l)}${m.secondary.length ? ` + ${m.secondary.map((s) => codeMd(s)).join(', ')}` : ''}${m.product ? ` (${codeMd(m.product)})` : ''}. ${say(W.consent, l)}: ${m.consent === undefined ? say(W.notStated, l) : m.consent ? say(W.yes, l) : say(W.no, l)}.`, '');
  const r = m.route;
  out.push(r.exemptionNeeded && r.exemptionKind ? `${say(W.exemption, l)}: ${codeMd(r.exemptionKind)}, ${say(W.decidedBy, l)} **${md(r.authority ?? '')}**. ${prose(r.why ?? '')} ${r.provisions.map((p) => `[${p.label}](${p.url})${p.status ? ` (${md(p.status)})` : ''}`).join(', ')}` : say(W.exemptionNone, l), '');
  for (const n of r.notes) out.push(`> ${prose(n).replace(/\r?\n/g, ' ')}`, '');
  out.push(`## ${say(W.approvals, l)}`, '', `| ${say(W.kind, l)} | ${say(W.status, l)} | ${say(W.why, l)} |`, '| --- | --- | --- |');
  for (const a of m.approvals) out.push(`| ${textCell(named(APPROVAL_NAME, a.kind, l))} (${codeMd(a.kind, true)})${a.level === 'assess' ? ` (${say(W.assess, l)})` : ''} | ${statusText(a.status, l)} | ${cell(a.why)} |`);
  out.push(...changesMarkdown(m));
  out.push('', `## ${say(W.attachments, l)}`, '');
  if (!m.attachments.length) out.push(say(W.noAttachments, l));
  else {
    out.push(`| ${say(W.attachment, l)} | ${say(W.listed, l)} | ${say(W.file, l)} |`, '| --- | --- | --- |');
    for (const a of m.attachments) out.push(`| ${textCell(named(ATTACHMENT_NAME, a.kind, l))} (${codeMd(a.kind, true)}) | ${a.listed ? '☑' : '☐'} | ${a.file ? `${textCell(a.file)} ${a.fileExists === false ? `(${say(W.missingFile, l)})` : ''}` : ''} |`);
  }
  out.push('', `## ${say(W.timeline, l)}`, '', prose(timelineText(m)[l]), '', `## ${say(W.linkage, l)}`, '');
  out.push(m.linkage.links.length ? m.linkage.links.map((x) => `- ${textCell(x.a)} ↔ ${textCell(x.b)}`).join('\n') : say(W.noLinks, l));
  out.push('', `## ${say(W.variables, l)}`, '', `| ${say(W.source, l)} | ${say(W.name, l)} | ${say(W.granularity, l)} | ${say(W.findings, l)} |`, '| --- | --- | --- | --- |');
  for (const v of m.variables) out.push(`| ${textCell(v.source)} | ${textCell(v.name)} | ${textCell(v.granularity ?? '')} | ${v.findings.map((f) => f.rule).join(', ')} |`);
  out.push('', `${say(W.lawCurrent, l)} ${m.lawCurrentTo}; ${say(W.catalogueCurrent, l)} ${m.catalogueCurrentTo}.`, '');
  return out.join('\n');
}

/** The "Changes since approval" section in Markdown, with each draft in a fenced block. */
function changesMarkdown(m: RequirementsModel): string[] {
  const c = m.changes;
  const l = m.lang;
  if (c.baseline === undefined && c.problem === undefined) return [];
  const out = ['', `## ${say(W.changes, l)}`, ''];
  out.push(c.problem ? `${say(W.unreadable, l)}${c.baseline ? ` (${codeMd(c.baseline)})` : ''}: ${prose(c.problem)}.` : `${say(W.comparedWith, l)} ${codeMd(c.baseline)}.`);
  if (!c.problem && !c.items.length) out.push('', say(W.noChanges, l));
  if (c.items.length) {
    out.push('', `| ${say(W.change, l)} | ${say(W.approvedValue, l)} | ${say(W.needs, l)} |`, '| --- | --- | --- |');
    for (const i of c.items) out.push(`| ${cell(i.what)} | ${i.approved === undefined ? '—' : codeMd(i.approved, true)} | ${cell(i.needs.map((n) => n.text).join('; '))} |`);
  }
  for (const r of c.requests) {
    const fence = fenceFor(r.draft);
    out.push('', `### ${say(r.to === 'REK' ? W.draftToRek : W.draftTo, l)} ${escapeMd(r.to)}`, '', say(W.draftHint, l), '', `${fence}text`, r.draft, fence);
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
