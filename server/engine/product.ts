/** Where each rule's documentation page is published (docs/rules/<id>.md in the repository). */
export const REPOSITORY_URL = 'https://github.com/descriptor-tools/health-data-descriptor';
export const TOOL_NAME = 'descriptor-check';
export const TOOL_VERSION = '0.1.0';

/** The `source` of every finding the language server publishes. */
export const DIAGNOSTIC_SOURCE = 'project-descriptor';
/** The language server's command behind "Show documentation for <rule>": arguments [rule id]. */
export const OPEN_RULE_DOCUMENTATION_COMMAND = 'descriptor.openRuleDocumentation';

export function ruleDocUrl(id: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${id}.md`;
}
