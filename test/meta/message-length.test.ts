/**
 * The Problems panel shows a finding's first sentence (`firstSentence`), the hover and the rule
 * page the rest: that sentence says what is wrong and where, in at most 160 characters, in English
 * and in Norwegian (issue 23, item 7). Checked on every message the checker writes for the
 * examples and the fixtures (rules, scenarios and the hostile ones, whose odd values must not
 * make a message long either).
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { firstSentence } from '../../rules/domain/text';
import type { Lang } from '../../rules/domain/types';
import { baselineOptions, findBaseline } from '../../server/host/baseline';
import { namedFileChecks } from '../../server/host/paths';
import { check } from '../../server/engine/engine';
import { parse } from '../../server/engine/parse';
import { lawInForceHeaders, withInForce } from '../helpers/law';

/** The longest first sentence the Problems panel is given. */
const LIMIT = 160;

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(n) ? [p] : [];
    });
}

const ROOT = process.cwd();
const FILES = [
  ...yamlFiles(join(ROOT, 'examples')),
  ...yamlFiles(join(ROOT, 'test', 'fixtures', 'rules')),
  ...yamlFiles(join(ROOT, 'test', 'fixtures', 'scenarios')),
  ...yamlFiles(join(ROOT, 'test', 'fixtures', 'hostile')),
];

/** Every finding's first sentence over the limit, as `file rule (length): sentence`. */
function tooLong(lang: Lang): string[] {
  const out: string[] = [];
  for (const file of FILES) {
    const text = readFileSync(file, 'utf8');
    let value: unknown;
    try {
      value = parse(text).value;
    } catch {
      value = undefined;
    }
    const baseline = baselineOptions(findBaseline({ file, value }));
    const results = withInForce(lawInForceHeaders(text), () => check(text, { lang, today: '2026-12-02', ...namedFileChecks(dirname(file), []), ...baseline }).results);
    for (const r of results) {
      const [first] = firstSentence(r.message);
      if (first.length > LIMIT) out.push(`${file.slice(ROOT.length + 1)} ${r.rule} (${first.length}): ${first}`);
    }
  }
  return out;
}

describe('the first sentence of a message (the Problems panel) says what and where in at most 160 characters', () => {
  it('reads enough files', () => {
    assert.ok(FILES.length > 100, `only ${FILES.length} files`);
  });
  for (const lang of ['en', 'nb'] as const) {
    it(`in ${lang === 'en' ? 'English' : 'Norwegian'}`, () => {
      const long = tooLong(lang);
      assert.deepEqual(long, [], `${long.length} first sentences over ${LIMIT} characters:\n${long.join('\n')}`);
    });
  }
});
