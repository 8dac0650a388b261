/**
 * The scenario suite: realistic descriptors written from the seeds' situations, each with the
 * findings a caseworker would raise, decided before the checker was run on them. The header of
 * each file says what it is and what to expect:
 *   # scenario: <who, what, which route>
 *   # compliant: yes|no
 *   # expect: <rule-id> — <reason, citing the seed or the law>     (one line per error or warning)
 * A compliant scenario gets no error and no warning; any other gets exactly the listed ones.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../server/engine/engine';

const DIR = join(process.cwd(), 'test', 'fixtures', 'scenarios');
/** Scenarios are read as of this day, so their dates keep their meaning. */
const TODAY = '2026-12-02';

export interface Scenario {
  file: string;
  title: string;
  compliant: boolean;
  expected: { rule: string; reason: string }[];
}

export function readScenario(file: string, text: string): Scenario {
  const header = text.split('\n').filter((l) => l.startsWith('#'));
  const value = (key: string) => header.find((l) => l.startsWith(`# ${key}:`))?.slice(key.length + 3).trim();
  const expected = header
    .filter((l) => l.startsWith('# expect:'))
    .map((l) => {
      const m = /^# expect:\s*([a-z0-9-]+)\s*(?:[—-]+\s*(.*))?$/.exec(l);
      assert.ok(m, `${file}: cannot read "${l}"`);
      return { rule: m[1], reason: m[2] ?? '' };
    });
  return { file, title: value('scenario') ?? '', compliant: value('compliant') === 'yes', expected };
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

describe('scenarios', () => {
  it('has at least 30 scenarios, 12 of them compliant, each with a title and reasons', () => {
    const all = files.map((f) => readScenario(f, readFileSync(join(DIR, f), 'utf8')));
    assert.ok(all.length >= 30, `${all.length} scenarios`);
    assert.ok(all.filter((s) => s.compliant).length >= 12, 'compliant scenarios');
    for (const s of all) {
      assert.ok(s.title.length > 10, `${s.file}: no title`);
      assert.equal(s.compliant, s.expected.length === 0, `${s.file}: compliant must list no expectations, others at least one`);
      for (const e of s.expected) assert.ok(e.reason.length > 10, `${s.file}: ${e.rule} has no reason`);
    }
  });

  for (const f of files) {
    it(f.replace(/\.descriptor\.yaml$/, ''), () => {
      const text = readFileSync(join(DIR, f), 'utf8');
      const s = readScenario(f, text);
      const results = check(text, { lang: 'en', today: TODAY }).results.filter((r) => r.severity !== 'information');
      const got = results.map((r) => r.rule).sort();
      const want = s.expected.map((e) => e.rule).sort();
      assert.deepEqual(got, want, results.map((r) => `${r.range.start.line + 1}: ${r.rule}: ${r.message}`).join('\n'));
    });
  }
});
