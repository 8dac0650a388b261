/**
 * The linkage diagram as PNG, drawn by the webview's own browser engine: a short-lived panel
 * draws the SVG on a canvas at twice its size and posts back the PNG. The extension ships no
 * renderer of its own for this, and the PNG matches the preview the user has seen.
 *
 * The panel's policy allows only its nonce'd script and data: images; the SVG is drawn as an
 * image, so nothing in it can run.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { say, STRINGS, uiLang } from './i18n';

export interface DrawnDiagram {
  /** The PNG, base64. */
  png: string;
  /** The drawing's size in CSS pixels. */
  width: number;
  height: number;
}

/** How long the panel may take before the package goes without the PNG. */
const TIMEOUT_MS = 20_000;

function html(nonce: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<style nonce="${nonce}">body{font-family:var(--vscode-font-family);color:var(--vscode-foreground)}</style>
</head><body><p id="status"></p><script nonce="${nonce}">
const vscode = acquireVsCodeApi();
function base64(text) {
  const bytes = new TextEncoder().encode(text);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
window.addEventListener('message', async (event) => {
  const { svg, title } = event.data || {};
  if (typeof svg !== 'string') return;
  document.getElementById('status').textContent = title;
  try {
    const img = new Image();
    img.src = 'data:image/svg+xml;base64,' + base64(svg);
    await img.decode();
    const width = img.naturalWidth, height = img.naturalHeight;
    if (!width || !height) throw new Error('the diagram has no size');
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const png = canvas.toDataURL('image/png').split(',')[1];
    vscode.postMessage({ type: 'png', png, width, height });
  } catch (e) {
    vscode.postMessage({ type: 'error', message: String(e && e.message || e) });
  }
});
vscode.postMessage({ type: 'ready' });
</script></body></html>`;
}

/** Draws the SVG as PNG in a panel beside the editor, closed again at once; undefined when it cannot. */
export function drawDiagram(svg: string): Promise<DrawnDiagram | undefined> {
  const title = say(STRINGS.pkgDrawing, uiLang());
  const panel = vscode.window.createWebviewPanel('descriptor.drawDiagram', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
  panel.webview.html = html(randomBytes(16).toString('base64'));
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: DrawnDiagram | undefined): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      listener.dispose();
      closed.dispose();
      panel.dispose();
      resolve(value);
    };
    const timer = setTimeout(() => finish(undefined), TIMEOUT_MS);
    const closed = panel.onDidDispose(() => finish(undefined));
    const listener = panel.webview.onDidReceiveMessage((msg: { type?: string; png?: unknown; width?: unknown; height?: unknown }) => {
      if (msg.type === 'ready') void panel.webview.postMessage({ svg, title });
      else if (msg.type === 'png' && typeof msg.png === 'string' && typeof msg.width === 'number' && typeof msg.height === 'number') finish({ png: msg.png, width: msg.width, height: msg.height });
      else finish(undefined);
    });
  });
}
