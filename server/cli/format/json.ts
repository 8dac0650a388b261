/** The CLI's JSON output: per file, each finding with 1-based positions and its fixes. */
import type { Lang } from '../../../rules/domain/types';
import type { FileResults } from './text';

export function toJson(files: FileResults[], lang: Lang): object[] {
  return files.map(({ file, results }) => ({
    file,
    results: results.map((r) => ({
      rule: r.rule,
      severity: r.severity,
      message: r.message,
      line: r.range.start.line + 1,
      column: r.range.start.character + 1,
      endLine: r.range.end.line + 1,
      endColumn: r.range.end.character + 1,
      fixes: r.fixes.map((f) => ({ id: f.id, title: f.title[lang], preferred: f.preferred === true })),
    })),
  }));
}
