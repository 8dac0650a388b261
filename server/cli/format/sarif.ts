/** SARIF 2.1.0 output for code scanning: every rule with its help link, every result with its region. */
import { pathToFileURL } from 'node:url';
import { relative, sep } from 'node:path';
import type { RuleMeta } from '../../../rules/rule';
import { ruleDocUrl, REPOSITORY_URL, TOOL_NAME, TOOL_VERSION } from '../../engine/product';
import { pick } from '../../../rules/domain/text';
import { provisionMarkdown } from '../../../rules/domain/catalogue';
import type { Lang, Severity } from '../../../rules/domain/types';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { FileResults } from './text';

const level = (s: Severity): Result.level => (s === 'information' ? 'note' : s);

export function toSarif(files: FileResults[], metas: readonly RuleMeta[], lang: Lang, cwd: string): Log {
  const index = new Map(metas.map((m, i) => [m.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: REPOSITORY_URL,
            rules: metas.map((m): ReportingDescriptor => ({
              id: m.id,
              shortDescription: { text: pick(m.description, lang) },
              fullDescription: { text: `${pick(m.description, lang)} ${pick(m.remediation, lang)}` },
              help: { text: pick(m.remediation, lang), markdown: [pick(m.remediation, lang), '', ...provisionMarkdown(m.provisions, lang), '', `[Documentation](${ruleDocUrl(m.id)})`].join('\n') },
              helpUri: ruleDocUrl(m.id),
              defaultConfiguration: { level: level(m.severity) },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : cwd + sep).href } },
        results: files.flatMap(({ file, results }) => {
          const rel = relative(cwd, file).split(sep).join('/');
          const inside = !rel.startsWith('..');
          return results.map((r): Result => ({
            ruleId: r.rule,
            ...(index.has(r.rule) ? { ruleIndex: index.get(r.rule) } : {}),
            level: level(r.severity),
            message: { text: r.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: inside ? { uri: encodeURI(rel), uriBaseId: '%SRCROOT%' } : { uri: pathToFileURL(file).href },
                  region: {
                    startLine: r.range.start.line + 1,
                    startColumn: r.range.start.character + 1,
                    endLine: r.range.end.line + 1,
                    endColumn: r.range.end.character + 1,
                  },
                },
              },
            ],
          }));
        }),
      },
    ],
  };
}
