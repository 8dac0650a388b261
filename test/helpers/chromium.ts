/**
 * Debian's Chromium through playwright-core, for tests that look at what a person sees. Resolves
 * to undefined (the caller skips, saying why) when the browser is not installed.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const NO_CHROMIUM = `Chromium not found at ${CHROMIUM} (bash .ci/e2e-setup.sh installs it)`;

export async function launchChromium(): Promise<Browser | undefined> {
  if (!existsSync(CHROMIUM)) return undefined;
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}
