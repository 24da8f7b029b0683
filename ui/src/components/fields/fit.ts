// Text areas as tall as their text, measured together: every area that asks
// in a frame is fitted in that frame's one layout, not one layout each (a
// sheet of thousands of lines draws its text areas by the hundred).

const waiting = new Set<HTMLTextAreaElement>();
let frame = 0;

/** Fits `area` to its text before the next paint. */
export function fitHeight(area: HTMLTextAreaElement): void {
  waiting.add(area);
  if (frame === 0) frame = requestAnimationFrame(fitAll);
}

function fitAll(): void {
  frame = 0;
  const areas = [...waiting].filter((a) => a.isConnected);
  waiting.clear();
  for (const a of areas) a.style.height = "auto";
  const heights = areas.map((a) => a.scrollHeight + a.offsetHeight - a.clientHeight);
  areas.forEach((a, i) => {
    a.style.height = `${heights[i]}px`;
  });
}

// One observer for every text area: told of their widths after the browser's
// own layout, so drawing a field never forces one; a new width refits it.
const widths = new WeakMap<Element, number>();
let observer: ResizeObserver | null = null;

function refitResized(entries: ResizeObserverEntry[]): void {
  for (const e of entries) {
    const width = e.contentRect.width;
    const was = widths.get(e.target);
    widths.set(e.target, width);
    if (was !== undefined && was !== width) fitHeight(e.target as HTMLTextAreaElement);
  }
}

/** Keeps `area` fitted to its text when its width changes (a svelte action). */
export function fitOnResize(area: HTMLTextAreaElement): { destroy: () => void } {
  observer ??= new ResizeObserver(refitResized);
  observer.observe(area);
  return {
    destroy: () => {
      observer?.unobserve(area);
      widths.delete(area);
    },
  };
}
