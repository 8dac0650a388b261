/**
 * The registry of every id the checker reports: the domain rules, in the order of the rule
 * catalogue, then the engine's own ids (`schema`, `yaml-syntax`, `input-limit`, `internal-error`).
 * `npm run new-rule <id>` adds an entry. `RuleId` is derived from it and types settings keys,
 * placed findings and diagnostic data, so a misspelled id is a compile error.
 */
import { builtinMeta, type BuiltinId } from './builtin';
import type { RuleMeta } from './rule';
import rekPreapprovalMissing from './rek-preapproval-missing';
import confidentialityExemptionMissing from './confidentiality-exemption-missing';
import exemptionWrongAuthority from './exemption-wrong-authority';
import purposeSourceMismatch from './purpose-source-mismatch';
import purposeInconsistent from './purpose-inconsistent';
import internalQaExternalSource from './internal-qa-external-source';
import internalQaIdentifiable from './internal-qa-identifiable';
import variableExactDate from './variable-exact-date';
import variableFineGeography from './variable-fine-geography';
import variableJustificationMissing from './variable-justification-missing';
import variableUnknown from './variable-unknown';
import variablesMany from './variables-many';
import deidentifiedLinkage from './deidentified-linkage';
import linkageUndescribed from './linkage-undescribed';
import linkageUnknownSource from './linkage-unknown-source';
import controlGroupPermitMissing from './control-group-permit-missing';
import dpoAssessmentMissing from './dpo-assessment-missing';
import dpiaMissing from './dpia-missing';
import transferAbroadAgreementMissing from './transfer-abroad-agreement-missing';
import consentConditionsIncomplete from './consent-conditions-incomplete';
import legalBasisMissing from './legal-basis-missing';
import researchProtocolMissing from './research-protocol-missing';
import attachmentMissing from './attachment-missing';
import attachmentFileMissing from './attachment-file-missing';
import researchQuestionsMissing from './research-questions-missing';
import populationUndefined from './population-undefined';
import staffExemptionMismatch from './staff-exemption-mismatch';
import storageLimitationMissing from './storage-limitation-missing';
import securityMeasuresMissing from './security-measures-missing';
import qualityRegisterConsentException from './quality-register-consent-exception';
import productRegulationUnclear from './product-regulation-unclear';
import medicalProductsAssessment from './medical-products-assessment';
import sourceUnknown from './source-unknown';
import approvalRejected from './approval-rejected';
import approvalAfterStart from './approval-after-start';
import managementDecisionMissing from './management-decision-missing';
import transferThirdCountryBasisMissing from './transfer-third-country-basis-missing';
import populationRegisterPermitMissing from './population-register-permit-missing';
import variableFreeText from './variable-free-text';
import iplosLinkage from './iplos-linkage';
import changeNeedsApplication from './change-needs-application';
import cohortConsentBasis from './cohort-consent-basis';
import holderDecisionMissing from './holder-decision-missing';
import transferAdequacyUnknown from './transfer-adequacy-unknown';
import directIdentifierSpecialGrounds from './direct-identifier-special-grounds';
import dispensationGroundsMissing from './dispensation-grounds-missing';
import informationDutyMissing from './information-duty-missing';
import retentionInconsistent from './retention-inconsistent';
import finalReportDue from './final-report-due';
import institutionApprovalMissing from './institution-approval-missing';
import qualityRegisterDuties from './quality-register-duties';
import placeholderLeft from './placeholder-left';
// new-rule: imports above

export const rules = [
  rekPreapprovalMissing,
  confidentialityExemptionMissing,
  exemptionWrongAuthority,
  purposeSourceMismatch,
  purposeInconsistent,
  internalQaExternalSource,
  internalQaIdentifiable,
  variableExactDate,
  variableFineGeography,
  variableJustificationMissing,
  variableUnknown,
  variablesMany,
  deidentifiedLinkage,
  linkageUndescribed,
  linkageUnknownSource,
  controlGroupPermitMissing,
  dpoAssessmentMissing,
  dpiaMissing,
  transferAbroadAgreementMissing,
  consentConditionsIncomplete,
  legalBasisMissing,
  researchProtocolMissing,
  attachmentMissing,
  attachmentFileMissing,
  researchQuestionsMissing,
  populationUndefined,
  staffExemptionMismatch,
  storageLimitationMissing,
  securityMeasuresMissing,
  qualityRegisterConsentException,
  productRegulationUnclear,
  medicalProductsAssessment,
  sourceUnknown,
  approvalRejected,
  approvalAfterStart,
  managementDecisionMissing,
  transferThirdCountryBasisMissing,
  populationRegisterPermitMissing,
  variableFreeText,
  iplosLinkage,
  changeNeedsApplication,
  cohortConsentBasis,
  holderDecisionMissing,
  transferAdequacyUnknown,
  directIdentifierSpecialGrounds,
  dispensationGroundsMissing,
  informationDutyMissing,
  retentionInconsistent,
  finalReportDue,
  institutionApprovalMissing,
  qualityRegisterDuties,
  placeholderLeft,
  // new-rule: entries above
] as const;

export type RuleId = (typeof rules)[number]['id'] | BuiltinId;

/** Every id with its metadata, domain rules first. */
export const ruleMetas: readonly RuleMeta<RuleId>[] = [...rules, ...builtinMeta];

const ruleIds: ReadonlySet<RuleId> = new Set(ruleMetas.map((m) => m.id));

/**
 * The rules that still run when the purpose, the key the route is decided by, is missing or not one
 * of the purposes: what they check does not depend on the purpose (variables, linkage, sources,
 * data management, the legal basis). Every other rule waits for a purpose, so nothing is concluded
 * from a typo; a rule not listed here is silent until the purpose is known.
 */
export const RULES_WITHOUT_PURPOSE: ReadonlySet<RuleId> = new Set<RuleId>([
  'variable-exact-date',
  'variable-fine-geography',
  'variable-justification-missing',
  'variable-unknown',
  'variables-many',
  'variable-free-text',
  'deidentified-linkage',
  'linkage-undescribed',
  'linkage-unknown-source',
  'iplos-linkage',
  'control-group-permit-missing',
  'population-register-permit-missing',
  'consent-conditions-incomplete',
  'legal-basis-missing',
  'attachment-file-missing',
  'staff-exemption-mismatch',
  'storage-limitation-missing',
  'security-measures-missing',
  'transfer-abroad-agreement-missing',
  'transfer-third-country-basis-missing',
  'source-unknown',
  'placeholder-left',
]);

export function isRuleId(id: string): id is RuleId {
  return (ruleIds as ReadonlySet<string>).has(id);
}
