/**
 * report.html: one self-contained, printable page. No scripts; a Content-Security-Policy that
 * allows only inline styles and data: images; every string from the descriptor escaped. It holds
 * the errors first, the requirements, the findings grouped by section with their provisions, the
 * linkage diagram and the variable table.
 */
import { say } from '../../rules/domain/text';
import { ruleMetas } from '../../rules';
import { provisionRefs } from './requirements-model';
import type { Lang } from '../../rules/domain/types';
import { escapeHtml as e } from './escape';
import { planHtml, statusWithDate, timelineText, countsText } from './requirements-render';
import type { Placed } from '../engine/engine';
import { nodeAt } from '../engine/yaml-paths';
import type { ProvisionRef, RequirementsModel } from './model';
import type { Analysis } from '../engine/analysis';
import { variableRows } from './application';
import { APPROVAL_NAME, ATTACHMENT_NAME, missing, SECTION_OF_KEY, WORDS } from './words';
import { REPORT_CSP } from './csp';

const W = WORDS.document;

export { REPORT_CSP };

/** Escaped text with the product's `code` spans as <code>: escaping comes first, so nothing from the descriptor becomes markup. */
const prose = (s: string) => e(s).replace(/`([^`]+)`/g, '<code>$1</code>');

const SECTION_ORDER = ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10'] as const;

function provLinks(refs: readonly ProvisionRef[]): string {
  return refs.map((p) => `<a href="${e(p.url)}"${p.heading ? ` title="${e(p.heading)}"` : ''}>${e(p.label)}</a>${p.status ? ` <span class="muted">(${e(p.status)})</span>` : ''}`).join(', ');
}

function ruleProvisions(rule: string, l: Lang, today: string): ProvisionRef[] {
  const meta = ruleMetas.find((x) => x.id === rule);
  return provisionRefs(meta?.provisions ?? [], l, today);
}

const sevWord = (s: Placed['severity'], l: Lang) => say(W[s === 'error' ? 'sevError' : s === 'warning' ? 'sevWarning' : 'sevInformation'], l);
const words = (table: Readonly<Record<string, { en: string; nb: string }>>, k: string, l: Lang) => (table[k] ? table[k][l] : k);

/** The report section a finding belongs to: the top-level key it sits under. */
function sectionOf(a: Analysis, r: Placed): string {
  const key = nodeAt(a.parsed, r.start)?.path[0];
  const s = typeof key === 'string' ? SECTION_OF_KEY[key] : undefined;
  if (!s) return 'other';
  return SECTION_ORDER.find((k) => W[k] === s) ?? 'other';
}

export function renderReport(a: Analysis, m: RequirementsModel, o: { svg: string; descriptorName: string; today: string; version: string }): string {
  const l = a.lang;
  const parts: string[] = [];
  const title = m.title?.trim() ? m.title : o.descriptorName;
  parts.push(`<header><h1>${say(W.reportTitle, l)}: ${e(title)}</h1><p class="muted">${e(say(W.generated, l, o.descriptorName, o.version, o.today, m.lawCurrentTo))}</p><p class="counts">${e(countsText(m.counts, l))}</p></header>`);

  const errors = a.results.filter((r) => r.severity === 'error');
  if (errors.length) {
    parts.push(`<section id="errors" class="errors"><h2>${say(W.errorsTitle, l)}</h2><ul>`);
    for (const r of errors) parts.push(`<li><strong>${e(say(W.line, l, r.range.start.line + 1))}</strong>: ${prose(r.message)} <code>${e(r.rule)}</code></li>`);
    parts.push('</ul></section>');
  }
  // The next steps, as the preview plans them.
  const plan = planHtml(m);
  if (plan) parts.push(plan);

  // Nothing is concluded from a file that could not be read, or without a purpose to route by.
  const unconcluded = m.problem ?? m.undecided;
  if (unconcluded) parts.push(`<section id="requirements"><h2>${say(W.requirements, l)}</h2><p class="sev-error">${prose(unconcluded)}</p></section>`);
  else {
    // Requirements: the route, the approvals, the attachments, the timeline.
    parts.push(`<section id="requirements"><h2>${say(W.requirements, l)}</h2>`);
    const rt = m.route;
    parts.push(`<h3>${say(W.routeTitle, l)}</h3>`);
    if (rt.exemptionNeeded && rt.exemptionKind) parts.push(`<p>${say(W.exemptionTitle, l)}: <strong>${e(words(APPROVAL_NAME, rt.exemptionKind, l))}</strong>, ${e(say(W.decidedBy, l).toLowerCase())} <strong>${e(rt.authority ?? '')}</strong>. ${prose(rt.why ?? '')} ${provLinks(rt.provisions)}</p>`);
    else parts.push(`<p>${say(W.noExemption, l)}</p>`);
    for (const n of rt.notes) parts.push(`<p class="note">${prose(n)}</p>`);
    parts.push(`<h3>${say(W.s9, l)}</h3>`);
    if (m.approvals.length) {
      parts.push(`<table><thead><tr><th>${say(W.approval, l)}</th><th>${say(W.saksstatus, l)}</th><th>${say(W.why, l)}</th><th>${say(W.law, l)}</th></tr></thead><tbody>`);
      for (const ap of m.approvals) {
        parts.push(`<tr class="st-${e(ap.status)}"><td>${e(words(APPROVAL_NAME, ap.kind, l))}${ap.level === 'assess' ? ` <em>(${say(W.assess, l)})</em>` : ''}<br><code>${e(ap.kind)}</code></td><td class="status">${e(statusWithDate(ap, l))}</td><td>${prose(ap.why)}</td><td>${provLinks(ap.provisions)}</td></tr>`);
      }
      parts.push('</tbody></table>');
    } else parts.push(`<p>${say(W.noApprovals, l)}</p>`);
    parts.push(`<h3>${say(W.s10, l)}</h3>`);
    if (m.attachments.length) {
      parts.push(`<table><thead><tr><th>${say(W.attachment, l)}</th><th>${say(W.file, l)}</th><th>${say(W.why, l)}</th></tr></thead><tbody>`);
      for (const at of m.attachments) {
        const file = at.file ? `<code>${e(at.file)}</code>${at.fileExists === false ? ` <span class="sev-error">${say(W.fileNotFound, l)}</span>` : ''}` : `<span class="placeholder">${e(missing('attachmentEntry', l))}</span>`;
        parts.push(`<tr><td>${e(words(ATTACHMENT_NAME, at.kind, l))}<br><code>${e(at.kind)}</code></td><td>${at.listed || at.file ? file : `<span class="placeholder">${e(missing('attachmentEntry', l))}</span>`}</td><td>${prose(at.why)}</td></tr>`);
      }
      parts.push('</tbody></table>');
    } else parts.push(`<p>${say(W.noAttachments, l)}</p>`);
    parts.push(`<h3>${say(W.timeline, l)}</h3><p>${prose(timelineText(m)[l])}</p></section>`);
  }

  // Findings, grouped by the section of the application they concern.
  parts.push(`<section id="findings"><h2>${say(W.findings, l)}</h2>`);
  if (!a.results.length) parts.push(`<p>${say(W.noFindings, l)}</p>`);
  const groups = new Map<string, Placed[]>();
  for (const r of a.results) {
    const s = sectionOf(a, r);
    groups.set(s, [...(groups.get(s) ?? []), r]);
  }
  for (const [i, key] of [...SECTION_ORDER, 'other' as const].entries()) {
    const rs = groups.get(key);
    if (!rs?.length) continue;
    parts.push(`<h3>${key === 'other' ? say(W.otherSection, l) : `${i + 1} ${say(W[key], l)}`}</h3><table class="findings"><thead><tr><th>${say(W.severity, l)}</th><th>${say(W.line, l, '').trim()}</th><th>${say(W.message, l)}</th><th>${say(W.provisions, l)}</th></tr></thead><tbody>`);
    for (const r of rs) {
      parts.push(`<tr><td class="sev-${e(r.severity)}">${e(sevWord(r.severity, l))}</td><td>${r.range.start.line + 1}</td><td>${prose(r.message)}<br><code>${e(r.rule)}</code></td><td>${provLinks(ruleProvisions(r.rule, l, o.today))}</td></tr>`);
    }
    parts.push('</tbody></table>');
  }
  parts.push('</section>');

  // The diagram and the variables.
  parts.push(`<section id="linkage"><h2>${say(W.s6, l)}</h2>${o.svg ? `<div class="diagram">${o.svg}</div>` : `<p>${say(W.noSourcesLinked, l)}</p>`}</section>`);
  parts.push(`<section id="variables"><h2>${say(W.variables, l)}</h2>`);
  const md = a.model;
  if (md && md.variables.length) {
    parts.push(`<table><thead><tr><th>${say(W.sourceName, l)}</th><th>${say(W.variable, l)}</th><th>${say(W.custodianName, l)}</th><th>${say(W.description, l)}</th><th>${say(W.granularity, l)}</th><th>${say(W.justification, l)}</th><th>${say(W.findings, l)}</th></tr></thead><tbody>`);
    let k = 0;
    md.dataSources.forEach((d, i) => {
      for (const v of variableRows(md, i, l)) {
        const found = m.variables[k++]?.findings ?? [];
        parts.push(`<tr><td>${e(d.id ?? d.source ?? '')}</td><td>${e(v.name)}</td><td>${v.custodianName ? e(v.custodianName) : `<span class="placeholder">${e(say(W.toCheck, l))}</span>`}</td><td>${e(v.description ?? '')}</td><td>${e(v.granularity ?? '')}</td><td>${v.justification ? e(v.justification) : `<span class="placeholder">${e(missing('justification', l))}</span>`}</td><td>${found.map((f) => `<span class="sev-${e(f.severity)}" title="${e(f.message)}">${e(f.rule)}</span>`).join(' ')}</td></tr>`);
      }
    });
    parts.push('</tbody></table>');
  } else parts.push(`<p>${e(missing('variables', l))}</p>`);
  parts.push('</section>');

  return `<!DOCTYPE html><html lang="${l === 'nb' ? 'nb' : 'en'}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${say(W.reportTitle, l)}: ${e(title)}</title><style>${STYLE}</style></head><body>${parts.join('\n')}</body></html>\n`;
}

const STYLE = `:root{color-scheme:light}body{font-family:"Segoe UI",Calibri,"DejaVu Sans",Arial,sans-serif;font-size:15px;line-height:1.45;color:#1f2328;background:#fff;max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:1.6em;color:#1f3b57;margin:.2em 0}h2{font-size:1.3em;color:#1f3b57;border-bottom:2px solid #d0d7de;padding-bottom:.2em;margin-top:1.6em}h3{font-size:1.08em;margin:1.2em 0 .4em}
table{border-collapse:collapse;width:100%;margin:.4em 0 1em}th,td{text-align:left;vertical-align:top;padding:.35em .55em;border:1px solid #d0d7de}th{background:#e7ecf2}
code{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:.85em;color:#4b5563;word-break:break-all}a{color:#0b5cad}.muted,.counts{color:#4b5563}.note{font-style:italic}
.errors{border:2px solid #b42318;background:#fdf0ef;padding:.2em 1em;border-radius:6px}.errors h2{border:0;color:#b42318;margin-top:.4em}
.sev-error,.st-missing .status,.st-rejected .status{color:#b42318;font-weight:600}.sev-warning{color:#9a6700;font-weight:600}.sev-information{color:#0b5cad}.st-granted .status{color:#1a7f37;font-weight:600}
ol li{margin:.35em 0}.state{font-weight:600}.step-blocked .state{color:#b42318}.step-done .state{color:#1a7f37}.sub{color:#4b5563}.tag{font-size:.85em;border:1px solid #d0d7de;padding:0 .3em;white-space:nowrap}
.placeholder{background:#fff3b0;font-weight:600;padding:0 .2em}.diagram{overflow-x:auto}.diagram svg{max-width:100%;height:auto}
@page{margin:16mm}@media print{body{font-size:10.5pt;padding:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}a{color:inherit}.diagram{overflow:visible}section{break-inside:auto}}`;
