// Words in scripts written without spaces between them (Thai, Lao, Khmer, Myanmar), for the search
// index and for queries alike. Pagefind splits an English page's text at spaces, so a Thai word
// inside a sentence would be found only at the start of its run; split with the same ICU word
// segmenter (Intl.Segmenter) on both sides, a word anywhere in a run is found. Pure.

/** A run of letters of a script written without spaces, and the locale whose dictionary splits it. */
const SCRIPTS: [RegExp, string][] = [
  [/[\u0E00-\u0E7F]+/g, 'th'],
  [/[\u0E80-\u0EFF]+/g, 'lo'],
  [/[\u1780-\u17FF]+/g, 'km'],
  [/[\u1000-\u109F]+/g, 'my'],
];

/** Whether the text has any run of such a script (a cheap test before the costlier split). */
export const hasUnspacedScript = (text: string): boolean => SCRIPTS.some(([re]) => new RegExp(re.source).test(text));

const segmenters = new Map<string, Intl.Segmenter>();

/** The text with a space between the words of each such run (other text unchanged). */
export function spaceWords(text: string): string {
  let out = text;
  for (const [re, locale] of SCRIPTS) {
    out = out.replace(re, (run) => {
      let segmenter = segmenters.get(locale);
      if (!segmenter) segmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: 'word' })));
      return [...segmenter.segment(run)].map((s) => s.segment).join(' ');
    });
  }
  return out;
}
