/**
 * The requirements preview as HTML (for the webview) and as Markdown (for export), from the
 * server's model. Pure functions: every string that comes from the descriptor is escaped.
 */
import type { ProvisionRef, RequirementsModel } from '../../server/lsp/protocol';
import { linkageDiagram } from './linkage-diagram';

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
  noLinks: { en: 'No links.', nb: 'Ingen koblinger.' },
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

export function renderHtml(m: RequirementsModel, o: HtmlOptions): string {
  const l = m.lang;
  const csp = `default-src 'none'; style-src ${o.cspSource} 'nonce-${o.nonce}'; script-src 'nonce-${o.nonce}'; img-src ${o.cspSource} data:;`;
  const head = `<!DOCTYPE html><html lang="${l === 'nb' ? 'nb' : 'en'}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="viewport" content="width=device-width, initial-scale=1"><style nonce="${o.nonce}">${STYLE}</style><title>${t('title', l)}</title></head><body>`;
  if (m.problem) return `${head}<h1>${t('title', l)}</h1><p class="warn">${e(m.problem)}</p></body></html>`;
  const parts: string[] = [];
  parts.push(`<h1>${t('title', l)}: ${e(m.title ?? '')}</h1><p class="counts" id="counts">${e(countsText(m.counts, l))}</p>`);
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
    parts.push(`<tr class="st-${e(a.status)}"><td><code>${e(a.kind)}</code>${a.level === 'assess' ? ` <em>(${t('assess', l)})</em>` : ''}</td><td>${a.status === 'missing' || a.status === 'rejected' ? '✗' : a.status === 'granted' ? '✓' : '…'} ${e(statusText(a.status, l))}</td><td>${e(a.why)}</td><td>${provHtml(a.provisions, l)}</td></tr>`);
  }
  parts.push('</table></section>');
  // Attachments.
  parts.push(`<section id="attachments"><h2>${t('attachments', l)}</h2>`);
  if (!m.attachments.length) parts.push(`<p>${t('noAttachments', l)}</p>`);
  else {
    parts.push(`<table><tr><th>${t('attachment', l)}</th><th>${t('listed', l)}</th><th>${t('file', l)}</th><th>${t('why', l)}</th></tr>`);
    for (const a of m.attachments) {
      const file = a.file ? `<code>${e(a.file)}</code> ${a.fileExists === undefined ? '' : a.fileExists ? `✓ ${t('exists', l)}` : `<span class="warn">✗ ${t('missingFile', l)}</span>`}` : '';
      parts.push(`<tr><td><code>${e(a.kind)}</code></td><td>${a.listed ? '☑' : '☐'}</td><td>${file}</td><td>${e(a.why)}</td></tr>`);
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
  parts.push(`<p class="foot">${t('lawCurrent', l)} ${e(m.lawCurrentTo)}.</p>`);
  const script = `<script nonce="${o.nonce}">const vscode=acquireVsCodeApi();document.addEventListener('click',ev=>{const a=ev.target.closest('a[data-line]');if(a){ev.preventDefault();vscode.postMessage({type:'reveal',line:Number(a.dataset.line)});}});</script>`;
  return `${head}${parts.join('\n')}${script}</body></html>`;
}

export function renderMarkdown(m: RequirementsModel): string {
  const l = m.lang;
  const md = escapeMd;
  const out: string[] = [`# ${t('title', l)}: ${md(m.title ?? '')}`, '', countsText(m.counts, l), '', `## ${t('route', l)}`, ''];
  out.push(`${t('purpose', l)}: \`${m.purpose ?? ''}\`${m.secondary.length ? ` + ${m.secondary.map((s) => `\`${s}\``).join(', ')}` : ''}${m.product ? ` (\`${m.product}\`)` : ''}. ${t('consent', l)}: ${m.consent === undefined ? t('notStated', l) : m.consent ? t('yes', l) : t('no', l)}.`, '');
  const r = m.route;
  out.push(r.exemptionNeeded && r.exemptionKind ? `${t('exemption', l)}: \`${r.exemptionKind}\`, ${t('decidedBy', l)} **${r.authority ?? ''}**. ${r.why ?? ''} ${r.provisions.map((p) => `[${p.label}](${p.url})${p.verified ? '' : ` (${t('unverified', l)})`}`).join(', ')}` : t('exemptionNone', l), '');
  for (const n of r.notes) out.push(`> ${n}`, '');
  out.push(`## ${t('approvals', l)}`, '', `| ${t('kind', l)} | ${t('status', l)} | ${t('why', l)} |`, '| --- | --- | --- |');
  for (const a of m.approvals) out.push(`| \`${a.kind}\`${a.level === 'assess' ? ` (${t('assess', l)})` : ''} | ${statusText(a.status, l)} | ${md(a.why)} |`);
  out.push('', `## ${t('attachments', l)}`, '');
  if (!m.attachments.length) out.push(t('noAttachments', l));
  else {
    out.push(`| ${t('attachment', l)} | ${t('listed', l)} | ${t('file', l)} |`, '| --- | --- | --- |');
    for (const a of m.attachments) out.push(`| \`${a.kind}\` | ${a.listed ? '☑' : '☐'} | ${a.file ? `${md(a.file)} ${a.fileExists === false ? `(${t('missingFile', l)})` : ''}` : ''} |`);
  }
  out.push('', `## ${t('timeline', l)}`, '', timelineText(m)[l], '', `## ${t('linkage', l)}`, '');
  out.push(m.linkage.links.length ? m.linkage.links.map((x) => `- ${md(x.a)} ↔ ${md(x.b)}`).join('\n') : t('noLinks', l));
  out.push('', `## ${t('variables', l)}`, '', `| ${t('source', l)} | ${t('name', l)} | ${t('granularity', l)} | ${t('findings', l)} |`, '| --- | --- | --- | --- |');
  for (const v of m.variables) out.push(`| ${md(v.source)} | ${md(v.name)} | ${md(v.granularity ?? '')} | ${v.findings.map((f) => f.rule).join(', ')} |`);
  out.push('', `${t('lawCurrent', l)} ${m.lawCurrentTo}.`, '');
  return out.join('\n');
}

const STYLE = `body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);color:var(--vscode-foreground);background:var(--vscode-editor-background);padding:0 1em}
h1{font-size:1.4em}h2{font-size:1.15em;border-bottom:1px solid var(--vscode-panel-border);padding-bottom:.2em}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25em .5em;border-bottom:1px solid var(--vscode-panel-border);vertical-align:top}
code{font-family:var(--vscode-editor-font-family)}a{color:var(--vscode-textLink-foreground)}
.warn,.st-missing td:nth-child(2),.st-rejected td:nth-child(2),.sev-error{color:var(--vscode-errorForeground)}.sev-warning{color:var(--vscode-editorWarning-foreground)}.sev-information{color:var(--vscode-editorInfo-foreground)}
.st-granted td:nth-child(2){color:var(--vscode-testing-iconPassed)}.note{font-style:italic}.foot,.counts{opacity:.8}
svg.linkage{color:var(--vscode-foreground);max-width:100%;height:auto}svg.linkage .bg{fill:none}
svg.linkage .box{fill:var(--vscode-editorWidget-background);stroke:var(--vscode-foreground)}svg.linkage .linker .box{stroke:var(--vscode-textLink-foreground)}svg.linkage .legend .box{fill:none;stroke:var(--vscode-panel-border)}
svg.linkage .unknown .box{stroke:var(--vscode-errorForeground)}svg.linkage text{fill:var(--vscode-foreground)}svg.linkage text.sub,svg.linkage text.tag{fill:var(--vscode-descriptionForeground)}
svg.linkage text.bad{fill:var(--vscode-errorForeground)}svg.linkage path{stroke:var(--vscode-foreground)}svg.linkage path.bad{stroke:var(--vscode-errorForeground)}svg.linkage .arrowhead{fill:var(--vscode-foreground);stroke:none}svg.linkage .arrowhead.bad{fill:var(--vscode-errorForeground)}`;
