/** The requirements preview's model, computed from the same analysis as the diagnostics. */
import { RequestType } from 'vscode-languageserver';
import { REQUIREMENTS_METHOD, type RequirementsParams, type RequirementsResult } from '../protocol';
import { requirementsModel } from './requirements-model';
import type { FeatureContext } from './context';

const RequirementsRequest = new RequestType<RequirementsParams, RequirementsResult, void>(REQUIREMENTS_METHOD);

export function registerRequirements(ctx: FeatureContext): void {
  ctx.connection.onRequest(RequirementsRequest, ({ uri }) => {
    const doc = ctx.documents.get(uri);
    return doc ? requirementsModel(ctx.service.analyze(doc)) : null;
  });
}
