// What every page does in the browser, loaded once by the layout as a file (no inline handlers, so
// a strict Content-Security-Policy allows it): "/" to search, the theme toggle, scrolling tables
// made reachable by keyboard, and the receipt copy buttons.

/** "/" jumps to the search box, as on most documentation sites. */
function searchKey(): void {
  document.addEventListener('keydown', (e) => {
    const t = e.target as HTMLElement;
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    e.preventDefault();
    document.querySelector<HTMLInputElement>('#site-search-q')?.focus();
  });
}

type Theme = 'system' | 'dark' | 'light';
const NEXT: Record<Theme, Theme> = { system: 'dark', dark: 'light', light: 'system' };
const ICON: Record<Theme, string> = { system: '◐', dark: '☾', light: '☀' };
const WORD: Record<Theme, string> = { system: 'follows the system', dark: 'dark', light: 'light' };

/**
 * The theme toggle cycles system → dark → light → system and remembers the choice (the head's
 * first script applies it before paint). "System" removes the choice: the page follows the OS again.
 */
function themeToggle(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (!button) return;
  const root = document.documentElement;
  const current = (): Theme => (root.dataset.theme === 'dark' || root.dataset.theme === 'light' ? root.dataset.theme : 'system');
  const show = () => {
    const t = current();
    button.querySelector('[data-theme-icon]')!.textContent = ICON[t];
    button.setAttribute('aria-label', `Colour theme: ${WORD[t]}. Switch to ${WORD[NEXT[t]]}`);
    button.title = `Colour theme: ${WORD[t]} (click: ${WORD[NEXT[t]]})`;
  };
  button.hidden = false;
  show();
  button.addEventListener('click', () => {
    const next = NEXT[current()];
    if (next === 'system') delete root.dataset.theme;
    else root.dataset.theme = next;
    try {
      if (next === 'system') localStorage.removeItem('okr-theme');
      else localStorage.setItem('okr-theme', next);
    } catch {
      // Private browsing: the choice lasts for this page only.
    }
    show();
  });
}

/**
 * A table wider than its frame scrolls sideways: such a frame becomes a named, focusable region, so
 * keyboard users can scroll it too (WCAG 2.1.1). Only those that scroll: others add no tab stop.
 * Measured first, then changed, once per frame: one layout however many tables a page has.
 */
function scrollingTables(): void {
  let pending = false;
  const update = () => {
    pending = false;
    const wraps = [...document.querySelectorAll<HTMLElement>('.table-wrap')];
    const scrolls = wraps.map((wrap) => wrap.scrollWidth > wrap.clientWidth);
    wraps.forEach((wrap, i) => {
      if (scrolls[i] && wrap.getAttribute('role') !== 'region') {
        wrap.tabIndex = 0;
        wrap.setAttribute('role', 'region');
        wrap.setAttribute('aria-label', wrap.querySelector('caption')?.textContent?.trim() || 'Table (scrolls sideways)');
      } else if (!scrolls[i] && wrap.getAttribute('role') === 'region') {
        for (const a of ['tabindex', 'role', 'aria-label']) wrap.removeAttribute(a);
      }
    });
  };
  update();
  addEventListener('resize', () => {
    if (!pending) requestAnimationFrame(update);
    pending = true;
  });
}

/** Receipt copy buttons (src/components/ReceiptHash.astro) work only with JavaScript, so they stay hidden without it. */
function copyButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    button.hidden = false;
    button.addEventListener('click', () => void copy(button));
  }
}

async function copy(button: HTMLButtonElement): Promise<void> {
  const status = button.nextElementSibling;
  try {
    await navigator.clipboard.writeText(button.dataset.copy ?? '');
    if (status) status.textContent = 'Copied';
  } catch {
    if (status) status.textContent = 'Copy failed: open the hash details and select it';
  }
  setTimeout(() => status && (status.textContent = ''), 2500);
}

/** Buttons that print the page ("Print / Save as PDF" on the review page). */
function printButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => print());
  }
}

/** "Expand all" / "Collapse all" for the alignment tree's branches and the KPI catalogue's groups (hidden without JavaScript). */
function expandControls(): void {
  for (const controls of document.querySelectorAll<HTMLElement>('.tree-controls')) {
    controls.hidden = false;
    controls.addEventListener('click', (e) => {
      const mode = (e.target as HTMLElement).closest('button')?.dataset.tree;
      if (mode)
        for (const d of document.querySelectorAll<HTMLDetailsElement>('details.tree__children, details.group')) d.open = mode === 'open';
    });
  }
}

export function startSite(): void {
  searchKey();
  themeToggle();
  scrollingTables();
  copyButtons();
  printButtons();
  expandControls();
}
