/**
 * One plain sentence for a problem with a field, from the schema's or the server's terse message:
 * "Enter a date.", "The date is after the engagement ended (2021-06-30).", "The duration must be at least
 * 1 minute." Messages written for the API ("is required", "must be a date YYYY-MM-DD") and zod's own
 * defaults ("Too small: expected string to have >=1 characters") both become sentences a person can act
 * on; nothing of the validator's wording reaches the page.
 *
 * `field` is the field's name in words, lower case ("date", "duration", "next step").
 */
export function plainMessage(field: string, message: string): string {
  const text = message.trim().replace(/\.$/, '');
  const subject = `The ${field}`;
  const enter = `Enter ${article(field)} ${field}.`;

  if (/^(is required|required)$/i.test(text)) return enter;
  if (/^too small: expected (string|array|set) to have >=1 /i.test(text)) return enter;
  if (/^invalid input: expected (string|number|date), received (undefined|null|nan)$/i.test(text)) return enter;
  if (/^invalid input: expected number, received string$/i.test(text)) return `Enter the ${field} as a number.`;
  if (/^must be a date\b|^invalid (iso )?date\b/i.test(text))
    return /date/i.test(field) ? enter : `Enter the ${field} as a date.`;
  if (/^must be a time\b|^invalid (iso )?time\b/i.test(text))
    return /time/i.test(field)
      ? `Enter ${article(field)} ${field} as hours and minutes.`
      : `Enter the ${field} as a time.`;

  const atLeast =
    /^too small: expected (?:number|string|array) to (?:be|have) >=?\s*(\d+(?:\.\d+)?)( characters?| items?)?/i.exec(
      text,
    );
  if (atLeast) return `${subject} must be at least ${atLeast[1]}${atLeast[2] ?? ''}.`;
  const atMost =
    /^too big: expected (?:number|string|array) to (?:be|have) <=?\s*(\d+(?:\.\d+)?)( characters?| items?)?/i.exec(
      text,
    );
  if (atMost) return `${subject} must be at most ${atMost[1]}${atMost[2] ?? ''}.`;
  if (/^invalid (input|option|value)\b/i.test(text)) return `Choose ${article(field)} ${field} from the list.`;

  // The API's own messages are predicates of the field: "is after the engagement ended (…)", "must be whole minutes".
  if (/^(is|are|must|may|cannot|can't|should|has|have|exceeds?)\b/i.test(text)) return `${subject} ${text}.`;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

const article = (noun: string): string => (/^[aeiou]/i.test(noun) ? 'an' : 'a');

/** A form field's key in words: `durationMinutes` → "duration minutes", `stageId` → "stage", `nextSteps.0.dueDate` → "due date". */
export function fieldWords(key: string): string {
  const last =
    key
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .pop() ?? key;
  return last
    .replace(/Id$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}
