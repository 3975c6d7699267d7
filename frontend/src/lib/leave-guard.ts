/**
 * A way off the page that waits for the user's answer: a link to click again, a history step to take
 * again, or something the app does itself (signing out) to run.
 */
export type Exit =
  | { kind: 'link'; link: HTMLAnchorElement }
  | { kind: 'step'; delta: number }
  | { kind: 'action'; run: () => Promise<void> | void };

/** The guarded forms that have unsaved edits, in the order they got them: the first one asks. */
const askers: ((exit: Exit) => void)[] = [];
/** Where the guarded page sits in the tab's history (React Router's `idx`), and its address. */
const guarded: { index: number | undefined; pathname: string; search: string } = {
  index: undefined,
  pathname: '',
  search: '',
};
// Set while the link the user agreed to follow is clicked again, so the guard lets it through.
let followingLink = false;
// The history steps the guard takes itself, in order: undoing a step the user is being asked about
// (hidden from the router), and the step they agreed to (shown to it).
const ownSteps: ('undo' | 'leave')[] = [];
let watching = false;
// Set while an action the user agreed to leave by runs: it may load another page (Clerk's sign-out
// does), and the browser must not ask a second time.
let runningAction = false;

/** React Router's position of a history entry, or undefined for an entry it did not write. */
function historyIndex(state: unknown): number | undefined {
  const idx = (state as { idx?: unknown } | null)?.idx;
  return typeof idx === 'number' ? idx : undefined;
}

function onBeforeUnload(event: BeforeUnloadEvent) {
  if (runningAction) return;
  event.preventDefault();
  // Older Chromium needs returnValue set to show the prompt.
  event.returnValue = '';
}

// In the capture phase, so it runs before React Router's click handler on the link.
function onClick(event: MouseEvent) {
  if (event.defaultPrevented || event.button !== 0 || followingLink) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = (event.target as Element | null)?.closest?.('a[href]');
  if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('download'))
    return;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin) return;
  if (url.pathname === window.location.pathname && url.search === window.location.search) return;
  event.preventDefault();
  event.stopPropagation();
  askers[0]?.({ kind: 'link', link });
}

function onPopState(event: PopStateEvent) {
  const own = ownSteps.shift();
  if (own !== undefined) {
    if (own === 'undo') event.stopImmediatePropagation();
    return;
  }
  if (askers.length === 0) return;
  const { pathname, search } = window.location;
  if (pathname === guarded.pathname && search === guarded.search) {
    // A step between fragments of the guarded page (the skip link): nothing is left behind.
    guarded.index = historyIndex(event.state) ?? guarded.index;
    return;
  }
  const to = historyIndex(event.state);
  // Without both positions the step cannot be undone exactly; let it through rather than lose the router's place.
  if (guarded.index === undefined || to === undefined) return;
  event.stopImmediatePropagation();
  ownSteps.push('undo');
  window.history.go(guarded.index - to);
  askers[0]?.({ kind: 'step', delta: to - guarded.index });
}

/**
 * Starts watching the tab's Back and Forward. Call it once before the router renders: listeners on
 * `window` run in the order they were added, and this one must run before React Router's, to hide a
 * step from it (its capture flag alone does not put it first in Chromium).
 */
export function watchHistory(): void {
  if (watching) return;
  watching = true;
  window.addEventListener('popstate', onPopState, true);
}

/**
 * Guards the page for a form with unsaved edits until the returned function is called: the tab asks
 * before it closes or reloads, and a link or a history step off the page is held and handed to `ask`
 * (for the first form guarding, when several do). `leave` then takes it if the user agrees.
 */
export function guardPage(ask: (exit: Exit) => void): () => void {
  if (askers.length === 0) {
    guarded.index = historyIndex(window.history.state);
    guarded.pathname = window.location.pathname;
    guarded.search = window.location.search;
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
  }
  askers.push(ask);
  return () => {
    askers.splice(askers.indexOf(ask), 1);
    if (askers.length > 0) return;
    window.removeEventListener('beforeunload', onBeforeUnload);
    document.removeEventListener('click', onClick, true);
  };
}

/**
 * Runs `run`, a way off the page the app takes itself (signing out): at once when no form on the page
 * has unsaved edits, else once the user agrees to leave them (nothing runs on Cancel).
 */
export function leaveBy(run: () => Promise<void> | void): void {
  const ask = askers[0];
  if (ask) ask({ kind: 'action', run });
  else void run();
}

/** Takes the way off the page the user agreed to: clicks the link again, steps through history again, or runs the action. */
export function leave(exit: Exit): void {
  if (exit.kind === 'action') {
    runningAction = true;
    void Promise.resolve()
      .then(exit.run)
      .finally(() => {
        runningAction = false;
      });
    return;
  }
  if (exit.kind === 'step') {
    ownSteps.push('leave');
    window.history.go(exit.delta);
    return;
  }
  followingLink = true;
  try {
    exit.link.click();
  } finally {
    followingLink = false;
  }
}
