/**
 * Everything the language server needs once a document arrives: the analysis (rules, catalogue,
 * parser, schema validator, host), fix-all and the editor features. The server's bundle loads it
 * from its own file (dist/analysis.js) on first use, so that `initialize` is answered before any
 * of it is read or compiled; other bundles (tests) include it as an ordinary module.
 */
export { Host, readDescriptor } from '../host/analyze';
export { interpretConfig, readConfigFile } from '../host/config';
export { parse } from '../engine/parse';
export { rangeFor, position } from '../engine/yaml-paths';
export { say } from '../../rules/domain/text';
export { check } from '../engine/engine';
export { fixAllSteps } from '../engine/fix-all';
export { isRuleId } from '../../rules';
export { lawCurrentTo, sourceList } from '../../rules/domain/catalogue';
export { requirementsModel } from '../report/requirements-model';
export { linkageDiagram } from '../report/linkage-diagram';
export { buildPortfolio, portfolioRow, unreadableRow } from '../report/portfolio/portfolio';
export { today } from '../host/clock';
export { codeActions, resolveCodeAction } from './features/code-actions';
export { complete } from './features/completion';
export { hover } from './features/hover';
export { definition, documentLinks, documentSymbols, foldingRanges, prepareRename, references, rename } from './features/structure';
export { skeleton } from './features/skeleton';
