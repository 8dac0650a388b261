/** Descriptors several tests start from. */

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
