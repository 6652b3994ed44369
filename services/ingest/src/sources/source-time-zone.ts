import { InputProblem } from '../articles/formats/input-problem';
import { isTimeZone } from '@newsflow/platform';

/**
 * A source's `timeZone` as sent, once Intl knows it; an unknown one is refused (400) by name, since a
 * mistyped zone would otherwise shift every time the desk sends without an offset.
 */
export function checkedTimeZone(timeZone: string | undefined): string | undefined {
  if (timeZone === undefined || isTimeZone(timeZone)) return timeZone;
  throw new InputProblem(400, 'unknown-time-zone',
    `timeZone: "${timeZone.slice(0, 100)}" is not a time zone this server knows: send an IANA name such as America/New_York, Europe/Paris or Asia/Kolkata`, 'timeZone');
}
