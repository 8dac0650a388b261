/**
 * The new-descriptor wizard, as quick picks in the setting's language: five steps with one count
 * (purpose, with the product questions for product development inside it; data sources; consent;
 * title; a summary to check before the file is made), a back button on every step after the
 * first, and the summary's lines to go back to one answer. It asks where to save and never overwrites.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { WizardSource } from '../../server/lsp/protocol';
import { PRODUCTS, PURPOSE_INFO, PURPOSES, type Purpose } from '../../rules/domain/vocabulary';
import { LANGUAGE_ID, NewDescriptorRequest, WizardSourcesRequest } from '../descriptor';
import { exists } from '../files';
import { say, STRINGS, uiLang, type StringKey } from '../i18n';
import type { Lang } from '../../rules/domain/types';
import { searchSources } from './search';

const PRODUCT_NAME: Record<(typeof PRODUCTS)[number], StringKey> = {
  'clinical-decision-support': 'productClinical',
  'administrative-decision-support': 'productAdministrative',
  'process-automation': 'productAutomation',
};

/** The steps, one count for every purpose. */
const STEPS = 5;
const BACK = Symbol('back');
type Answer<T> = T | typeof BACK | undefined;

interface Answers {
  purpose?: Purpose;
  product?: string;
  clinicalTesting?: boolean;
  sources: string[];
  consent?: boolean;
  title?: string;
}

type Item<T> = vscode.QuickPickItem & { value: T };

/** One quick pick: resolves with the chosen items, BACK, or undefined when the user closes it. */
function ask<T>(o: { title: string; placeholder?: string; items: Item<T>[]; back: boolean; active?: T; many?: boolean; setup?: (qp: vscode.QuickPick<Item<T>>) => void }): Promise<Answer<Item<T>[]>> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<Item<T>>();
    qp.title = o.title;
    qp.placeholder = o.placeholder;
    qp.canSelectMany = o.many ?? false;
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    qp.ignoreFocusOut = true;
    qp.buttons = o.back ? [vscode.QuickInputButtons.Back] : [];
    qp.items = o.items;
    const active = o.items.find((i) => i.value === o.active);
    if (active) qp.activeItems = [active];
    o.setup?.(qp);
    let done = false;
    const finish = (v: Answer<Item<T>[]>) => {
      if (done) return;
      done = true;
      resolve(v);
      qp.dispose();
    };
    qp.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && finish(BACK));
    qp.onDidAccept(() => finish(qp.canSelectMany ? [...qp.selectedItems] : qp.activeItems.slice(0, 1)));
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}

function askText(o: { title: string; prompt: string; value: string; back: boolean }): Promise<Answer<string>> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    box.title = o.title;
    box.prompt = o.prompt;
    box.value = o.value;
    box.ignoreFocusOut = true;
    box.buttons = o.back ? [vscode.QuickInputButtons.Back] : [];
    let done = false;
    const finish = (v: Answer<string>) => {
      if (done) return;
      done = true;
      resolve(v);
      box.dispose();
    };
    box.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && finish(BACK));
    box.onDidAccept(() => finish(box.value));
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}

const title = (key: StringKey, lang: Lang, step: number) => say(STRINGS[key], lang, step, STEPS);

/** Step 1: the purpose, and for product development the product and whether it is tried out clinically. */
async function purposeStep(a: Answers, lang: Lang): Promise<Answer<true>> {
  for (;;) {
    const picked = await ask<Purpose>({
      title: title('wizardPurpose', lang, 1),
      placeholder: say(STRINGS.wizardPurposeHint, lang),
      items: PURPOSES.map((p) => ({ label: PURPOSE_INFO[p].name[lang], description: p, detail: PURPOSE_INFO[p].explanation[lang], value: p })),
      back: false,
      active: a.purpose,
    });
    if (!picked || picked === BACK || !picked[0]) return undefined;
    a.purpose = picked[0].value;
    if (a.purpose !== 'product-development') {
      a.product = a.clinicalTesting = undefined;
      return true;
    }
    const product = await ask<string>({ title: title('wizardProduct', lang, 1), items: PRODUCTS.map((id) => ({ label: say(STRINGS[PRODUCT_NAME[id]], lang), description: id, value: id })), back: true, active: a.product });
    if (product === undefined) return undefined;
    if (product === BACK || !product[0]) continue;
    a.product = product[0].value;
    if (a.product !== 'clinical-decision-support') {
      a.clinicalTesting = undefined;
      return true;
    }
    const testing = await ask<boolean>({ title: title('wizardTesting', lang, 1), items: [{ label: say(STRINGS.yes, lang), value: true }, { label: say(STRINGS.no, lang), value: false }], back: true, active: a.clinicalTesting });
    if (testing === undefined) return undefined;
    if (testing === BACK || !testing[0]) continue;
    a.clinicalTesting = testing[0].value;
    return true;
  }
}

/**
 * Step 2: the data sources, searched by the wizard's own search (id, abbreviation, both names, other
 * names, search words), best match first; what is ticked stays ticked while the search changes.
 */
async function sourcesStep(a: Answers, sources: WizardSource[], lang: Lang): Promise<Answer<true>> {
  const chosen = new Set(a.sources);
  // The abbreviation in the label: VS Code puts items whose label matches first, so "NPR" finds NPR before the rest.
  const itemOf = (s: WizardSource): Item<string> => ({
    label: `${s.name}${s.abbreviation ? ` (${s.abbreviation})` : ''}`,
    description: s.id,
    detail: `${s.custodian}${s.names.length ? ` · ${s.names[0]}` : ''}`,
    value: s.id,
    picked: chosen.has(s.id),
    alwaysShow: true,
  });
  const picked = await ask<string>({
    title: title('wizardSources', lang, 2),
    placeholder: say(STRINGS.wizardSourcesHint, lang),
    items: sources.map(itemOf),
    back: true,
    many: true,
    setup: (qp) => {
      // The wizard filters and ranks itself; VS Code's own filter would hide names in the other language.
      qp.matchOnDescription = false;
      qp.matchOnDetail = false;
      let shown = qp.items;
      qp.onDidChangeSelection((selected) => {
        for (const i of shown) if (selected.some((x) => x.value === i.value)) chosen.add(i.value);
        else chosen.delete(i.value);
      });
      qp.onDidChangeValue((value) => {
        shown = searchSources(sources, value).map(itemOf);
        qp.items = shown;
        qp.selectedItems = shown.filter((i) => chosen.has(i.value));
      });
    },
  });
  if (!picked || picked === BACK) return picked === BACK ? BACK : undefined;
  a.sources = sources.map((s) => s.id).filter((id) => chosen.has(id));
  return true;
}

async function consentStep(a: Answers, lang: Lang): Promise<Answer<true>> {
  const picked = await ask<boolean>({ title: title('wizardConsent', lang, 3), items: [{ label: say(STRINGS.consentNo, lang), value: false }, { label: say(STRINGS.consentYes, lang), value: true }], back: true, active: a.consent });
  if (!picked || picked === BACK || !picked[0]) return picked === BACK ? BACK : undefined;
  a.consent = picked[0].value;
  return true;
}

async function titleStep(a: Answers, lang: Lang): Promise<Answer<true>> {
  const value = await askText({ title: title('wizardTitle', lang, 4), prompt: say(STRINGS.wizardTitleHint, lang), value: a.title ?? '', back: true });
  if (value === undefined || value === BACK) return value;
  a.title = value.trim();
  return true;
}

/** Step 5: the answers, to check; a line goes back to its step, the first item makes the descriptor. */
async function summaryStep(a: Answers, sources: WizardSource[], lang: Lang): Promise<Answer<'create' | number>> {
  const names = a.sources.map((id) => sources.find((s) => s.id === id)).map((s) => (s ? s.abbreviation ?? s.name : '')).filter(Boolean);
  const change = say(STRINGS.wizardChange, lang);
  const purpose = a.purpose ? PURPOSE_INFO[a.purpose].name[lang] : '';
  const product = a.product ? ` · ${say(STRINGS[PRODUCT_NAME[a.product as (typeof PRODUCTS)[number]]], lang)}` : '';
  const items: Item<'create' | number>[] = [
    { label: `$(check) ${say(STRINGS.wizardCreate, lang)}`, detail: say(STRINGS.wizardCreateDetail, lang), value: 'create' },
    { label: `${say(STRINGS.summaryPurpose, lang)}: ${purpose}${product}`, description: change, value: 1 },
    { label: `${say(STRINGS.summarySources, lang)}: ${names.join(', ') || say(STRINGS.summaryNone, lang)}`, description: change, value: 2 },
    { label: `${say(STRINGS.summaryConsent, lang)}: ${say(a.consent ? STRINGS.consentYes : STRINGS.consentNo, lang)}`, description: change, value: 3 },
    { label: `${say(STRINGS.summaryTitle, lang)}: ${a.title || say(STRINGS.summaryNone, lang)}`, description: change, value: 4 },
  ];
  const picked = await ask({ title: title('wizardSummary', lang, 5), items, back: true });
  if (!picked || picked === BACK || !picked[0]) return picked === BACK ? BACK : undefined;
  return picked[0].value;
}

/** Purpose (and product), sources, consent, title, summary; then where to save. */
export async function newDescriptor(client: LanguageClient): Promise<void> {
  const lang = uiLang();
  // The catalogue lives in the server; asked for first, so a server that is down is noticed before any question.
  const sources = await client.sendRequest(WizardSourcesRequest, { lang });
  const a: Answers = { sources: [] };
  const steps = [() => purposeStep(a, lang), () => sourcesStep(a, sources, lang), () => consentStep(a, lang), () => titleStep(a, lang)];
  let step = 0;
  for (;;) {
    if (step < steps.length) {
      const r = await steps[step]();
      if (r === undefined) return;
      step = r === BACK ? Math.max(0, step - 1) : step + 1;
      continue;
    }
    const r = await summaryStep(a, sources, lang);
    if (r === undefined) return;
    if (r === BACK) step = steps.length - 1;
    else if (r === 'create') break;
    else step = r - 1;
  }
  const text = await client.sendRequest(NewDescriptorRequest, { title: a.title ?? '', purpose: a.purpose!, product: a.product, clinicalTesting: a.clinicalTesting, sources: a.sources, consent: a.consent === true, lang });
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
