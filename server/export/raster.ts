/**
 * SVG to PNG with resvg compiled to WebAssembly (@resvg/resvg-wasm), which runs wherever Node does:
 * the CLI and the packaged VS Code extension alike, no native module and no system fonts. The wasm
 * file (dist/resvg.wasm, copied there by esbuild.mjs) and the diagram's font, DejaVu Sans
 * (media/fonts/, under its own licence), ship with the product; the diagram is measured for that
 * font, so the PNG looks the same on every machine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

export interface Raster {
  png: Buffer;
  /** The drawing's size in CSS pixels (the PNG has twice as many, for print). */
  width: number;
  height: number;
}
export type Rasterizer = (svg: string) => Raster;

const FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

/** The nearest folder at or above the bundle's own (dist/, or a test bundle below it) that holds `rel`. */
function above(rel: string): string | undefined {
  for (let dir = __dirname, i = 0; i < 6; i++, dir = dirname(dir)) if (existsSync(join(dir, rel))) return join(dir, rel);
  return undefined;
}

let loading: Promise<{ rasterize?: Rasterizer; reason?: string }> | undefined;

/** The rasterizer, made once; `reason` says why there is none (the wasm file or the font is missing). */
export function loadRasterizer(): Promise<{ rasterize?: Rasterizer; reason?: string }> {
  loading ??= (async () => {
    try {
      const wasm = above('resvg.wasm');
      const fonts = above(join('media', 'fonts'));
      if (!wasm || !fonts) return { reason: `${wasm ? 'the diagram font (media/fonts)' : 'resvg.wasm'} is not installed` };
      await initWasm(readFileSync(wasm));
      const fontBuffers = FONTS.map((f) => new Uint8Array(readFileSync(join(fonts, f))));
      const rasterize: Rasterizer = (svg) => {
        const r = new Resvg(svg, {
          fitTo: { mode: 'zoom', value: 2 },
          background: '#ffffff',
          font: { fontBuffers, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
        });
        try {
          const img = r.render();
          return { png: Buffer.from(img.asPng()), width: Math.round(img.width / 2), height: Math.round(img.height / 2) };
        } finally {
          r.free();
        }
      };
      return { rasterize };
    } catch (e) {
      return { reason: (e as Error).message.split('\n')[0] };
    }
  })();
  return loading;
}
