/**
 * The linkage diagram: the "visual representation of the data linkage process" a caseworker asks
 * for. Sources on the left (which define the sample, which are de-identified), who links in the
 * middle (a custodian, a pseudonymous registry, Statistics Norway, or the project itself), the
 * project on the right, and numbered steps below. One pure function of the requirements model:
 * the preview shows it inline (its CSS themes it through the class names) and the export writes it
 * to a file (the presentation attributes give it a neutral light palette with explicit fills).
 *
 * Labels are never cut by a box: every box is sized from an estimate of its text's width that is
 * generous for the widest common sans-serif fonts (DejaVu Sans, Verdana), and long text wraps.
 * The drawing is bounded whatever the descriptor holds: each label wraps to a few lines and then
 * ends with an ellipsis, at most `MAX_SOURCES` sources are drawn (the rest are counted in one box),
 * a linker lists at most `MAX_PAIRS` links and the legend at most `MAX_STEPS` steps. A megabyte of
 * text in one field therefore makes a diagram of the usual size, not one hundreds of thousands of
 * pixels tall.
 */
import { listOf, say } from '../../rules/domain/text';
import type { LinkageNode, RequirementsModel } from './model';
import { WORDS } from './words';

const W = WORDS.diagram;

import type { Lang } from '../../rules/domain/types';
import { escapeHtml as esc } from './escape';




/** The font the boxes are measured for; the widest common sans-serif fonts, so others only fit better. */
const DIAGRAM_FONT = "'DejaVu Sans', Verdana, 'Segoe UI', Arial, Helvetica, sans-serif";
const SIZE = 13;
const SUB = 11.5;
const LINE = 1.35;
const PAD = 10;

/** Lines a label wraps to in a box, and a step in the legend, before it ends with an ellipsis. */
const LABEL_LINES = 3;
const STEP_LINES = 4;
/** Source boxes drawn; links listed in a linker's box; steps in the legend. The rest are counted. */
export const MAX_SOURCES = 24;
const MAX_PAIRS = 8;
const MAX_STEPS = 16;
/** A tooltip (the source's id) is cut to this many characters. */
const MAX_TITLE = 200;
const ELLIPSIS = '…';

/** `s` cut to at most `n` UTF-16 units (never inside a surrogate pair), with an ellipsis when cut. */
function clip(s: string, n: number): string {
  if (s.length <= n) return s;
  let cut = n;
  const c = s.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return s.slice(0, cut) + ELLIPSIS;
}

/** Widths of characters in DejaVu Sans / Verdana, in em, rounded up. */
function charEm(c: string): number {
  if (c === ' ') return 0.33;
  if ('il|!.,:;\'`'.includes(c)) return 0.34;
  if ('fjrt()[]{}"/\\-'.includes(c)) return 0.45;
  if ('mw'.includes(c)) return 0.92;
  if ('MW@%'.includes(c)) return 1.0;
  if (/[0-9]/.test(c)) return 0.64;
  if (/[A-ZÆØÅÄÖÜ]/.test(c)) return 0.78;
  if (/[a-zæøåäöüéèáà]/.test(c)) return 0.62;
  if (c.charCodeAt(0) > 0x2e7f) return 1.05; // CJK and other wide scripts
  return 0.8;
}

/** A generous estimate of a line's width in pixels (10 % above DejaVu Sans; bold 12 % wider still). */
export function textWidth(s: string, size: number, bold = false): number {
  let em = 0;
  for (const c of s) em += charEm(c);
  return em * size * 1.1 * (bold ? 1.12 : 1);
}

/**
 * Greedy wrap on spaces; a word longer than the line is broken between characters. With `maxLines`,
 * text beyond that many lines is left out and the last line ends with an ellipsis; only as much of
 * the text as could fill those lines is looked at.
 */
export function wrap(s: string, max: number, size: number, bold = false, maxLines = Infinity): string[] {
  const out: string[] = [];
  let line = '';
  const push = () => {
    if (line) out.push(line);
    line = '';
  };
  // No character is narrower than 0.33 em (times 1.1): a line never holds more than this many.
  const perLine = Math.ceil(max / (0.33 * size * 1.1)) + 1;
  const text = Number.isFinite(maxLines) ? clip(s, perLine * (maxLines + 1)) : s;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (out.length > maxLines) break;
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, size, bold) <= max) {
      line = candidate;
      continue;
    }
    push();
    if (textWidth(word, size, bold) <= max) {
      line = word;
      continue;
    }
    let part = '';
    for (const c of word) {
      if (part && textWidth(part + c, size, bold) > max) {
        out.push(part);
        part = '';
        if (out.length > maxLines) break;
      }
      part += c;
    }
    line = part;
  }
  push();
  if (out.length > maxLines) {
    out.length = maxLines;
    let last = Array.from(out[maxLines - 1]);
    while (last.length && textWidth(last.join('') + ELLIPSIS, size, bold) > max) last.pop();
    out[maxLines - 1] = last.join('').trimEnd() + ELLIPSIS;
  }
  return out.length ? out : [''];
}

interface Line {
  text: string;
  size: number;
  bold?: boolean;
  italic?: boolean;
  cls?: string;
}
interface Box {
  cls: string;
  lines: Line[];
  w: number;
  h: number;
  x: number;
  y: number;
  title?: string;
}

/** Lines of a box, wrapped to `max` text width; the box is as wide as its widest line. */
function box(cls: string, parts: { text: string; size?: number; bold?: boolean; italic?: boolean; cls?: string }[], max: number, min = 120): Box {
  const lines: Line[] = [];
  for (const p of parts) {
    const size = p.size ?? SIZE;
    for (const text of wrap(p.text, max, size, p.bold, LABEL_LINES)) lines.push({ text, size, bold: p.bold, italic: p.italic, cls: p.cls });
  }
  const inner = Math.max(...lines.map((l) => textWidth(l.text, l.size, l.bold)), min - 2 * PAD);
  const h = lines.reduce((sum, l) => sum + l.size * LINE, 0) + 2 * PAD - 2;
  return { cls, lines, w: Math.ceil(inner + 2 * PAD), h: Math.ceil(h), x: 0, y: 0 };
}

/** Neutral light palette, written as presentation attributes; the preview's CSS overrides them by class. */
const C = {
  bg: '#ffffff',
  text: '#1f2328',
  sub: '#4b5563',
  box: '#ffffff',
  stroke: '#4b5563',
  linker: '#eaf1fb',
  linkerStroke: '#1d4f91',
  project: '#f3f5f7',
  bad: '#b42318',
  arrow: '#4b5563',
};

function drawBox(b: Box, dashed: boolean, fill: string, stroke: string, strokeWidth = 1.5): string {
  let y = b.y + PAD;
  const texts = b.lines
    .map((l) => {
      y += l.size * LINE;
      const baseline = y - l.size * (LINE - 1) - l.size * 0.22;
      const attrs = [`x="${b.x + PAD}"`, `y="${baseline.toFixed(1)}"`, `font-size="${l.size}"`, `fill="${l.cls === 'sub' || l.cls === 'tag' ? C.sub : l.cls === 'bad' ? C.bad : C.text}"`];
      if (l.bold) attrs.push('font-weight="bold"');
      if (l.italic) attrs.push('font-style="italic"');
      return `<text class="${l.cls ?? 'label'}" ${attrs.join(' ')}>${esc(l.text)}</text>`;
    })
    .join('');
  const dash = dashed ? ' stroke-dasharray="6 4"' : '';
  const title = b.title ? `<title>${esc(b.title)}</title>` : '';
  return `<g class="node ${b.cls}">${title}<rect class="box" x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="6" fill="${fill}" stroke="${stroke}" stroke-width="${strokeWidth}"${dash}/>${texts}</g>`;
}

function sourceBox(n: LinkageNode, l: Lang): Box {
  const parts: Parameters<typeof box>[1] = [{ text: n.label, bold: true }];
  if (n.name && n.name !== n.label) parts.push({ text: n.name, size: SUB });
  if (n.custodian) parts.push({ text: n.custodian, size: SUB, cls: 'sub' });
  parts.push({ text: `id: ${n.id}`, size: SUB, cls: 'sub' });
  const tags: string[] = [];
  if (n.definesSample) tags.push(say(W.definesSample, l));
  if (n.controlGroup) tags.push(say(W.controlGroup, l));
  if (n.ownIdentities) tags.push(say(W.ownTag, l));
  if (!n.known) tags.push(say(W.unknown, l));
  else if (n.identifiability === 'de-identified') tags.push(say(W.deidentified, l));
  else if (n.identifiability === 'pseudonymous') tags.push(say(W.pseudonymous, l));
  else if (n.identifiability === 'directly-identifying') tags.push(say(W.identifying, l));
  if (tags.length) parts.push({ text: tags.join(' · '), size: SUB, italic: true, cls: n.known ? 'tag' : 'bad' });
  const b = box(`source${n.deidentified ? ' deid' : ''}${n.known ? '' : ' unknown'}`, parts, 250, 150);
  b.title = clip(n.id, MAX_TITLE);
  return b;
}


/** The linkage in numbered steps, as the diagram's legend and the application's text say it: who holds the key, and what the project receives. */
export function linkageSteps(m: RequirementsModel): { text: string; bad?: boolean }[] {
  const l = m.lang;
  const nodes = m.linkage.nodes;
  const linker = m.linkage.linker;
  const valid = m.linkage.links.filter((x) => x.valid);
  const linkedIds = new Set(linker ? valid.flatMap((x) => [x.a, x.b]) : []);
  const central = linker !== undefined && linker.kind !== 'project';
  const pairs = (ls: typeof valid) => ls.map((x) => `${x.a} ↔ ${x.b}`);
  const steps: { text: string; bad?: boolean }[] = [];
  const labelOf = (id: string) => nodes.find((n) => n.id === id)?.label ?? id;
  const sample = nodes.filter((n) => n.definesSample && linkedIds.has(n.id)).map((n) => n.label);
  // The project's own institution holds these sources with the identities: say so, never that the project "never sees" them.
  const own = nodes.filter((n) => n.ownIdentities);
  const institution = m.institution?.trim() || say(W.project, l);
  if (own.length) steps.push({ text: say(W.stepOwn, l, institution, listOf(own.map((n) => n.name ?? n.label), l)) });
  if (linker) {
    if (sample.length) steps.push({ text: say(W.stepSample, l, listOf(sample, l)) });
    if (central) {
      steps.push({ text: say(W.stepSend, l, linker.name) });
      steps.push({ text: say(W.stepLink, l, linker.name, listOf(valid.map((x) => `${labelOf(x.a)} ↔ ${labelOf(x.b)}`), l)) });
      steps.push({ text: say(W.stepKeyCentral, l, linker.name) });
    } else {
      steps.push({ text: say(W.stepDistributed, l) });
      steps.push({ text: say(W.stepLinkItself, l, linker.name, listOf(valid.map((x) => `${labelOf(x.a)} ↔ ${labelOf(x.b)}`), l)) });
      steps.push({ text: say(W.stepKeyDistributed, l) });
    }
    steps.push({ text: say(W.stepReceive, l) });
  } else steps.push({ text: say(W.stepNoLinkage, l) });
  const direct = m.linkage.directIdentifiers ?? [];
  if (direct.length) steps.push({ text: say(W.stepDirect, l, listOf(direct, l)) });
  const indirect = m.linkage.indirect ?? [];
  if (indirect.length) steps.push({ text: say(W.stepIndirect, l, listOf(indirect.map((v) => `${v.name} (${v.level})`), l)) });
  for (const n of nodes.filter((x) => x.deidentified)) steps.push(linkedIds.has(n.id) ? { text: say(W.stepDeidentifiedLinked, l, n.label), bad: true } : { text: say(W.stepDeidentified, l, n.label) });
  const invalid = m.linkage.links.filter((x) => !x.valid);
  if (invalid.length) steps.push({ text: say(W.stepUnknownLink, l, pairs(invalid).join(', ')), bad: true });
  if (linker?.modelMissing && central) steps.push({ text: say(W.stepModelMissing, l, linker.name), bad: true });
  if (m.linkage.key) steps.push({ text: say(W.stepKey, l, m.linkage.key) });
  if (m.linkage.referenceDates) steps.push({ text: say(W.stepReferenceDates, l) });

  return steps;
}

/** The linkage diagram as a standalone SVG document (also valid inline in HTML). Empty when there are no sources. */
export function linkageDiagram(m: RequirementsModel): string {
  const l = m.lang;
  const nodes = m.linkage.nodes;
  if (!nodes.length) return '';
  const linker = m.linkage.linker;
  const valid = m.linkage.links.filter((x) => x.valid);
  const linkedIds = new Set(linker ? valid.flatMap((x) => [x.a, x.b]) : []);
  const central = linker !== undefined && linker.kind !== 'project';
  const linked = nodes.filter((n) => linkedIds.has(n.id));
  const unlinked = nodes.filter((n) => !linkedIds.has(n.id));
  const pairs = (ls: typeof valid) => ls.map((x) => `${x.a} ↔ ${x.b}`);
  /** The links a box lists: the first `MAX_PAIRS`, and how many more there are. */
  const listed = (ls: typeof valid): Parameters<typeof box>[1] => [
    ...pairs(ls.slice(0, MAX_PAIRS)).map((text) => ({ text, size: SUB, cls: 'sub' })),
    ...(ls.length > MAX_PAIRS ? [{ text: say(W.moreLinks, l, String(ls.length - MAX_PAIRS)), size: SUB, italic: true, cls: 'sub' }] : []),
  ];

  // Boxes: at most MAX_SOURCES sources (linked ones first), the others counted in one box below them.
  const drawn = [...linked, ...unlinked].slice(0, MAX_SOURCES);
  const notDrawn = nodes.length - drawn.length;
  const sources = drawn.map((n) => ({ n, b: sourceBox(n, l) }));
  let middle: Box | undefined;
  if (central) {
    const parts: Parameters<typeof box>[1] = [{ text: say(W.linkedBy, l, linker.name), bold: true }];
    if (linker.modelMissing) parts.push({ text: say(W.missingModel, l), size: SUB, cls: 'bad' });
    parts.push({ text: say(W.replaces, l), size: SUB });
    parts.push({ text: say(W.keepsKey, l), size: SUB });
    parts.push(...listed(valid));
    middle = box('linker', parts, 240, 170);
  }
  const projectParts: Parameters<typeof box>[1] = [{ text: say(W.project, l), bold: true }];
  if (m.institution) projectParts.push({ text: m.institution, size: SUB, cls: 'sub' });
  if (linker?.kind === 'project') {
    projectParts.push({ text: say(W.linksItself, l), size: SUB });
    projectParts.push(...listed(valid));
  }
  projectParts.push({ text: say(W[linker ? 'receives' : 'receivesUnlinked'], l), size: SUB });
  // What the project holds after all: identities from its own institution, direct identifiers it asks for, fine detail.
  if (nodes.some((n) => n.ownIdentities)) projectParts.push({ text: say(W.ownBox, l), size: SUB, italic: true, cls: 'tag' });
  if (m.linkage.directIdentifiers?.length) projectParts.push({ text: say(W.directBox, l, listOf(m.linkage.directIdentifiers, l)), size: SUB, italic: true, cls: 'tag' });
  if (m.linkage.indirect?.length) projectParts.push({ text: say(W.indirectBox, l, listOf([...new Set(m.linkage.indirect.map((v) => v.level))], l)), size: SUB, italic: true, cls: 'tag' });
  const project = box(`project${linker?.kind === 'project' ? ' linker' : ''}`, projectParts, 210, 150);

  // Columns: sources, the linker (central linkage only), the project.
  const M = 16;
  const GAP = 64;
  const VGAP = 14;
  const rest = notDrawn > 0 ? box('more', [{ text: say(W.moreSources, l, String(notDrawn)), size: SUB, italic: true, cls: 'sub' }], 250, 150) : undefined;
  const colA = Math.max(...sources.map((s) => s.b.w), rest?.w ?? 0);
  for (const s of sources) s.b.w = colA;
  if (rest) rest.w = colA;
  const xA = M;
  const xB = xA + colA + GAP;
  const xC = middle ? xB + middle.w + GAP : xB;
  // Linked sources first, the linker centred on them; unlinked sources below the linker's bottom.
  let y = M;
  const linkedBoxes = sources.filter((s) => linkedIds.has(s.n.id));
  for (const s of linkedBoxes) {
    s.b.x = xA;
    s.b.y = y;
    y += s.b.h + VGAP;
  }
  const linkedBottom = y - VGAP;
  if (middle) {
    middle.x = xB;
    middle.y = linkedBoxes.length ? Math.max(M, (M + linkedBottom) / 2 - middle.h / 2) : M;
    y = Math.max(y, middle.y + middle.h + VGAP * 2);
  }
  for (const s of sources.filter((x) => !linkedIds.has(x.n.id))) {
    s.b.x = xA;
    s.b.y = y;
    y += s.b.h + VGAP;
  }
  if (rest) {
    rest.x = xA;
    rest.y = y;
    y += rest.h + VGAP;
  }
  // The project faces the linker; it reaches down to every source delivered to it directly.
  const direct = sources.filter((x) => !middle || !linkedIds.has(x.n.id)).map((x) => x.b.y + x.b.h / 2);
  project.x = xC;
  project.y = middle ? Math.max(M, middle.y + middle.h / 2 - project.h / 2) : M;
  if (direct.length) {
    project.y = Math.min(project.y, Math.max(M, Math.min(...direct) - 24));
    project.h = Math.max(project.h, Math.max(...direct) + 24 - project.y);
  }
  const contentBottom = Math.max(y - VGAP, project.y + project.h, middle ? middle.y + middle.h : 0);

  // Steps below, in words: the first MAX_STEPS, and how many more there are.
  const all = linkageSteps(m);
  const steps = all.length > MAX_STEPS ? [...all.slice(0, MAX_STEPS - 1), { text: say(W.moreSteps, l, String(all.length - MAX_STEPS + 1)) }] : all;

  let width = xC + project.w + M;
  const legendMax = Math.max(width - 2 * M - 2 * PAD - 22, 380);
  width = Math.max(width, legendMax + 2 * M + 2 * PAD + 22);
  const legendTop = contentBottom + 22;
  let ly = legendTop + PAD;
  const legendTexts: string[] = [];
  steps.forEach((s, i) => {
    const lines = wrap(s.text, legendMax, SUB, false, STEP_LINES);
    lines.forEach((line, j) => {
      ly += SUB * LINE;
      const baseline = ly - SUB * (LINE - 1) - SUB * 0.22;
      if (j === 0) legendTexts.push(`<text class="step-no" x="${M + PAD}" y="${baseline.toFixed(1)}" font-size="${SUB}" font-weight="bold" fill="${C.text}">${i + 1}.</text>`);
      legendTexts.push(`<text class="${s.bad ? 'bad' : 'step'}" x="${M + PAD + 22}" y="${baseline.toFixed(1)}" font-size="${SUB}" fill="${s.bad ? C.bad : C.text}">${esc(line)}</text>`);
    });
  });
  const legendH = Math.ceil(ly - legendTop + PAD - 2);
  const legend = `<g class="node legend"><rect class="box" x="${M}" y="${legendTop}" width="${width - 2 * M}" height="${legendH}" rx="6" fill="${C.project}" stroke="${C.stroke}" stroke-width="1"/>${legendTexts.join('')}</g>`;
  const height = Math.ceil(legendTop + legendH + M);

  // Arrows.
  const arrows: string[] = [];
  const arrow = (x1: number, y1: number, x2: number, y2: number, cls: string) => {
    const bad = cls.includes('bad');
    const dashed = cls.includes('deid') || bad;
    const mid = (x1 + x2) / 2;
    const d = Math.abs(y1 - y2) < 0.5 ? `M ${x1} ${y1.toFixed(1)} L ${x2 - 2} ${y2.toFixed(1)}` : `M ${x1} ${y1.toFixed(1)} C ${mid} ${y1.toFixed(1)} ${mid} ${y2.toFixed(1)} ${x2 - 2} ${y2.toFixed(1)}`;
    arrows.push(`<path class="${cls}" d="${d}" fill="none" stroke="${bad ? C.bad : C.arrow}" stroke-width="1.6"${dashed ? ' stroke-dasharray="6 4"' : ''} marker-end="url(#${bad ? 'ah-bad' : 'ah'})"/>`);
  };
  const into = (b: Box, i: number, n: number) => b.y + ((i + 1) * b.h) / (n + 1);
  if (middle) {
    linkedBoxes.forEach((s, i) => arrow(s.b.x + s.b.w, s.b.y + s.b.h / 2, middle!.x, into(middle!, i, linkedBoxes.length), `link${s.n.deidentified ? ' deid bad' : ''}`));
    const ym = middle.y + middle.h / 2;
    arrow(middle.x + middle.w, ym, project.x, Math.min(Math.max(ym, project.y + 12), project.y + project.h - 12), 'link delivery');
    for (const s of sources.filter((x) => !linkedIds.has(x.n.id))) {
      const ys = s.b.y + s.b.h / 2;
      arrow(s.b.x + s.b.w, ys, project.x, ys, `delivery${s.n.deidentified ? ' deid' : ''}`);
    }
  } else {
    for (const s of sources) {
      const ys = s.b.y + s.b.h / 2;
      arrow(s.b.x + s.b.w, ys, project.x, ys, `${linkedIds.has(s.n.id) ? 'link' : 'delivery'}${s.n.deidentified ? (linkedIds.has(s.n.id) ? ' deid bad' : ' deid') : ''}`);
    }
  }

  const defs = `<defs><marker id="ah" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path class="arrowhead" d="M0,0 L10,5 L0,10 z" fill="${C.arrow}"/></marker><marker id="ah-bad" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path class="arrowhead bad" d="M0,0 L10,5 L0,10 z" fill="${C.bad}"/></marker></defs>`;
  const boxes = [
    ...sources.map((s) => drawBox(s.b, s.n.deidentified, C.box, s.n.known ? C.stroke : C.bad)),
    rest ? drawBox(rest, true, C.box, C.stroke) : '',
    middle ? drawBox(middle, false, C.linker, C.linkerStroke, 2) : '',
    drawBox(project, false, linker?.kind === 'project' ? C.linker : C.project, linker?.kind === 'project' ? C.linkerStroke : C.stroke, linker?.kind === 'project' ? 2 : 1.5),
  ].join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="linkage" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(say(W.aria, l))}" font-family="${esc(DIAGRAM_FONT)}" color="${C.text}">` +
    `<title>${esc(say(W.aria, l))}</title>${defs}<rect class="bg" x="0" y="0" width="${width}" height="${height}" fill="${C.bg}"/>${arrows.join('')}${boxes}${legend}</svg>`
  );
}
