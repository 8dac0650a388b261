/**
 * The export as one bundle of its own (dist/export.js): the Word and spreadsheet writers are large,
 * so the language server and the CLI load this only when asked for a package (see load.ts).
 */
export { buildPackage, type BuiltPackage, type PackageFile, type PackageOptions } from './package';
export { checkTarget, ExportRefused, writePackage } from './write';
export { buildPortfolioFiles, PORTFOLIO_FILES } from './portfolio';
