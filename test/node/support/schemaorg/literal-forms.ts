/**
 * The lexical forms of schema.org's data types: which JSON literals are
 * instances of which data type. A data type without a form of its own here
 * (CssSelectorType, XPathType, PronounceableText) takes its superclass's
 * form, so any string is one of those, as any string is Text.
 */

export type Literal = string | number | boolean;

/** Decides whether a literal is written as an instance of one data type. */
export type LexicalForm = (value: Literal) => boolean;

const DATE = /^(-?\d{4,})-(\d{2})-(\d{2})$/;
// schema.org writes DateTime as [-]CCYY-MM-DDThh:mm:ss[Z|(+|-)hh:mm]; ISO 8601 also
// lets the seconds be left out or carry a fraction, and so does this.
const DATE_TIME = /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;
// ISO 8601 durations such as P1Y2M, P3W, PT30M, PT1.5S: at least one part, and a T only before time parts.
const DURATION = /^-?P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;
// schema.org: "Particular instances of say Mass are strings like '3 kg' or '4 milligrams'".
// The unit is not checked against any list: the vocabulary gives none.
const QUANTITY = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*[^\d\s].*$/;
const SCHEME = /^[A-Za-z][A-Za-z\d+.-]*:/;

const isString = (value: Literal): value is string => typeof value === "string";
const isNumber = (value: Literal): value is number => typeof value === "number" && Number.isFinite(value);

/** Forms by data type name; the keys are schema.org classes. */
export const LEXICAL_FORMS: ReadonlyMap<string, LexicalForm> = new Map<string, LexicalForm>([
  ["Text", isString],
  ["URL", (value) => isString(value) && isAbsoluteUrl(value)],
  ["Date", (value) => isString(value) && isIsoDate(value)],
  ["DateTime", (value) => isString(value) && isIsoDateTime(value)],
  ["Time", (value) => isString(value) && isIsoTime(value)],
  // Native JSON numbers and booleans only: the API writes them natively, so a
  // quoted "4.5" or "true" is a mistake in its output, not a style.
  ["Number", isNumber],
  ["Float", isNumber],
  ["Integer", (value) => isNumber(value) && Number.isInteger(value)],
  ["Boolean", (value) => typeof value === "boolean"],
  ["Quantity", (value) => isString(value) && QUANTITY.test(value)],
  ["Duration", (value) => isString(value) && DURATION.test(value)],
]);

/** An absolute URL: a scheme, no white space, and parseable by the WHATWG URL parser. */
export function isAbsoluteUrl(value: string): boolean {
  return SCHEME.test(value) && !/\s/.test(value) && URL.canParse(value);
}

/** A calendar date written YYYY-MM-DD that exists (no 30 February). */
export function isIsoDate(value: string): boolean {
  const match = DATE.exec(value);
  return match !== null && isCalendarDate(match[1], match[2], match[3]);
}

/** A date and time written YYYY-MM-DDThh:mm[:ss[.s]][Z|±hh:mm] whose parts exist. */
export function isIsoDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  return (
    match !== null &&
    isCalendarDate(match[1], match[2], match[3]) &&
    isClockTime(match[4], match[5], match[6]) &&
    isZone(match[7])
  );
}

/** A time of day written hh:mm[:ss[.s]][Z|±hh:mm] whose parts exist. */
export function isIsoTime(value: string): boolean {
  const match = TIME.exec(value);
  return match !== null && isClockTime(match[1], match[2], match[3]) && isZone(match[4]);
}

function isCalendarDate(year = "", month = "", day = ""): boolean {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  return d <= days;
}

function isClockTime(hours = "", minutes = "", seconds = "00"): boolean {
  // 60 seconds is a leap second, which ISO 8601 and XML Schema allow.
  return Number(hours) <= 23 && Number(minutes) <= 59 && Number(seconds) <= 60;
}

function isZone(zone: string | undefined): boolean {
  if (zone === undefined || zone === "Z") return true;
  const [hours = "", minutes = ""] = zone.slice(1).split(":");
  return Number(hours) <= 14 && Number(minutes) <= 59;
}
