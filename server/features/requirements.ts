/** The requirements preview's model, computed from the same analysis as the diagnostics. */
import type { FeatureContext } from './context';

export function registerRequirements(ctx: FeatureContext): void {
  void ctx;
}
