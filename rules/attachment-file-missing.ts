import { defineRule } from './rule';

export default defineRule({
  id: 'attachment-file-missing',
  severity: 'warning',
  description: {
    en: 'An attachment names a file that does not exist next to the descriptor, or one that is not looked at: outside the descriptor\'s folder and the workspace, or on a network or device path.',
    nb: 'Et vedlegg viser til en fil som ikke finnes ved siden av prosjektbeskrivelsen, eller en som ikke blir sett etter: utenfor mappen til prosjektbeskrivelsen og arbeidsområdet, eller på en nettverks- eller enhetssti.',
  },
  remediation: {
    en: 'Put the file where `file` says (relative to the descriptor, in its folder or the workspace) or correct the path.',
    nb: 'Legg filen der `file` sier (relativt til prosjektbeskrivelsen, i mappen dens eller i arbeidsområdet) eller rett stien.',
  },
  provisions: ['hforsknl-6'],
  seed: { file: 'helsedataservice.nb.txt', quote: 'Har alle relevante vedlegg er lastet opp og navngitt forståelig' },
  fixes: [],
  messages: {
    missing: {
      en: '`{file}` does not exist relative to this descriptor.',
      nb: '`{file}` finnes ikke relativt til denne prosjektbeskrivelsen.',
    },
    outside: {
      en: '`{file}` is outside the descriptor\'s folder and the workspace, so it is not looked at. Keep attachments beside the descriptor or in the workspace.',
      nb: '`{file}` ligger utenfor mappen til prosjektbeskrivelsen og arbeidsområdet, så den blir ikke sett etter. Legg vedlegg ved siden av prosjektbeskrivelsen eller i arbeidsområdet.',
    },
    remote: {
      en: '`{file}` is a network or device path, which is never opened. Name a file beside the descriptor or in the workspace.',
      nb: '`{file}` er en nettverks- eller enhetssti, som aldri åpnes. Vis til en fil ved siden av prosjektbeskrivelsen eller i arbeidsområdet.',
    },
  },
  check({ model, options, report }) {
    const exists = options.fileExists;
    if (!exists) return;
    for (const a of model.attachments) {
      if (a.file === undefined || a.file.trim() === '') continue;
      const path = [...a.path, 'file'];
      // A path that leaves the allowed folders is named as such, never read.
      const refused = options.pathRefused?.(a.file);
      if (refused) report({ path, message: refused, args: { file: a.file } });
      else if (!exists(a.file)) report({ path, message: 'missing', args: { file: a.file } });
    }
  },
});
