/** The new-descriptor wizard, as quick picks in the setting's language; it asks where to save and never overwrites. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PRODUCTS, PURPOSE_INFO, PURPOSES } from '../../rules/domain/vocabulary';
import { LANGUAGE_ID, NewDescriptorRequest, WizardSourcesRequest } from '../descriptor';
import { exists } from '../files';
import { say, STRINGS, uiLang, type StringKey } from '../i18n';

const PRODUCT_NAME: Record<(typeof PRODUCTS)[number], StringKey> = {
  'clinical-decision-support': 'productClinical',
  'administrative-decision-support': 'productAdministrative',
  'process-automation': 'productAutomation',
};

/** Purpose, product (for product development), clinical testing (for clinical decision support), sources, consent, title; then where to save. */
export async function newDescriptor(client: LanguageClient): Promise<void> {
  const lang = uiLang();
  // The catalogue lives in the server; asked for first, so a server that is down is noticed before any question.
  const sources = await client.sendRequest(WizardSourcesRequest, { lang });
  const purposeItem = await vscode.window.showQuickPick(
    PURPOSES.map((p) => ({ label: PURPOSE_INFO[p].name[lang], description: p, detail: PURPOSE_INFO[p].explanation[lang], id: p })),
    { title: say(STRINGS.wizardPurpose, lang, 1, 5), placeHolder: say(STRINGS.wizardPurposeHint, lang), matchOnDescription: true, matchOnDetail: true },
  );
  if (!purposeItem) return;
  const purpose = purposeItem.id;
  // Steps: purpose, [product, [clinical testing]], sources, consent, title.
  let total = 4;
  let product: string | undefined;
  let clinicalTesting: boolean | undefined;
  let step = 1;
  if (purpose === 'product-development') {
    total = 6;
    const p = await vscode.window.showQuickPick(PRODUCTS.map((id) => ({ label: say(STRINGS[PRODUCT_NAME[id]], lang), description: id, id })), { title: say(STRINGS.wizardProduct, lang, ++step, total) });
    if (!p) return;
    product = p.id;
    if (product === 'clinical-decision-support') {
      const yes = say(STRINGS.yes, lang);
      const answer = await vscode.window.showQuickPick([yes, say(STRINGS.no, lang)], { title: say(STRINGS.wizardTesting, lang, ++step, total) });
      if (!answer) return;
      clinicalTesting = answer === yes;
    } else total = 5;
  }
  const picked = await vscode.window.showQuickPick(
    sources.map((s) => ({ label: s.name, description: `${s.id}${s.abbreviation ? ` · ${s.abbreviation}` : ''}`, detail: `${s.custodian} · ${s.keywords.join(', ')}`, id: s.id })),
    { title: say(STRINGS.wizardSources, lang, ++step, total), canPickMany: true, matchOnDescription: true, matchOnDetail: true },
  );
  if (!picked) return;
  const consentYes = say(STRINGS.consentYes, lang);
  const consent = await vscode.window.showQuickPick([say(STRINGS.consentNo, lang), consentYes], { title: say(STRINGS.wizardConsent, lang, ++step, total) });
  if (!consent) return;
  const title = await vscode.window.showInputBox({ title: say(STRINGS.wizardTitle, lang, ++step, total), value: '' });
  if (title === undefined) return;
  const text = await client.sendRequest(NewDescriptorRequest, { title, purpose, product, clinicalTesting, sources: picked.map((p) => p.id), consent: consent === consentYes });
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  let dest = await vscode.window.showSaveDialog({
    title: say(STRINGS.wizardSave, lang),
    defaultUri: folder ? vscode.Uri.joinPath(folder, 'project.descriptor.yaml') : undefined,
    filters: { YAML: ['yaml', 'yml'] },
  });
  // The dialog itself asks before replacing a file; a file that appeared meanwhile is never overwritten.
  if (dest && (await exists(dest))) {
    void vscode.window.showWarningMessage(say(STRINGS.wizardExists, lang, vscode.workspace.asRelativePath(dest)));
    dest = undefined;
  }
  const doc = dest
    ? await vscode.workspace.fs.writeFile(dest, Buffer.from(text)).then(() => vscode.workspace.openTextDocument(dest!))
    : await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: text });
  await vscode.window.showTextDocument(doc);
}
