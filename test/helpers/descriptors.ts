/** Descriptors several tests start from. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small research descriptor with one finding-prone variable (`granularity: date`). */
export const BASE = `descriptor: 1
project:
  title: Test
  institution: Test HF
purpose:
  category: health-research
data_sources:
  - id: npr
    source: npr
    variables:
      - name: admission_date
        granularity: date
        justification: Time of admission.
`;

/** The sepsis example (three linked sources, REK approval with a staff list, Helsedataservice route). */
export const SEPSIS = readFileSync(join(process.cwd(), 'examples', 'sepsis-research.descriptor.yaml'), 'utf8');

/** The sepsis example after approval: a variable with an exact date and a new staff member added. */
export function sepsisChanged(text = SEPSIS): string {
  const staff = '    - { name: Per Hansen, role: data-manager }\n';
  const variable = '      - { name: main_diagnosis, granularity: code, justification: Outcome definition }\n';
  if (!text.includes(staff) || !text.includes(variable)) throw new Error('the sepsis example changed: update sepsisChanged');
  return text
    .replace(staff, `${staff}    - { name: Lise Berg, role: researcher }\n`)
    .replace(variable, `${variable}      - { name: admission_time, granularity: date, justification: Time from admission to sepsis }\n`);
}
