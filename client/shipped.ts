/** The examples the .vsix ships for "Open an example" (no VS Code API here, so tests can read it). */
import type { StringKey } from './i18n';

/** The examples that ship in the .vsix (.vscodeignore), with the attachments they name. */
export const SHIPPED_EXAMPLES: readonly { file: string; label: StringKey; detail: StringKey }[] = [
  { file: 'sepsis-research.descriptor.yaml', label: 'exampleSepsis', detail: 'exampleSepsisDetail' },
  { file: 'compliant-research.descriptor.yaml', label: 'exampleCompliant', detail: 'exampleCompliantDetail' },
];
export const SHIPPED_ATTACHMENTS: readonly string[] = ['docs/protocol.md', 'docs/rek-application.md', 'docs/rek-approval.md', 'docs/dpo-assessment.md', 'docs/dpia.md', 'docs/institution-approval.md', 'docs/rek-dialogue.md'];
