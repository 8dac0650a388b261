import type { Finding } from '../server/types';
import { defineRule } from './rule';

export default defineRule({
  id: 'dpia-missing',
  severity: 'warning',
  description: { en: 'TODO: one line, what the rule checks', nb: 'TODO: én linje, hva regelen sjekker' },
  remediation: { en: 'TODO: what to do about a finding', nb: 'TODO: hva man gjør med et funn' },
  provisions: [],
  seed: { file: 'TODO.txt', quote: 'TODO: the seed sentence this rule comes from' },
  fixes: [],
  messages: {
    main: { en: 'TODO', nb: 'TODO' },
  },
  check({ model }) {
    const findings: Finding[] = [];
    void model;
    return findings;
  },
});
