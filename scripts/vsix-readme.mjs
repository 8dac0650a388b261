// Writes dist/README.md, the README the .vsix shows as its extension page: README.md without its
// screenshots, which get a link to the project page instead. VS Code's extension page shows images
// only from https (it strips relative and data: sources), so a screenshot there either needs the
// network or shows as a broken image; the page must read the same offline. Run by `vscode:prepublish`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const readme = readFileSync('README.md', 'utf8');
const images = /^!\[[^\]]*\]\(media\/screenshots\/[\w.-]+\.png\)\n/gm;
if (!images.test(readme)) throw new Error('README.md has no screenshots under media/screenshots');
let first = true;
const out = readme.replace(images, () => {
  if (!first) return '';
  first = false;
  return `Screenshots of the findings, the hover and the requirements preview are on the [project page](${pkg.repository.url}#first-steps).\n`;
});
writeFileSync(join('dist', 'README.md'), out);
