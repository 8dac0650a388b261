import type { Finding } from './domain/types';
import { defineRule } from './rule';

export default defineRule({
  id: 'attachment-file-missing',
  severity: 'warning',
  description: {
    en: 'An attachment names a file that does not exist next to the descriptor.',
    nb: 'Et vedlegg viser til en fil som ikke finnes ved siden av prosjektbeskrivelsen.',
  },
  remediation: {
    en: 'Put the file where `file` says (relative to the descriptor) or correct the path.',
    nb: 'Legg filen der `file` sier (relativt til prosjektbeskrivelsen) eller rett stien.',
  },
  provisions: ['hforsknl-6'],
  seed: { file: 'helsedataservice.nb.txt', quote: 'Har alle relevante vedlegg er lastet opp og navngitt forståelig' },
  fixes: [],
  messages: {
    missing: {
      en: '`{file}` does not exist relative to this descriptor.',
      nb: '`{file}` finnes ikke relativt til denne prosjektbeskrivelsen.',
    },
  },
  check({ model, options, report }) {
    const exists = options.fileExists;
    if (!exists) return;
    model.attachments
      .filter((a) => a.file !== undefined && a.file.trim() !== '' && !exists(a.file))
      .forEach((a) => report({ path: [...a.path, 'file'], message: 'missing', args: { file: a.file! } }));
  },
});
