/**
 * The custom requests between the VS Code client (or any LSP client) and the server: each method
 * name, its parameter and result types, and its typed RequestType, declared once here and imported
 * by both sides.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { RequirementsModel } from '../report/model';
import type { Portfolio } from '../report/portfolio/types';

export type { Portfolio, PortfolioRow } from '../report/portfolio/types';

/** `descriptor/requirements`: { uri } -> RequirementsModel | null. */
export const REQUIREMENTS_METHOD = 'descriptor/requirements';
export interface RequirementsParams {
  uri: string;
}
export type RequirementsResult = RequirementsModel | null;

/**
 * `descriptor/checkFiles`: { uris } -> a summary. The server reads each file from disk, checks it
 * and publishes its diagnostics, so the Problems panel lists descriptors that are not open.
 */
export const CHECK_FILES_METHOD = 'descriptor/checkFiles';
export interface CheckFilesParams {
  uris: string[];
}
export interface CheckFilesResult {
  files: number;
  errors: number;
  warnings: number;
  information: number;
  unreadable: string[];
}

/**
 * `descriptor/exportPackage`: { uri } -> the application package of an open descriptor, built by
 * the server from the same analysis as its diagnostics. The client writes the files where the user
 * chose (through VS Code's file system), so the server writes nothing.
 */
const EXPORT_PACKAGE_METHOD = 'descriptor/exportPackage';
export interface ExportPackageParams {
  uri: string;
  /**
   * The linkage diagram as PNG, drawn by the client (base64, with its size in CSS pixels; the PNG
   * has twice as many). Without it the server draws it when it can (the CLI's resvg), or the
   * package goes without linkage.png and says so.
   */
  diagram?: { png: string; width: number; height: number };
}

/**
 * `descriptor/linkageDiagram`: { uri } -> the linkage diagram of an open descriptor as SVG, or
 * null when it has no linkage to draw. The client rasterizes it for the package (ExportPackageParams).
 */
const LINKAGE_DIAGRAM_METHOD = 'descriptor/linkageDiagram';
export interface LinkageDiagramParams {
  uri: string;
}
export type LinkageDiagramResult = { svg: string } | null;
interface ExportPackageFile {
  /** A plain file name (letters, digits, '.', '-', '_'). */
  name: string;
  /** The content, base64. */
  data: string;
}
export type ExportPackageResult = {
  files: ExportPackageFile[];
  /** What the user should know (a part that could not be made), in the analysis' language. */
  notes: string[];
  /** How many errors the descriptor has; they are listed first in the Word document and the report. */
  errors: number;
} | null;

/**
 * `descriptor/portfolio`: { files, lang } -> the portfolio of those descriptors (the open ones as
 * they are in the editor, the others from disk): one row per project with its state, approvals,
 * findings and next date, sorted by what needs action first, and a summary. The Projects view and
 * the portfolio page render it; the client computes nothing of it.
 */
export const PORTFOLIO_METHOD = 'descriptor/portfolio';
export interface PortfolioParams {
  /** Each descriptor, with the name to show for it (its path in the workspace). */
  files: { uri: string; name: string }[];
  /** The language of the portfolio; each descriptor is read in it. */
  lang: 'en' | 'nb';
}
export type PortfolioResult = Portfolio;

/**
 * `descriptor/portfolioFiles`: the same parameters -> portfolio.html, portfolio.xlsx,
 * portfolio.json and record-of-processing.xlsx, for the client to write where the user chose.
 */
export const PORTFOLIO_FILES_METHOD = 'descriptor/portfolioFiles';
export interface PortfolioFilesResult {
  files: ExportPackageFile[];
  /** How many projects are in it, and how many errors they have together. */
  projects: number;
  errors: number;
}

export const RequirementsRequest = new RequestType<RequirementsParams, RequirementsResult, void>(REQUIREMENTS_METHOD);
export const PortfolioRequest = new RequestType<PortfolioParams, PortfolioResult, void>(PORTFOLIO_METHOD);
export const PortfolioFilesRequest = new RequestType<PortfolioParams, PortfolioFilesResult, void>(PORTFOLIO_FILES_METHOD);
export const CheckFilesRequest = new RequestType<CheckFilesParams, CheckFilesResult, void>(CHECK_FILES_METHOD);
export const LinkageDiagramRequest = new RequestType<LinkageDiagramParams, LinkageDiagramResult, void>(LINKAGE_DIAGRAM_METHOD);
export const ExportPackageRequest = new RequestType<ExportPackageParams, ExportPackageResult, void>(EXPORT_PACKAGE_METHOD);

/**
 * `descriptor/showDocumentation` (server -> client): { rule } -> whether the client showed the rule's
 * page itself. The server's command `descriptor.openRuleDocumentation` (the code actions' "Show
 * documentation") asks a client that declared `experimental.showDocumentation` so; any other
 * client gets `window/showDocument` with the page.
 */
const SHOW_DOCUMENTATION_METHOD = 'descriptor/showDocumentation';
export interface ShowDocumentationParams {
  rule: string;
}
export const ShowDocumentationRequest = new RequestType<ShowDocumentationParams, boolean, void>(SHOW_DOCUMENTATION_METHOD);

/** `descriptor/workspaceTrusted` (client -> server): the user trusted the workspace, so approved versions in git may now be read. */
export const WorkspaceTrustedNotification = new NotificationType<void>('descriptor/workspaceTrusted');

/** One data source as the new-descriptor wizard lists it, in the asked language. */
export interface WizardSource {
  id: string;
  name: string;
  abbreviation: string | null;
  custodian: string;
  /** The name in the other language and the other names it goes by, so that "Hjerneslag" finds the stroke register in English too. */
  names: string[];
  /** Search words (in both languages). */
  keywords: string[];
}

/** `descriptor/wizardSources`: { lang } -> the catalogue's sources for the wizard's list. */
export const WizardSourcesRequest = new RequestType<{ lang: 'en' | 'nb' }, WizardSource[], void>('descriptor/wizardSources');

/** The new-descriptor wizard's answers. */
export interface WizardAnswers {
  title: string;
  purpose: string;
  product?: string;
  clinicalTesting?: boolean;
  sources: string[];
  consent: boolean;
  /** The language the wizard spoke: the skeleton's placeholders and comments are written in it. */
  lang?: 'en' | 'nb';
}

/** `descriptor/newDescriptor`: the wizard's answers -> the text of a new descriptor, with the approvals its route requires. */
export const NewDescriptorRequest = new RequestType<WizardAnswers, string, void>('descriptor/newDescriptor');
