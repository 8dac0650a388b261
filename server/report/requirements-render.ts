/**
 * The requirements preview as HTML (for the webview) and as Markdown (for export), from the
 * server's model. Pure functions: every string that comes from the descriptor is escaped.
 */
import { countOf, dateText, say } from '../../rules/domain/text';
import type { Lang } from '../../rules/domain/types';
import { APPROVAL_NAME, ATTACHMENT_NAME, PURPOSE_INFO, type Purpose } from '../../rules/domain/vocabulary';
import { codeMd, escapeHtml, escapeMd, fenceFor } from './escape';
import { linkageDiagram } from './linkage-diagram';
import type { PlanStep, ProvisionRef, RequirementsModel } from './model';
import { COUNT_NOUNS, WORDS } from './words';

const W = WORDS.preview;

/** A kind by its name, with the id the descriptor uses. */
const named = (names: Readonly<Record<string, { en: string; nb: string }>>, kind: string, l: Lang) => names[kind]?.[l] ?? kind;
import { STATE_NAME } from './portfolio/words';

/** Approval states in words, in both languages. */
const STATUS = {
  planned: { en: 'planned', nb: 'planlagt' },
  applied: { en: 'applied', nb: 'søkt' },
  granted: { en: 'granted', nb: 'innvilget' },
  rejected: { en: 'rejected', nb: 'avslått' },
  missing: { en: 'missing', nb: 'mangler' },
} as const;
export const statusText = (s: keyof typeof STATUS, l: Lang) => STATUS[s][l];

/** An approval's status in words, with its date when the descriptor gives one: "applied 01.11.2024". */
export const statusWithDate = (a: RequirementsModel['approvals'][number], l: Lang) => `${statusText(a.status, l)}${a.date ? ` ${dateText(a.date, l)}` : ''}`;

const STATE_MARK: Record<PlanStep['state'], string> = { done: '✓', waiting: '⧗', open: '○', blocked: '✗' };

/** Where a plan step stands, in words, with its date: "done 02.11.2024", "sent 2024-11-01, awaiting decision". */
function stepStateText(p: PlanStep, l: Lang): string {
  if (p.state === 'done') return p.date ? say(W.doneOn, l, dateText(p.date, l)) : say(W.done, l);
  if (p.state === 'waiting') return p.date ? say(W.waitingSince, l, dateText(p.date, l)) : say(W.waiting, l);
  return say(W[p.state], l);
}

/** The purpose by its name, with its id: "Health research (`health-research`)"; an id that is not a purpose as written. */
const purposeName = (id: string, l: Lang) => (PURPOSE_INFO[id as Purpose] ? `${PURPOSE_INFO[id as Purpose].name[l]} (\`${id}\`)` : `\`${id}\``);

const e = escapeHtml;

/** Escaped text with its `code` spans as <code>: escaping comes first, so nothing from the descriptor becomes markup. */
const codeHtml = (s: string) => e(s).replace(/`([^`]+)`/g, '<code>$1</code>');

/** Text from the product in Markdown: escaped outside its code spans (inside them Markdown is not read). */
const prose = (s: string) => s.split(/(`[^`\n]*`)/).map((p, i) => (i % 2 ? p : escapeMd(p))).join('');
/** The same, for a table cell. */
const cell = (s: string) => prose(s).replace(/(?<!\\)\|/g, '\\|').replace(/\r?\n/g, ' ');
/** Text from the descriptor in a table cell (escapeMd escapes `|` too). */
const textCell = (s: string) => escapeMd(s).replace(/\r?\n/g, ' ');

export function timelineText(m: RequirementsModel): { en: string; nb: string } {
  const tl = m.timeline;
  if (!tl) return { en: W.noTimeline.en, nb: W.noTimeline.nb };
  const who = tl.decidedBy;
  const d = (x: string) => ({ en: dateText(x, 'en'), nb: dateText(x, 'nb') });
  const rule = {
    en: `From a complete application, ${who} has ${tl.workingDays} working days to make the data available${tl.linked ? ' (60 because sources are linked)' : ''}, not counting weekends and Norwegian public holidays.`,
    nb: `Fra søknaden er komplett har ${who} ${tl.workingDays} virkedager på å tilgjengeliggjøre dataene${tl.linked ? ' (60 fordi kilder kobles)' : ''}, uten helger og norske helligdager.`,
  };
  const slow = tl.pseudonymousLinkage
    ? { en: ' Linkage with a pseudonymous registry usually takes longer.', nb: ' Kobling med et pseudonymt register tar som regel lenger tid.' }
    : { en: '', nb: '' };
  let when: { en: string; nb: string };
  if (tl.decidedOn) {
    const on = d(tl.decidedOn);
    when = { en: ` The application was granted on ${on.en}.`, nb: ` Søknaden ble innvilget ${on.nb}.` };
  } else if (tl.waitingFor.length) {
    const list = tl.waitingFor.map((k) => `\`${k}\``).join(', ');
    when = {
      en: ` The deadline starts only when the application is complete: first ${list} must be granted.`,
      nb: ` Fristen løper først når søknaden er komplett: først må ${list} være innvilget.`,
    };
  } else if (tl.applicationDate && tl.earliestAccess) {
    const sent = d(tl.applicationDate);
    const at = d(tl.earliestAccess);
    when = {
      en: ` Complete application sent ${sent.en}: earliest expected access ${at.en}.`,
      nb: ` Komplett søknad sendt ${sent.nb}: tidligst forventet tilgang ${at.nb}.`,
    };
  } else {
    when = {
      en: ' The deadline starts on the day the complete application is sent; give that date in the descriptor (`status: applied` with its `date`) to see when the data can come at the earliest.',
      nb: ' Fristen løper fra dagen den komplette søknaden sendes; oppgi den datoen i beskrivelsen (`status: applied` med `date`) for å se når dataene tidligst kan komme.',
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
function standingText(m: RequirementsModel): string {
  const l = m.lang;
  return `${say(W.stateIs, l)}: ${say(STATE_NAME[m.state], l)}${m.reasons.length ? `: ${m.reasons.join('; ')}` : ''}.`;
}

function provHtml(p: ProvisionRef[], l: Lang): string {
  return p
    .map((x) => `<a href="${e(x.url)}" title="${e(x.heading ?? '')}">${e(x.label)}</a>${x.status ? ` <span class="warn">(${e(x.status)})</span>` : ''}`)
    .join(', ');
}

function provMarkdown(p: ProvisionRef[], l: Lang): string {
  return p.map((x) => `[${escapeMd(x.label)}](${x.url.replace(/[()\s]/g, encodeURIComponent)})${x.status ? ` (${escapeMd(x.status)})` : ''}`).join(', ');
}

/** Key dates and where the project stands (the same reading as the portfolio's). */
function datesHtml(m: RequirementsModel): string {
  const l = m.lang;
  const parts = [`<section id="dates"><h2>${say(W.dates, l)}</h2><p class="standing">${e(standingText(m))}</p>`];
  if (!m.dates.length) parts.push(`<p>${say(W.noDates, l)}</p>`);
  else {
    const [dt, wh, lw] = [say(W.date, l), say(W.what, l), say(W.law, l)];
    parts.push(`<table><tr class="head"><th>${dt}</th><th>${wh}</th><th></th><th>${lw}</th></tr>`);
    for (const d of m.dates) parts.push(`<tr class="${d.overdue ? 'overdue' : ''}"><td>${e(dateText(d.date, l))}</td><td>${e(d.what)}</td><td>${d.overdue ? '✗ ' : ''}${dateMark(d, m)}</td><td>${provHtml(d.provisions, l)}</td></tr>`);
    parts.push('</table>');
  }
  parts.push('</section>');
  return parts.join('');
}

/** The linkage diagram (sources, who links, the project, the steps in words): see linkage-diagram.ts. */
export function linkageSvg(m: RequirementsModel): string {
  return linkageDiagram(m);
}

export interface HtmlOptions {
  nonce: string;
  cspSource: string;
}

/** A table cell with its column's name, which narrow screens show in front of the value (the header row is hidden there). */
const td = (label: string, content: string, cls = '') => `<td data-label="${e(label)}"${cls ? ` class="${cls}"` : ''}>${content}</td>`;

/**
 * The plan as an ordered list: each step with who it goes to, where it stands and what it sends.
 * Shared by the preview and report.html.
 */
export function planHtml(m: RequirementsModel): string {
  const l = m.lang;
  if (!m.plan.length) return '';
  const items = m.plan.map((p) => {
    const sends = p.attachments.length ? `<br><span class="sub">${say(W.sends, l)}: ${p.attachments.map((k) => e(named(ATTACHMENT_NAME, k, l))).join(', ')}</span>` : '';
    const tag = p.kind === 'change' ? ` <span class="tag">${say(W.changeStep, l)}</span>` : '';
    return `<li class="step-${p.state}"><strong>${codeHtml(p.what)}</strong> (${say(W.to, l)} ${e(p.to)})${tag} <span class="state">${STATE_MARK[p.state]} ${e(stepStateText(p, l))}</span>${sends}${p.note ? `<br><em>${codeHtml(p.note)}</em>` : ''}</li>`;
  });
  return `<section id="plan"><h2>${say(W.plan, l)}</h2><ol>${items.join('')}</ol></section>`;
}

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
    const [ch, ap, nd] = [say(W.change, l), say(W.approvedValue, l), say(W.needs, l)];
    parts.push(`<table><tr class="head"><th>${ch}</th><th>${ap}</th><th>${nd}</th></tr>`);
    for (const i of c.items) {
      const what = i.line === undefined ? codeHtml(i.what) : `<a href="#" data-line="${i.line}">${codeHtml(i.what)}</a>`;
      parts.push(`<tr>${td(ch, what)}${td(ap, i.approved === undefined ? '—' : `<code>${e(i.approved)}</code>`)}${td(nd, `<ul>${i.needs.map((n) => `<li>${codeHtml(n.text)}</li>`).join('')}</ul>`)}</tr>`);
    }
    parts.push('</table>');
  }
  for (const r of c.requests) parts.push(`<h3>${say(r.to === 'REK' ? W.draftToRek : W.draftTo, l)} ${e(r.to)}</h3><p class="note">${say(W.draftHint, l)}</p><pre class="draft">${e(r.draft)}</pre>`);
  parts.push('</section>');
  return parts.join('');
}

function routeHtml(m: RequirementsModel): string {
  const l = m.lang;
  const r = m.route;
  const consent = m.consent === undefined ? say(W.notStated, l) : m.consent ? say(W.yes, l) : say(W.no, l);
  const parts = [`<section id="route"><h2>${say(W.route, l)}</h2><p>${say(W.purpose, l)}: ${m.purpose ? codeHtml(purposeName(m.purpose, l)) : say(W.notStated, l)}${m.secondary.length ? ` + ${m.secondary.map((x) => codeHtml(purposeName(x, l))).join(', ')}` : ''}${m.product ? ` (<code>${e(m.product)}</code>)` : ''}. ${say(W.consent, l)}: ${consent}.</p>`];
  parts.push(
    r.exemptionNeeded && r.exemptionKind
      ? `<p class="route">${say(W.exemption, l)}: <strong>${e(named(APPROVAL_NAME, r.exemptionKind, l))}</strong> <code>${e(r.exemptionKind)}</code>, ${say(W.decidedBy, l)} <strong>${e(r.authority ?? '')}</strong>. ${codeHtml(r.why ?? '')} ${provHtml(r.provisions, l)}</p>`
      : `<p class="route">${say(W.exemptionNone, l)}</p>`,
  );
  for (const n of r.notes) parts.push(`<p class="note">${codeHtml(n)}</p>`);
  parts.push('</section>');
  return parts.join('');
}

function approvalsHtml(m: RequirementsModel): string {
  const l = m.lang;
  const [k, st, wh, lw] = [say(W.kind, l), say(W.status, l), say(W.why, l), say(W.law, l)];
  const rows = m.approvals.map((a) => {
    const mark = a.status === 'missing' || a.status === 'rejected' ? '✗' : a.status === 'granted' ? '✓' : a.status === 'applied' ? '⧗' : '○';
    const name = `${e(named(APPROVAL_NAME, a.kind, l))} <code>${e(a.kind)}</code>${a.level === 'assess' ? ` <em>(${say(W.assess, l)})</em>` : ''}`;
    return `<tr class="st-${e(a.status)}${a.level === 'listed' ? ' listed' : ''}">${td(k, a.line === undefined ? name : `<a href="#" data-line="${a.line}">${name}</a>`)}${td(st, `${mark} ${e(statusWithDate(a, l))}`, 'status')}${td(wh, codeHtml(a.why))}${td(lw, provHtml(a.provisions, l))}</tr>`;
  });
  return `<section id="approvals"><h2>${say(W.approvals, l)}</h2><table><tr class="head"><th>${k}</th><th>${st}</th><th>${wh}</th><th>${lw}</th></tr>${rows.join('')}</table></section>`;
}

function attachmentsHtml(m: RequirementsModel): string {
  const l = m.lang;
  const parts = [`<section id="attachments"><h2>${say(W.attachments, l)}</h2>`];
  if (!m.attachments.length) parts.push(`<p>${say(W.noAttachments, l)}</p>`);
  else {
    const [at, li, fi, wh] = [say(W.attachment, l), say(W.listedColumn, l), say(W.file, l), say(W.why, l)];
    parts.push(`<table><tr class="head"><th>${at}</th><th>${li}</th><th>${fi}</th><th>${wh}</th></tr>`);
    for (const a of m.attachments) {
      const file = a.file ? `<code>${e(a.file)}</code> ${a.fileExists === undefined ? '' : a.fileExists ? `✓ ${say(W.exists, l)}` : `<span class="warn">✗ ${say(W.missingFile, l)}</span>`}` : '';
      parts.push(`<tr>${td(at, `${e(named(ATTACHMENT_NAME, a.kind, l))} <code>${e(a.kind)}</code>`)}${td(li, a.listed ? '☑' : '☐')}${td(fi, file)}${td(wh, codeHtml(a.why))}</tr>`);
    }
    parts.push('</table>');
  }
  parts.push('</section>');
  return parts.join('');
}

function variablesHtml(m: RequirementsModel): string {
  const l = m.lang;
  const [so, na, gr, fi] = [say(W.source, l), say(W.name, l), say(W.granularity, l), say(W.findings, l)];
  const rows = m.variables.map((v) => `<tr>${td(so, e(v.source))}${td(na, `<a href="#" data-line="${v.line}">${e(v.name)}</a>`)}${td(gr, v.granularity ? `<code>${e(v.granularity)}</code>` : '')}${td(fi, v.findings.map((f) => `<span class="sev-${e(f.severity)}" title="${e(f.message)}">${e(f.rule)}</span>`).join(' '))}</tr>`);
  return `<section id="variables"><h2>${say(W.variables, l)}</h2><table><tr class="head"><th>${so}</th><th>${na}</th><th>${gr}</th><th>${fi}</th></tr>${rows.join('')}</table></section>`;
}

export function renderHtml(m: RequirementsModel, o: HtmlOptions): string {
  const l = m.lang;
  const csp = `default-src 'none'; style-src ${o.cspSource} 'nonce-${o.nonce}'; script-src 'nonce-${o.nonce}'; img-src ${o.cspSource} data:;`;
  const head = `<!DOCTYPE html><html lang="${l === 'nb' ? 'nb' : 'en'}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="viewport" content="width=device-width, initial-scale=1"><style nonce="${o.nonce}">${STYLE}</style><title>${say(W.title, l)}</title></head><body>`;
  if (m.problem) return `${head}<h1>${say(W.title, l)}</h1><p class="banner warn" role="alert">${say(W.parseProblem, l)} ${codeHtml(m.problem)}</p></body></html>`;
  const parts: string[] = [];
  parts.push(`<h1>${say(W.title, l)}: ${e(m.title ?? '')}</h1><p class="counts" id="counts">${e(countsText(m.counts, l))}</p><p class="actions"><button type="button" id="export-package">${say(W.exportPackage, l)}</button><button type="button" id="export" class="secondary">${say(W.export, l)}</button></p>`);
  if (m.undecided) {
    parts.push(`<p class="banner warn" role="alert" id="undecided">${say(W.undecided, l)} ${codeHtml(m.undecided)}</p>`, approvalsHtml(m), attachmentsHtml(m));
  } else {
    parts.push(planHtml(m), datesHtml(m), routeHtml(m), approvalsHtml(m), changesHtml(m), attachmentsHtml(m));
    parts.push(`<section id="timeline"><h2>${say(W.timeline, l)}</h2><p>${codeHtml(timelineText(m)[l])}</p></section>`);
  }
  parts.push(`<section id="linkage"><h2>${say(W.linkage, l)}</h2>${m.linkage.nodes.length ? `<div class="diagram">${linkageSvg(m)}</div>` : `<p>${say(W.noLinks, l)}</p>`}</section>`);
  parts.push(variablesHtml(m));
  parts.push(`<p class="foot">${say(W.lawCurrent, l)} ${e(dateText(m.lawCurrentTo, l))}; ${say(W.catalogueCurrent, l)} ${e(dateText(m.catalogueCurrentTo, l))}.</p>`);
  // The script only posts messages; the document's uri is kept as state so a reload restores the panel.
  const script = `<script nonce="${o.nonce}">const vscode=acquireVsCodeApi();vscode.setState({uri:${JSON.stringify(m.uri).replace(/</g, '\\u003c')}});document.addEventListener('click',ev=>{const a=ev.target.closest('a[data-line]');if(a){ev.preventDefault();vscode.postMessage({type:'reveal',line:Number(a.dataset.line)});}if(ev.target.closest('#export')){vscode.postMessage({type:'export'});}if(ev.target.closest('#export-package')){vscode.postMessage({type:'exportPackage'});}});</script>`;
  return `${head}${parts.join('\n')}${script}</body></html>`;
}

/** The plan in Markdown: numbered steps with who, where each stands, what it sends and its note. */
function planMarkdown(m: RequirementsModel): string[] {
  const l = m.lang;
  if (!m.plan.length) return [];
  const out = [`## ${say(W.plan, l)}`, ''];
  m.plan.forEach((p, i) => {
    const sends = p.attachments.length ? `; ${say(W.sends, l)}: ${p.attachments.map((k) => escapeMd(named(ATTACHMENT_NAME, k, l))).join(', ')}` : '';
    out.push(`${i + 1}. **${prose(p.what)}** (${say(W.to, l)} ${escapeMd(p.to)}): ${STATE_MARK[p.state]} ${escapeMd(stepStateText(p, l))}${sends}${p.note ? `. ${prose(p.note)}` : ''}`);
  });
  out.push('');
  return out;
}

export function renderMarkdown(m: RequirementsModel): string {
  const l = m.lang;
  const md = escapeMd;
  if (m.problem) return [`# ${say(W.title, l)}`, '', `> ${say(W.parseProblem, l)} ${prose(m.problem)}`, ''].join('\n');
  const out: string[] = [`# ${say(W.title, l)}: ${md(m.title ?? '')}`, '', countsText(m.counts, l), ''];
  if (m.undecided) {
    out.push(`> ${say(W.undecided, l)} ${prose(m.undecided)}`, '', `## ${say(W.approvals, l)}`, '');
    for (const a of m.approvals) out.push(`- ${textCell(named(APPROVAL_NAME, a.kind, l))} (${codeMd(a.kind, true)}): ${escapeMd(statusWithDate(a, l))}`);
    out.push('', `## ${say(W.attachments, l)}`, '');
    for (const a of m.attachments) out.push(`- ${textCell(named(ATTACHMENT_NAME, a.kind, l))} (${codeMd(a.kind, true)})${a.file ? `: ${textCell(a.file)}` : ''}`);
    out.push('');
  }
  else {
    out.push(...planMarkdown(m));
    out.push(`## ${say(W.dates, l)}`, '', escapeMd(standingText(m)), '');
    if (!m.dates.length) out.push(say(W.noDates, l), '');
    else {
      out.push(`| ${say(W.date, l)} | ${say(W.what, l)} | |`, '| --- | --- | --- |');
      for (const d of m.dates) out.push(`| ${textCell(dateText(String(d.date), l))} | ${textCell(d.what)} | ${dateMark(d, m)} |`);
      out.push('');
    }
    out.push(`## ${say(W.route, l)}`, '');
    out.push(`${say(W.purpose, l)}: ${m.purpose ? prose(purposeName(m.purpose, l)) : say(W.notStated, l)}${m.secondary.length ? ` + ${m.secondary.map((x) => prose(purposeName(x, l))).join(', ')}` : ''}${m.product ? ` (\`${m.product}\`)` : ''}. ${say(W.consent, l)}: ${m.consent === undefined ? say(W.notStated, l) : m.consent ? say(W.yes, l) : say(W.no, l)}.`, '');
    const r = m.route;
    out.push(r.exemptionNeeded && r.exemptionKind ? `${say(W.exemption, l)}: ${md(named(APPROVAL_NAME, r.exemptionKind, l))} (\`${r.exemptionKind}\`), ${say(W.decidedBy, l)} **${md(r.authority ?? '')}**. ${prose(r.why ?? '')} ${provMarkdown(r.provisions, l)}` : say(W.exemptionNone, l), '');
    for (const n of r.notes) out.push(`> ${prose(n)}`, '');
    out.push(`## ${say(W.approvals, l)}`, '', `| ${say(W.kind, l)} | ${say(W.status, l)} | ${say(W.why, l)} | ${say(W.law, l)} |`, '| --- | --- | --- | --- |');
    for (const a of m.approvals) out.push(`| ${md(named(APPROVAL_NAME, a.kind, l))} (\`${a.kind}\`)${a.level === 'assess' ? ` (${say(W.assess, l)})` : ''} | ${md(statusWithDate(a, l))} | ${cell(a.why)} | ${provMarkdown(a.provisions, l)} |`);
    out.push(...changesMarkdown(m));
    out.push('', `## ${say(W.attachments, l)}`, '');
    if (!m.attachments.length) out.push(say(W.noAttachments, l));
    else {
      out.push(`| ${say(W.attachment, l)} | ${say(W.listedColumn, l)} | ${say(W.file, l)} | ${say(W.why, l)} |`, '| --- | --- | --- | --- |');
      for (const a of m.attachments) out.push(`| ${md(named(ATTACHMENT_NAME, a.kind, l))} (\`${a.kind}\`) | ${a.listed ? '☑' : '☐'} | ${a.file ? `${textCell(a.file)}${a.fileExists === false ? ` (${say(W.missingFile, l)})` : ''}` : ''} | ${cell(a.why)} |`);
    }
    out.push('', `## ${say(W.timeline, l)}`, '', prose(timelineText(m)[l]), '');
  }
  out.push(`## ${say(W.linkage, l)}`, '');
  out.push(m.linkage.links.length ? m.linkage.links.map((x) => `- ${md(x.a)} ↔ ${md(x.b)}`).join('\n') : say(W.noLinks, l));
  out.push('', `## ${say(W.variables, l)}`, '', `| ${say(W.source, l)} | ${say(W.name, l)} | ${say(W.granularity, l)} | ${say(W.findings, l)} |`, '| --- | --- | --- | --- |');
  for (const v of m.variables) out.push(`| ${textCell(v.source)} | ${textCell(v.name)} | ${textCell(v.granularity ?? '')} | ${v.findings.map((f) => f.rule).join(', ')} |`);
  out.push('', `${say(W.lawCurrent, l)} ${dateText(m.lawCurrentTo, l)}; ${say(W.catalogueCurrent, l)} ${dateText(m.catalogueCurrentTo, l)}.`, '');
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

/**
 * The preview's style, from the editor's theme. From side-panel widths up, tables wrap their text
 * instead of overflowing; below 640 px each row becomes a block whose cells carry their column's
 * name, and the diagram keeps its drawn size with a sideways scroll, so its text stays readable.
 */
const STYLE = `body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);color:var(--vscode-foreground);background:var(--vscode-editor-background);padding:0 1em;max-width:72em}
h1{font-size:1.4em}h2{font-size:1.15em;border-bottom:1px solid var(--vscode-panel-border);padding-bottom:.2em}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25em .5em;border-bottom:1px solid var(--vscode-panel-border);vertical-align:top;overflow-wrap:anywhere}
code{font-family:var(--vscode-editor-font-family);color:var(--vscode-foreground)}a{color:var(--vscode-textLink-foreground)}
ol li{margin:.35em 0}.banner{padding:.5em;border:1px solid var(--vscode-inputValidation-errorBorder)}.state{font-weight:600}.step-blocked .state{color:var(--vscode-errorForeground)}
.tag{font-size:.9em;border:1px solid var(--vscode-panel-border);padding:0 .3em;white-space:nowrap}
.actions{display:flex;flex-wrap:wrap;gap:.5em}
button{font:inherit;color:var(--vscode-button-foreground);background:var(--vscode-button-background);border:0;padding:.25em .8em;cursor:pointer}
button.secondary{color:var(--vscode-button-secondaryForeground);background:var(--vscode-button-secondaryBackground)}
.warn,.st-missing td.status,.st-rejected td.status,.sev-error,tr.overdue td:nth-child(3){color:var(--vscode-errorForeground)}.sev-warning,.sev-information{text-decoration:underline dotted}
/* State is told by the glyph and the word, in the text colour: theme accent colours are too light for text (WCAG AA). */
.note{font-style:italic}
pre.draft{white-space:pre-wrap;user-select:text;font-family:var(--vscode-editor-font-family);background:var(--vscode-textCodeBlock-background);padding:.6em;border:1px solid var(--vscode-panel-border)}
.diagram{overflow-x:auto}
svg.linkage{color:var(--vscode-foreground);max-width:100%;height:auto}svg.linkage .bg{fill:none}
svg.linkage .box{fill:var(--vscode-editorWidget-background);stroke:var(--vscode-foreground)}svg.linkage .linker .box{stroke:var(--vscode-textLink-foreground)}svg.linkage .legend .box{fill:none;stroke:var(--vscode-panel-border)}
svg.linkage .unknown .box{stroke:var(--vscode-errorForeground)}svg.linkage text{fill:var(--vscode-foreground)}svg.linkage text.sub,svg.linkage text.tag{fill:var(--vscode-descriptionForeground)}
svg.linkage text.bad{fill:var(--vscode-errorForeground)}svg.linkage path{stroke:var(--vscode-foreground)}svg.linkage path.bad{stroke:var(--vscode-errorForeground)}svg.linkage .arrowhead{fill:var(--vscode-foreground);stroke:none}svg.linkage .arrowhead.bad{fill:var(--vscode-errorForeground)}
@media (max-width:640px){body{padding:0 .6em}table,tbody,tr,td{display:block;width:auto}tr.head{display:none}tr{border-bottom:1px solid var(--vscode-panel-border);padding:.35em 0}td{border:0;padding:.1em 0}
td[data-label]::before{content:attr(data-label) ": ";font-weight:600}td ul{margin:.2em 0;padding-left:1.2em}.diagram svg.linkage{max-width:none}}`;
