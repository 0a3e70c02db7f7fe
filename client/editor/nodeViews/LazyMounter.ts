import { whenIdle } from '../../scheduling/whenIdle.js';

/** How far outside the viewport a block's controls are already rendered, so scrolling rarely meets a placeholder. */
const NEAR_VIEWPORT_MARGIN = '1200px 0px';
/** Blocks whose controls one idle moment renders: a few, so a key typed meanwhile waits little. */
const IDLE_BATCH = 4;
/** No idle rendering this soon after a key: a React commit while typing walks the whole editor DOM. */
const QUIET_AFTER_KEY_MS = 600;

type Mount = () => void;

const pendingByElement = new WeakMap<Element, Mount>();

/**
 * Renders what is expensive to render (the React controls of a typed block)
 * when its element comes near the viewport, and the rest one small batch at
 * a time while the page is idle, in document order. A plan of 150 blocks
 * would otherwise build every block's controls before the first key can be
 * typed; this way the page is interactive with the blocks on screen, and the
 * rest follow within a second or two. Everything ends up rendered, so the
 * page holds the same controls as before for search, assistive technology
 * and scripts.
 */
export class LazyMounter {
  private readonly pending = new Map<Element, Mount>();
  private readonly observer: IntersectionObserver | null;
  private cancelIdle: (() => void) | null = null;
  private lastKeyAt = -Infinity;

  constructor() {
    this.observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => {
            for (const entry of entries) if (entry.isIntersecting) this.mount(entry.target);
          }, { rootMargin: NEAR_VIEWPORT_MARGIN })
        : null;
    document.addEventListener('keydown', this.noteKey, true);
  }

  /** Calls `mount` once `element` is near the viewport or the page is idle; the returned function cancels it. */
  schedule(element: Element, mount: Mount): () => void {
    if (this.observer === null) {
      mount();
      return () => {};
    }
    this.pending.set(element, mount);
    pendingByElement.set(element, () => this.mount(element));
    this.observer.observe(element);
    this.scheduleIdle();
    return () => this.forget(element);
  }

  private mount(element: Element): void {
    const mount = this.pending.get(element);
    this.forget(element);
    mount?.();
  }

  private forget(element: Element): void {
    this.pending.delete(element);
    pendingByElement.delete(element);
    this.observer?.unobserve(element);
  }

  private scheduleIdle(): void {
    if (this.cancelIdle !== null || this.pending.size === 0) return;
    this.cancelIdle = whenIdle(() => {
      this.cancelIdle = null;
      if (performance.now() - this.lastKeyAt >= QUIET_AFTER_KEY_MS) {
        for (const element of [...this.pending.keys()].slice(0, IDLE_BATCH)) this.mount(element);
      }
      this.scheduleIdle();
    });
  }

  private readonly noteKey = (): void => {
    this.lastKeyAt = performance.now();
  };
}

let shared: LazyMounter | null = null;

/** The page's one mounter (its keyboard listener and observer serve every editor). */
export function lazyMounter(): LazyMounter {
  shared ??= new LazyMounter();
  return shared;
}

/** Renders the element's deferred content now if it is still waiting (e.g. before focusing a control in it). */
export function mountNow(element: Element): void {
  pendingByElement.get(element)?.();
}
