/**
 * portfolio.html: the portfolio as one self-contained, printable page. As a file it has no script at
 * all and the report's Content-Security-Policy (inline styles only); in a VS Code webview it gets
 * the preview's policy with a nonce, and one small script that asks the extension to open a project
 * by its row number. Every string from a descriptor is escaped.
 */
import { pick, say } from '../../../rules/domain/text';
import type { Lang } from '../../../rules/domain/types';
import { REPORT_CSP } from '../csp';
import { escapeHtml as e } from '../escape';
import { countsText, statusText } from '../requirements-render';
import type { Portfolio, PortfolioDate, PortfolioRow } from './types';
import { PORTFOLIO_TEXT as P, STATE_NAME, STATES } from './words';

export interface PortfolioHtmlOptions {
  /** Rendering for a VS Code webview: its CSP source and a fresh nonce. Without it, a page with no script. */
  webview?: { nonce: string; cspSource: string };
}

const GLYPH: Record<string, string> = { granted: '✓', applied: '…', planned: '○', missing: '✗', rejected: '✗' };

function dateCell(d: PortfolioDate | undefined, l: Lang): string {
  if (!d) return `<span class="muted">${say(P.noDate, l)}</span>`;
  return `<span class="date${d.overdue ? ' overdue' : ''}">${e(d.date)}</span>${d.overdue ? ` <strong class="overdue">${say(P.overdue, l)}</strong>` : ''}<br><span class="sub">${e(d.what)}</span>`;
}

function row(r: PortfolioRow, index: number, l: Lang, webview: boolean, why: boolean): string {
  const title = r.title ? e(r.title) : `<span class="placeholder">${e(say(P.untitled, l))}</span>`;
  const name = webview ? `<a href="#" data-open="${index}" title="${say(P.open, l)}">${title}</a>` : title;
  const who = [r.institution, r.lead].filter((x) => x).map((x) => e(x)).join('<br>');
  const approvals = r.approvals.length
    ? `<ul class="approvals">${r.approvals.map((a) => `<li class="st-${e(a.status)}">${GLYPH[a.status] ?? ''} ${e(a.name)}: <span class="status">${e(statusText(a.status, l))}</span></li>`).join('')}</ul>`
    : `<span class="muted">${say(P.none, l)}</span>`;
  const n = { errors: r.errors, warnings: r.warnings, information: 0 };
  const findings = `<span class="${r.errors ? 'sev-error' : ''}">${e(countsText(n, l, ['errors']))}</span><br><span class="${r.warnings ? 'sev-warning' : ''}">${e(countsText(n, l, ['warnings']))}</span>`;
  const reasons = r.reasons.length ? `<ul class="reasons">${r.reasons.map((x) => `<li>${e(x)}</li>`).join('')}</ul>` : '';
  const problem = r.problem ? `<p class="sev-error">${e(r.problem)}</p>` : '';
  return `<tr class="state-${r.state}"><td><strong>${name}</strong><br><code>${e(r.file)}</code>${problem}</td><td>${who}</td><td>${e(r.purposeName ?? '')}</td><td>${r.route.map((x) => e(x)).join(' → ')}</td><td>${approvals}</td><td>${findings}</td><td>${dateCell(r.next, l)}</td>${why ? `<td>${reasons}</td>` : ''}</tr>`;
}

export function renderPortfolioHtml(p: Portfolio, o: PortfolioHtmlOptions = {}): string {
  const l = p.lang;
  const w = o.webview;
  const csp = w ? `default-src 'none'; style-src ${w.cspSource} 'nonce-${w.nonce}'; script-src 'nonce-${w.nonce}'; img-src ${w.cspSource} data:;` : REPORT_CSP;
  const s = p.summary;
  const parts: string[] = [];
  parts.push(`<header><h1>${say(P.title, l)}</h1><p class="muted">${e(say(P.generated, l, p.tool.version, p.today, s.projects, p.lawCurrentTo))}</p></header>`);

  parts.push(`<section id="summary"><h2>${say(P.summary, l)}</h2><div class="cards">`);
  for (const st of STATES) parts.push(`<a class="card state-${st}" href="#state-${st}"><span class="n">${s.byState[st]}</span> ${e(pick(STATE_NAME[st], l))}</a>`);
  parts.push('</div><table class="counts"><tbody>');
  const count = (key: 'approvalsWaiting' | 'startedWithoutApproval' | 'reportsDue' | 'pastRetention' | 'unreadable', n: number) =>
    parts.push(`<tr class="${n && key !== 'approvalsWaiting' ? 'attention' : ''}" id="count-${key}"><th scope="row">${say(P[key], l)}</th><td>${n}</td></tr>`);
  count('approvalsWaiting', s.approvalsWaiting);
  count('startedWithoutApproval', s.startedWithoutApproval);
  count('reportsDue', s.reportsDue);
  count('pastRetention', s.pastRetention);
  count('unreadable', s.unreadable);
  parts.push(`<tr><th scope="row">${say(P.findings, l)}</th><td>${e(countsText({ errors: s.errors, warnings: s.warnings, information: 0 }, l, ['errors', 'warnings']))}</td></tr>`);
  parts.push('</tbody></table></section>');

  // What needs doing is a column of the first section only; the others have nothing in it.
  const head = (why: boolean) => `<thead><tr><th>${say(P.project, l)}</th><th>${say(P.institution, l)} / ${say(P.lead, l).toLowerCase()}</th><th>${say(P.purpose, l)}</th><th>${say(P.route, l)}</th><th>${say(P.approvals, l)}</th><th>${say(P.findings, l)}</th><th>${say(P.next, l)}</th>${why ? `<th>${say(P.why, l)}</th>` : ''}</tr></thead>`;
  for (const st of STATES) {
    const rows = p.projects.map((r, i) => ({ r, i })).filter(({ r }) => r.state === st);
    parts.push(`<section id="state-${st}" class="state-${st}"><h2>${e(pick(STATE_NAME[st], l))} (${rows.length})</h2>`);
    if (!rows.length) parts.push(`<p class="muted">${say(P.noProjects, l)}</p>`);
    const why = st === 'needs-action';
    if (rows.length) parts.push(`<table class="projects">${head(why)}<tbody>${rows.map(({ r, i }) => row(r, i, l, w !== undefined, why)).join('\n')}</tbody></table>`);
    parts.push('</section>');
  }

  const style = w ? `<style nonce="${w.nonce}">${STYLE}</style>` : `<style>${STYLE}</style>`;
  // The webview's script only posts the row number; the extension maps it to the file it listed.
  const script = w ? `<script nonce="${w.nonce}">const vscode=acquireVsCodeApi();document.addEventListener('click',ev=>{const a=ev.target.closest('a[data-open]');if(a){ev.preventDefault();vscode.postMessage({type:'open',index:Number(a.dataset.open)});}});</script>` : '';
  return `<!DOCTYPE html><html lang="${l === 'nb' ? 'nb' : 'en'}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${say(P.title, l)}</title>${style}</head><body>${parts.join('\n')}${script}</body></html>\n`;
}

/** The page's look: VS Code's theme colours in a webview, the report's light colours as a file. */
const STYLE = `:root{color-scheme:light dark}body{font-family:var(--vscode-font-family,"Segoe UI",Calibri,"DejaVu Sans",Arial,sans-serif);font-size:var(--vscode-font-size,14px);line-height:1.4;color:var(--vscode-foreground,#1f2328);background:var(--vscode-editor-background,#fff);margin:0 auto;padding:16px 24px;max-width:1500px}
section{overflow-x:auto}h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.25em;border-bottom:2px solid var(--vscode-panel-border,#d0d7de);padding-bottom:.2em;margin-top:1.4em}
table{border-collapse:collapse;width:100%;margin:.4em 0 1em}th,td{text-align:left;vertical-align:top;padding:.35em .5em;border:1px solid var(--vscode-panel-border,#d0d7de)}thead th{background:var(--vscode-editorWidget-background,#e7ecf2)}
table.counts{width:auto;min-width:28em}table.counts td{text-align:right;font-weight:600}tr.attention th,tr.attention td{color:var(--vscode-errorForeground,#b42318)}
code{font-family:var(--vscode-editor-font-family,"DejaVu Sans Mono",Consolas,monospace);font-size:.85em;word-break:break-all;color:inherit}a{color:var(--vscode-textLink-foreground,#0b5cad)}
.muted,.sub{color:var(--vscode-descriptionForeground,#4b5563)}.sub{font-size:.9em}ul{margin:0;padding-left:1.1em}
.cards{display:flex;flex-wrap:wrap;gap:.6em;margin:.6em 0}.card{display:block;min-width:10em;padding:.5em .8em;border:1px solid var(--vscode-panel-border,#d0d7de);border-left-width:6px;border-radius:4px;text-decoration:none;color:inherit}.card .n{font-size:1.6em;font-weight:700;display:block}
.card.state-needs-action,section.state-needs-action h2{border-color:#b42318}.card.state-waiting,section.state-waiting h2{border-color:#9a6700}.card.state-approved,section.state-approved h2{border-color:#1a7f37}.card.state-ended,section.state-ended h2{border-color:#6e7781}
.sev-error,.overdue,.st-missing .status,.st-rejected .status{color:var(--vscode-errorForeground,#b42318);font-weight:600}.sev-warning{font-weight:600}.st-granted .status{font-weight:600}
.placeholder{background:#fff3b0;color:#1f2328;font-weight:600;padding:0 .2em}
@page{margin:12mm;size:A4 landscape}@media print{body{font-size:9.5pt;padding:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}a{color:inherit;text-decoration:none}}
@media (max-width:700px){table.projects,table.projects tbody,table.projects tr,table.projects td{display:block;width:auto}table.projects thead{display:none}table.projects tr{border-bottom:2px solid var(--vscode-panel-border,#d0d7de);padding:.3em 0}table.projects td{border:0;padding:.1em .3em}}`;
