/**
 * SVG to PNG with resvg (@resvg/resvg-js), a native module that esbuild leaves external: the CLI
 * loads it from node_modules. Where it is not installed (the packaged VS Code extension ships no
 * node_modules) there is no rasterizer, and the export says so instead of writing a PNG.
 */
export interface Raster {
  png: Buffer;
  /** The drawing's size in CSS pixels (the PNG has twice as many, for print). */
  width: number;
  height: number;
}
export type Rasterizer = (svg: string) => Raster;

let cached: { rasterize?: Rasterizer; reason?: string } | undefined;

export function loadRasterizer(): { rasterize?: Rasterizer; reason?: string } {
  if (cached) return cached;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
    cached = {
      rasterize: (svg) => {
        const r = new Resvg(svg, {
          fitTo: { mode: 'zoom', value: 2 },
          background: '#ffffff',
          font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
        });
        const img = r.render();
        return { png: Buffer.from(img.asPng()), width: Math.round(img.width / 2), height: Math.round(img.height / 2) };
      },
    };
  } catch (e) {
    cached = { reason: (e as Error).message.split('\n')[0] };
  }
  return cached;
}
