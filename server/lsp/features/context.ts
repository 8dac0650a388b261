import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DescriptorService } from '../service';

export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The current service (replaced on initialize). */
  readonly service: DescriptorService;
}
