/** The new-descriptor wizard, as quick picks. */
import * as vscode from 'vscode';
import { PRODUCTS, PURPOSES } from '../../rules/domain/vocabulary';
import catalogue from '../../rules/sources.yaml';
import { LANGUAGE_ID } from '../descriptor';
import { exists } from '../files';
import { skeleton } from './skeleton';

interface CatalogueFile {
  sources: { id: string; name: { en: string; nb: string }; abbreviation: string | null }[];
}

/** The new-descriptor wizard: purpose, product, sources, consent and title, then a skeleton with the route's approvals. */
export async function newDescriptor(): Promise<void> {
  const nb = vscode.env.language.startsWith('nb') || vscode.env.language.startsWith('no');
  const purposes = [...PURPOSES];
  const purpose = await vscode.window.showQuickPick(purposes, { title: vscode.l10n.t('New project descriptor (1/5): purpose'), placeHolder: vscode.l10n.t('Why does the project want health data?') });
  if (!purpose) return;
  let product: string | undefined;
  let clinicalTesting: boolean | undefined;
  if (purpose === 'product-development') {
    product = await vscode.window.showQuickPick([...PRODUCTS], { title: vscode.l10n.t('New project descriptor (2/5): product') });
    if (!product) return;
    if (product === 'clinical-decision-support') {
      const t = await vscode.window.showQuickPick([vscode.l10n.t('Yes'), vscode.l10n.t('No')], { title: vscode.l10n.t('Will the tool be tried out clinically?') });
      if (!t) return;
      clinicalTesting = t === vscode.l10n.t('Yes');
    }
  }
  const cat = catalogue as unknown as CatalogueFile;
  const picked = await vscode.window.showQuickPick(
    cat.sources.map((s) => ({ label: s.id, description: nb ? s.name.nb : s.name.en })),
    { title: vscode.l10n.t('New project descriptor (3/5): data sources'), canPickMany: true },
  );
  if (!picked) return;
  const consent = await vscode.window.showQuickPick([vscode.l10n.t('No: without consent'), vscode.l10n.t('Yes: every participant consents')], { title: vscode.l10n.t('New project descriptor (4/5): consent') });
  if (!consent) return;
  const title = await vscode.window.showInputBox({ title: vscode.l10n.t('New project descriptor (5/5): title'), value: '' });
  if (title === undefined) return;
  const text = skeleton({ title, purpose, product, clinicalTesting, sources: picked.map((p) => p.label), consent: consent.startsWith(vscode.l10n.t('Yes')) });
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const dest = folder ? vscode.Uri.joinPath(folder, 'project.descriptor.yaml') : undefined;
  const doc = dest && !(await exists(dest)) ? await vscode.workspace.fs.writeFile(dest, Buffer.from(text)).then(() => vscode.workspace.openTextDocument(dest)) : await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: text });
  await vscode.window.showTextDocument(doc);
}

