/** Where each rule's documentation page is published (docs/rules/<id>.md in the repository). */
export const REPOSITORY_URL = 'https://github.com/descriptor-tools/health-data-descriptor';
export const TOOL_NAME = 'descriptor-check';
export const TOOL_VERSION = '0.1.0';

export function ruleDocUrl(id: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${id}.md`;
}
