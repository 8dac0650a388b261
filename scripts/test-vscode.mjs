// npm run test:vscode: the extension-host suite in a downloaded VS Code (@vscode/test-electron).
// Where VS Code cannot be downloaded, use `npm run test:e2e` (code-server, offline).
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'dist', 'test', 'vscode-suite.js'),
    launchArgs: [join(root, 'examples'), '--disable-extensions'],
  });
} catch (e) {
  console.error(`test:vscode failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
