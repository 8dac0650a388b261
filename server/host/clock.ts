/** The clock: "today" is the date in Norway, whatever the machine's time zone (a package written at 00:30 in Oslo carries that day). */
import { osloDate } from '../../rules/domain/working-days';

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export function today(clock: Clock = systemClock): string {
  return osloDate(clock());
}
