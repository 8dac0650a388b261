/**
 * Organisations by name. A descriptor names the same health trust in many ways: with a unit
 * ("Sykehuset Østfold HF, Medisinsk klinikk"), with a note in brackets ("Sykehuset Østfold HF
 * (DIPS)"), in another case. What matters for the law is the organisation (the data controller),
 * so names are compared without units, bracketed notes and case.
 */

/** A company form at the end of a name, which says nothing about which organisation it is ("UNN HF" is "UNN"). */
const FORM = /\s+(r?hf|as|asa|ks|iks|sf)$/;

/** The organisation a name stands for: bracketed notes, everything after the first comma or dash, and the company form dropped; case and spacing folded. */
function organisationCore(name: string): string {
  return name
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .split(/,|\s[-–—]\s|;/)[0]
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(FORM, '');
}

/** A bracketed note that is the organisation's short name ("Universitetssykehuset Nord-Norge HF (UNN HF)"). */
function bracketed(name: string): string | undefined {
  const m = /\(([^)]+)\)/.exec(name);
  return m ? m[1].toLowerCase().replace(/\s+/g, ' ').trim().replace(FORM, '') : undefined;
}

/**
 * Whether two names stand for the same organisation: the same name once units, bracketed notes and
 * case are set aside, or one is the other's short name in brackets.
 */
export function sameOrganisation(a: string, b: string): boolean {
  const x = organisationCore(a);
  const y = organisationCore(b);
  if (x === '' || y === '') return false;
  if (x === y) return true;
  const bx = bracketed(a);
  const by = bracketed(b);
  return (bx !== undefined && bx === y) || (by !== undefined && by === x);
}
