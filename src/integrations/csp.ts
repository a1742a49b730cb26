// The Content-Security-Policy every page carries (Astro's security.csp writes it into a <meta> tag
// with a hash of each script and style it emits). Scripts run only from the site itself, by file or
// by hash: anything injected into a page, inline or from another host, does not run. Pagefind's
// search compiles WebAssembly ('wasm-unsafe-eval', which allows no JavaScript eval). Nothing is
// loaded from another host, no plugin or frame is embedded, and a <base> cannot redirect the page.
import { createHash } from 'node:crypto';
import type { AstroUserConfig } from 'astro';

type Csp = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

/**
 * The layout's one inline script (src/layouts/Base.astro): the saved theme, applied before the page
 * is painted. Astro hashes the scripts it bundles, not inline ones: this one is allowed by the hash
 * of this very text, so the page and the policy cannot disagree.
 */
export const THEME_SCRIPT =
  "try{const t=localStorage.getItem('okr-theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch{}";

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}` as const;

export const CSP: Csp = {
  algorithm: 'SHA-256',
  directives: [
    "default-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ],
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [sha256(THEME_SCRIPT)] },
  styleDirective: { resources: ["'self'"] },
};
