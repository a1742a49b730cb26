// The Content-Security-Policy every page carries (Astro's security.csp writes it into a <meta> tag
// with a hash of each script and style it emits). Scripts run only from the site itself, by file or
// by hash: anything injected into a page, inline or from another host, does not run. Pagefind's
// search compiles WebAssembly ('wasm-unsafe-eval', which allows no JavaScript eval). Nothing is
// loaded from another host, no plugin or frame is embedded, and a <base> cannot redirect the page.
import type { AstroUserConfig } from 'astro';

type Csp = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

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
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
  styleDirective: { resources: ["'self'"] },
};
