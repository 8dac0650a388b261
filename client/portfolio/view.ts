/**
 * The Projects view (in the Explorer): the workspace's descriptors grouped by state (needs action,
 * waiting for a decision, approved, ended), with the count of each group, and each project with
 * its next date; selecting one opens it. The server computes the portfolio; this only renders it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ProjectState } from '../../server/report/model';
import type { Portfolio, PortfolioRow } from '../../server/report/portfolio/types';
import { STATE_NAME, STATES } from '../../server/report/portfolio/words';
import { countsText, statusText } from '../../server/report/requirements-render';
import { PortfolioRequest } from '../descriptor';
import { say, STRINGS, uiLang } from '../i18n';

export const DESCRIPTOR_GLOB = '**/{*.descriptor.yaml,*.descriptor.yml,project-descriptor.yaml,project-descriptor.yml}';

type Node = { kind: 'group'; state: ProjectState; rows: PortfolioRow[] } | { kind: 'project'; row: PortfolioRow };

const ICON: Record<ProjectState, string> = { 'needs-action': 'warning', waiting: 'clock', approved: 'pass', ended: 'archive' };

/** What the view shows, as plain data (for tests and other extensions). */
export interface ProjectsSnapshot {
  badge?: number;
  groups: { state: ProjectState; label: string; count: number; items: { label: string; description: string; uri: string }[] }[];
}

/** The descriptors of the workspace, each with its path in the workspace. */
export async function workspaceDescriptors(): Promise<{ uri: string; name: string }[]> {
  const found = await vscode.workspace.findFiles(DESCRIPTOR_GLOB, '**/node_modules/**');
  return found.map((u) => ({ uri: u.toString(), name: vscode.workspace.asRelativePath(u) })).sort((a, b) => a.name.localeCompare(b.name));
}

export class ProjectsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  static readonly id = 'descriptor.projects';
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly refreshed = new vscode.EventEmitter<Portfolio>();
  /** The view shows a new portfolio. */
  readonly onDidRefresh = this.refreshed.event;
  private readonly view: vscode.TreeView<Node>;
  private portfolio: Portfolio | undefined;
  private pending: Promise<Portfolio | undefined> | undefined;
  private again = false;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.view = vscode.window.createTreeView(ProjectsView.id, { treeDataProvider: this, showCollapseAll: true });
    // Loaded when first shown, so a workspace where the view stays closed costs nothing.
    this.view.onDidChangeVisibility((e) => {
      if (e.visible && !this.portfolio) void this.refresh();
    });
  }

  get current(): Portfolio | undefined {
    return this.portfolio;
  }

  /** Asks the server for the portfolio of every descriptor in the workspace; one request at a time, the last call wins. */
  refresh(): Promise<Portfolio | undefined> {
    if (this.pending) {
      this.again = true;
      return this.pending;
    }
    this.pending = (async () => {
      let result: Portfolio | undefined;
      do {
        this.again = false;
        result = await this.load();
      } while (this.again);
      return result;
    })().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async load(): Promise<Portfolio | undefined> {
    const c = this.client();
    if (!c?.isRunning()) return this.portfolio;
    const files = await workspaceDescriptors();
    const p = await c.sendRequest(PortfolioRequest, { files, lang: uiLang() });
    this.portfolio = p;
    const l = p.lang;
    const needs = p.summary.byState['needs-action'];
    this.view.badge = needs ? { value: needs, tooltip: say(STRINGS.projectsBadge, l, needs) } : undefined;
    // The view's welcome text (package.json) shows when the workspace has no descriptor.
    void vscode.commands.executeCommand('setContext', 'descriptor.noDescriptors', files.length === 0);
    this.changed.fire(undefined);
    this.refreshed.fire(p);
    return p;
  }

  getChildren(node?: Node): Node[] {
    const p = this.portfolio;
    if (!p) return [];
    if (!node) return p.projects.length ? STATES.map((state) => ({ kind: 'group', state, rows: p.projects.filter((r) => r.state === state) })) : [];
    return node.kind === 'group' ? node.rows.map((row) => ({ kind: 'project', row })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const l = this.portfolio?.lang ?? uiLang();
    if (node.kind === 'group') {
      const open = node.rows.length > 0 && (node.state === 'needs-action' || node.state === 'waiting');
      const item = new vscode.TreeItem(STATE_NAME[node.state][l], node.rows.length === 0 ? vscode.TreeItemCollapsibleState.None : open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `state:${node.state}`;
      item.description = String(node.rows.length);
      item.iconPath = new vscode.ThemeIcon(ICON[node.state]);
      item.contextValue = 'projectState';
      return item;
    }
    const r = node.row;
    const item = new vscode.TreeItem(r.title ?? r.file, vscode.TreeItemCollapsibleState.None);
    item.id = `project:${r.uri}`;
    item.description = nextText(r, l);
    // A plain-text tooltip: nothing from the descriptor is read as Markdown.
    item.tooltip = tooltip(r, l);
    item.resourceUri = vscode.Uri.parse(r.uri);
    item.iconPath = new vscode.ThemeIcon(r.next?.overdue ? 'error' : 'file');
    item.command = { command: 'vscode.open', title: say(STRINGS.openProject, l), arguments: [vscode.Uri.parse(r.uri)] };
    item.contextValue = 'project';
    return item;
  }

  /** The tree as it is shown. */
  snapshot(): ProjectsSnapshot {
    const groups = this.getChildren().flatMap((g) => {
      if (g.kind !== 'group') return [];
      const gi = this.getTreeItem(g);
      return [{
        state: g.state,
        label: String(gi.label),
        count: g.rows.length,
        items: this.getChildren(g).map((n) => {
          const it = this.getTreeItem(n);
          return { label: String(it.label), description: String(it.description ?? ''), uri: n.kind === 'project' ? n.row.uri : '' };
        }),
      }];
    });
    return { badge: this.view.badge?.value, groups };
  }

  dispose(): void {
    this.view.dispose();
    this.changed.dispose();
    this.refreshed.dispose();
  }
}

/** "2027-09-01 · Project start without REK's pre-approval", marked when overdue. */
function nextText(r: PortfolioRow, l: 'en' | 'nb'): string {
  if (!r.next) return r.problem ? say(STRINGS.unreadable, l) : '';
  return `${r.next.date}${r.next.overdue ? ` ${say(STRINGS.overdue, l)}` : ''} · ${r.next.what}`;
}

function tooltip(r: PortfolioRow, l: 'en' | 'nb'): string {
  const lines = [r.title ?? r.file, r.file];
  if (r.institution) lines.push(r.institution);
  if (r.problem) lines.push(r.problem);
  for (const x of r.reasons) lines.push(`• ${x}`);
  for (const a of r.approvals) lines.push(`${a.status === 'granted' ? '✓' : a.status === 'missing' || a.status === 'rejected' ? '✗' : '…'} ${a.name}: ${statusText(a.status, l)}`);
  lines.push(countsText({ errors: r.errors, warnings: r.warnings, information: 0 }, l, ['errors', 'warnings']));
  return lines.join('\n');
}
