/**
 * The extension-host suite: runs inside a real VS Code (via @vscode/test-electron, or in code-server
 * through test/e2e/run.mjs). `run()` is the entry point both call. Results also go to the file named
 * by DESCRIPTOR_TEST_RESULT, for runners that cannot read the exit code.
 */
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';
import { suite } from './suite';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false });
  suite(mocha.suite);
  return new Promise((resolve, reject) => {
    const failed: { title: string; error: string }[] = [];
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures };
      const file = process.env.DESCRIPTOR_TEST_RESULT;
      if (file) writeFileSync(file, JSON.stringify({ passes: stats.passes, failures: stats.failures, failed }));
      console.log(`vscode: ${stats.passes} passed, ${stats.failures} failed`);
      if (failures > 0) reject(new Error(`${failures} tests failed`));
      else resolve();
    });
    runner.on('fail', (test, err: unknown) => failed.push({ title: test.fullTitle(), error: err instanceof Error ? err.message : String(err) }));
  });
}
