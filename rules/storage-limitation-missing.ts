import type { FixEdit } from './domain/types';
import { defineRule } from './rule';

export default defineRule({
  id: 'storage-limitation-missing',
  severity: 'warning',
  description: {
    en: 'The descriptor does not say how long data is kept or how it is deleted.',
    nb: 'Prosjektbeskrivelsen sier ikke hvor lenge data lagres eller hvordan de slettes.',
  },
  remediation: {
    en: 'State `data_management.retention_until` (a date) and `data_management.deletion` (the deletion routine).',
    nb: 'Oppgi `data_management.retention_until` (en dato) og `data_management.deletion` (sletterutinen).',
  },
  provisions: ['gdpr-5-1-e'],
  seed: { file: 'helsedata-pii-application.en.txt', quote: 'How the privacy principle of storage limitation will be safeguarded.' },
  fixes: ['insert-storage-limitation'],
  messages: {
    missing: {
      en: 'State {missing}: how long the data is kept and how it is deleted (storage limitation).',
      nb: 'Oppgi {missing}: hvor lenge data lagres og hvordan de slettes (lagringsbegrensning).',
    },
  },
  check({ model, report }) {
    const dm = model.dataManagement;
    const missing: string[] = [];
    const edits: FixEdit[] = [];
    if (!dm.retentionUntil) {
      missing.push('`retention_until`');
      const end = typeof model.raw.project === 'object' && model.raw.project !== null ? ((model.raw.project as Record<string, unknown>).period as Record<string, unknown> | undefined)?.end : undefined;
      const year = typeof end === 'string' && /^\d{4}/.test(end) ? Number(end.slice(0, 4)) + 5 : undefined;
      edits.push({ op: 'insert', path: ['data_management'], key: 'retention_until', value: year ? `${year}-12-31` : '2099-12-31' });
    }
    if (!dm.deletion?.trim()) {
      missing.push('`deletion`');
      if (dm.deletion === undefined) edits.push({ op: 'insert', path: ['data_management'], key: 'deletion', value: 'Deletion routine to be described' });
    }
    if (!missing.length) return;
    return report(
      {
        path: dm.present ? ['data_management'] : ['project'],
        target: 'key',
        message: 'missing',
        args: { missing: missing.join(' / ') },
        fixes: [{ id: 'insert-storage-limitation', title: { en: 'Add placeholders for retention and deletion (set the real date)', nb: 'Legg til plassholdere for lagringstid og sletting (sett riktig dato)' }, edits }],
      }
    );
  },
});
