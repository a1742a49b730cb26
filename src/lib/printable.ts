// Control characters other than tab and line feed: content may not hold them (a NUL or an ESC in a
// title reaches the public HTML and a reviewer's terminal, where ESC sequences rewrite the screen),
// and text printed to a terminal shows them escaped whatever their origin.

/** C0 controls but tab and line feed, DEL and the C1 controls (U+0080–U+009F, which terminals also obey). */
export const CONTROL_CHARACTER = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g');

/** `U+001B` for a control character. */
export const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The text with each control character written as \u{1b}, so a terminal prints it instead of obeying it. */
export function printable(text: string): string {
  return CONTROL_CHARACTER.test(text) ? text.replace(CONTROL_CHARACTERS, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`) : text;
}
