/**
 * The Commission's adequacy decisions (GDPR art. 45) as data (rules/adequacy.yaml), dated: a country
 * outside the EU/EEA has adequate protection only when it is on the list, the decision applies in
 * Norway and has not ended, and (for the United States) the recipient is certified.
 */
import adequacyFile from '../adequacy.yaml';
import type { Localized } from './types';

export interface AdequacyDecision {
  code: string;
  en: string;
  nb: string;
  decision: string;
  adopted: string;
  /** What the decision covers, when not the whole country. */
  scope: Localized | null;
  /** Whether it applies in Norway through the EEA Agreement. */
  eea: 'applies' | 'pending';
  valid_until: string | null;
  /** `dpf`: only organisations certified under the EU-US Data Privacy Framework. */
  certification: 'dpf' | null;
}

interface AdequacyFile {
  as_of: string;
  read: string[];
  countries: AdequacyDecision[];
}

const file = adequacyFile as unknown as AdequacyFile;

/** The date the list is current to. */
export const adequacyAsOf: string = file.as_of;
export const adequacyDecisions: ReadonlyMap<string, AdequacyDecision> = new Map(file.countries.map((c) => [c.code, c]));

/** Why a transfer to `code` cannot rest on an adequacy decision on `today`, or undefined when it can. */
export type AdequacyGap = 'none' | 'pending' | 'ended' | 'not-certified';

export function adequacyGap(code: string, today: string, dpfCertified: boolean | undefined): AdequacyGap | undefined {
  const d = adequacyDecisions.get(code);
  if (!d || d.adopted > today) return 'none';
  if (d.valid_until !== null && d.valid_until < today) return 'ended';
  if (d.eea !== 'applies') return 'pending';
  if (d.certification === 'dpf' && dpfCertified !== true) return 'not-certified';
  return undefined;
}
