/** The status item's text, from the requirements model (no VS Code API here, so tests can read it). */
import type { RequirementsModel } from '../server/report/model';
import { countsText } from '../server/report/requirements-render';
import { say } from '../rules/domain/text';
import { STRINGS } from './strings';

/**
 * Who decides the exemption, and the counts; for a file that cannot be read, or has no purpose to
 * route by, that nothing is concluded (never "no exemption").
 */
export function statusText(model: RequirementsModel): string {
  const counts = countsText(model.counts, model.lang, ['errors', 'warnings']);
  if (model.problem) return `$(warning) ${say(STRINGS.statusUnread, model.lang)} · ${counts}`;
  if (model.undecided) return `$(warning) ${say(STRINGS.statusUndecided, model.lang)} · ${counts}`;
  const who = model.route.exemptionNeeded && model.route.exemptionKind ? (model.route.authority?.split(' (')[0] ?? '') : say(STRINGS.noExemption, model.lang);
  return `$(law) ${who} · ${counts}`;
}
