import type { Finding } from './domain/types';
import { defineRule } from './rule';

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

export default defineRule({
  id: 'staff-exemption-mismatch',
  severity: 'warning',
  description: {
    en: 'A staff member with access to the data is not named on the REK approval; REK exemptions are personal.',
    nb: 'En prosjektmedarbeider med tilgang til data står ikke i REK-godkjenningen; dispensasjoner fra REK er personlige.',
  },
  remediation: {
    en: 'Make the names in the REK application match the people who will have access, and send REK a change notification when someone joins.',
    nb: 'Sørg for at navnene i REK-søknaden stemmer med dem som får tilgang, og send REK en endringsmelding når noen kommer til.',
  },
  provisions: ['hforsknl-35', 'hpl-29'],
  seed: { file: 'helsedata-pii-application.en.txt', quote: 'Remember that this exemption is personal.' },
  fixes: ['add-staff-to-approval'],
  messages: {
    missing: {
      en: '{name} will have access to the data but is not named on the REK approval ({kind}); the exemption is personal.',
      nb: '{name} får tilgang til dataene, men står ikke i REK-godkjenningen ({kind}); dispensasjonen er personlig.',
    },
  },
  check({ model, report }) {
    const approval = model.approvals.find((a) => (a.kind === 'rek-preapproval' || a.kind === 'rek-exemption') && a.staff !== undefined);
    if (!approval?.staff) return;
    const named = new Set(approval.staff.map(norm));
    model.project.staff
      .filter((p) => p.name !== undefined && p.name !== '' && !named.has(norm(p.name)))
      .forEach((p) => report({
        path: [...p.path, 'name'],
        message: 'missing',
        args: { name: p.name!, kind: approval.kind! },
        fixes: [
          {
            id: 'add-staff-to-approval',
            title: { en: `Add ${p.name} to the REK approval's staff`, nb: `Legg ${p.name} til i REK-godkjenningens staff` },
            preferred: true,
            edits: [{ op: 'append', path: [...approval.path, 'staff'], item: p.name }],
          },
        ],
      }));
  },
});
