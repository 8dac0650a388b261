/**
 * The application package, built on the analysis the language server makes (engine check, route,
 * requirements model): application.docx and .md, variables-<source>.xlsx and .csv per data source,
 * linkage.svg and .png, requirements.md, report.html and dmp.json (an RDA machine-actionable data
 * management plan). Files are built in memory; the CLI writes them with write.ts, the VS Code
 * client through its file system.
 */
import { say } from '../../rules/domain/text';
import { osloDate } from '../../rules/domain/working-days';
import { basename } from 'node:path';
import { linkageDiagram } from '../report/linkage-diagram';
import { renderMarkdown } from '../report/requirements-render';
import { TOOL_VERSION } from '../engine/product';
import { requirementsModel } from '../report/requirements-model';
import type { RequirementsModel } from '../report/model';
import { uriToPath, type Analysis } from '../engine/analysis';
import { applicationBlocks, documentTitle, variableRows } from '../report/application';
import { toDocx } from './docx';
import { toMarkdown } from '../report/application-markdown';
import { loadRasterizer, type Raster, type Rasterizer } from './raster';
import { renderReport } from '../report/report-html';
import { rdaDmp } from '../report/dmp';
import { WORDS } from '../report/words';

const W = WORDS.document;
import { variablesCsv, variablesXlsx } from './variables';

export interface PackageFile {
  /** A plain file name: no folder, nothing but letters, digits, '.', '-' and '_'. */
  name: string;
  data: Buffer;
}

export interface BuiltPackage {
  files: PackageFile[];
  /** What the reader should know about this package (a part that could not be made), in the analysis' language. */
  notes: string[];
  errors: number;
  model: RequirementsModel;
}

export interface PackageOptions {
  /** Today's date, YYYY-MM-DD (the system date when not given). */
  today?: string;
  /** The SVG-to-PNG step; `null` for none. Default: resvg when installed. */
  rasterize?: Rasterizer | null;
  /** When the package is written (dmp.json's `created` and `modified`); now when not given. */
  now?: Date;
}

/** A file-name part from a data source id: lower-case letters, digits and '-', unique within the package. */
export function fileId(id: string | undefined, index: number, taken: Set<string>): string {
  let base = (id ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || `source-${index + 1}`;
  if (taken.has(base)) {
    let n = 2;
    while (taken.has(`${base}-${n}`)) n++;
    base = `${base}-${n}`;
  }
  taken.add(base);
  return base;
}

export async function buildPackage(a: Analysis, o: PackageOptions = {}): Promise<BuiltPackage> {
  const l = a.lang;
  const rm = requirementsModel(a);
  const today = o.today ?? a.options.today ?? osloDate(new Date());
  const path = uriToPath(a.uri);
  const descriptorName = path ? basename(path) : (a.uri.split('/').pop() ?? 'descriptor.yaml');
  const notes: string[] = [];
  const m = a.model;
  const taken = new Set<string>();
  const variableFiles = (m?.dataSources ?? []).map((d, i) => `variables-${fileId(d.id ?? d.source, i, taken)}`);

  const svg = linkageDiagram(rm);
  let raster: Raster | undefined;
  if (svg) {
    const rasterize = o.rasterize === undefined ? (await loadRasterizer()).rasterize : (o.rasterize ?? undefined);
    if (!rasterize) notes.push(say(W.noPng, l));
    else {
      try {
        raster = rasterize(svg);
      } catch (e) {
        notes.push(say(W.pngFailed, l, (e as Error).message.split('\n')[0]));
      }
    }
  } else notes.push(say(W.noDiagram, l));

  const docOptions = { descriptorName, today, version: TOOL_VERSION, variableFiles };
  const title = documentTitle(a, l);
  const docx = await toDocx(applicationBlocks(a, rm, { ...docOptions, diagramImage: raster !== undefined }), { title, lang: l, diagram: raster });
  const md = toMarkdown(applicationBlocks(a, rm, { ...docOptions, diagramImage: svg !== '' }));

  const files: PackageFile[] = [
    { name: 'application.docx', data: docx },
    { name: 'application.md', data: Buffer.from(md, 'utf8') },
  ];
  for (const [i, d] of (m?.dataSources ?? []).entries()) {
    const rows = variableRows(m!, i, l);
    files.push({ name: `${variableFiles[i]}.xlsx`, data: await variablesXlsx(rows, d.id ?? d.source ?? `${i + 1}`, l) });
    files.push({ name: `${variableFiles[i]}.csv`, data: Buffer.from(variablesCsv(rows, l), 'utf8') });
  }
  if (svg) files.push({ name: 'linkage.svg', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, 'utf8') });
  if (raster) files.push({ name: 'linkage.png', data: raster.png });
  files.push({ name: 'requirements.md', data: Buffer.from(renderMarkdown(rm), 'utf8') });
  files.push({ name: 'report.html', data: Buffer.from(renderReport(a, rm, { svg, descriptorName, today, version: TOOL_VERSION }), 'utf8') });
  const dmp = rdaDmp(a, rm, { now: o.now ?? new Date(), descriptorName });
  if ('dmp' in dmp) files.push({ name: 'dmp.json', data: Buffer.from(`${JSON.stringify(dmp.dmp, null, 2)}\n`, 'utf8') });
  else notes.push(say(dmp.problem, l));
  return { files, notes, errors: a.results.filter((r) => r.severity === 'error').length, model: rm };
}
