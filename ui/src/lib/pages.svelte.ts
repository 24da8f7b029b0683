// A long list drawn a page at a time, so that a sheet of thousands of rows of
// fields costs the page no more than a few screens of them: only the pages
// within a screen of the visible area (and the page holding the focus, with
// its neighbours) are in the document. Every other page is an empty box as
// tall as it was when last drawn or, never drawn, as its rows at the average
// height seen, so the scroll bar stays true to the whole list.
import { flushSync } from "svelte";
import { SvelteMap, SvelteSet } from "svelte/reactivity";

/** The height of a row before any has been measured, in CSS pixels. */
const FIRST_GUESS = 64;

export class Pages {
  /** How many rows a page holds. */
  readonly size: number;
  /** The pages in or near the visible area, as the observer last said. */
  readonly #near = new SvelteSet<number>([0]);
  /** Pages asked for (a line brought into view), drawn until they leave it. */
  readonly #asked = new SvelteSet<number>();
  /** The height of each page when it was last drawn. */
  readonly #heights = new SvelteMap<number, number>();
  #rowHeight = $state(FIRST_GUESS);
  #focused = $state<number | null>(null);
  readonly #pageOf = new WeakMap<Element, number>();
  /** Every page's element, drawn or not (not reactive: read only when the observer reports). */
  #nodes: Element[] = [];
  #observer: IntersectionObserver | null = null;

  constructor(size: number) {
    this.size = size;
  }

  /** The page that holds row `row`. */
  pageOf(row: number): number {
    return Math.floor(row / this.size);
  }

  /** Whether page `page` is drawn. */
  drawn(page: number): boolean {
    const f = this.#focused;
    return this.#near.has(page) || this.#asked.has(page) || (f !== null && Math.abs(page - f) <= 1);
  }

  /** The height in pixels of page `page`, of `rows` rows, while it is not drawn. */
  gap(page: number, rows: number): number {
    return this.#heights.get(page) ?? rows * this.#rowHeight;
  }

  /** Draws the page of row `row` (at the next update), so that it can be brought into view. */
  show(row: number): void {
    this.#asked.add(this.pageOf(row));
  }

  /** Keeps the page of row `row` and its neighbours drawn while it has the focus. */
  focus(row: number | null): void {
    this.#focused = row === null ? null : this.pageOf(row);
  }

  /** A Svelte action for each page's element: it is drawn while near the visible area. */
  readonly observe = (node: Element, page: number) => {
    this.#pageOf.set(node, page);
    this.#nodes.push(node);
    this.#ensureObserver().observe(node);
    return {
      update: (next: number) => this.#pageOf.set(node, next),
      destroy: () => {
        this.#observer?.unobserve(node);
        this.#pageOf.delete(node);
        this.#nodes = this.#nodes.filter((n) => n !== node);
      },
    };
  };

  #ensureObserver(): IntersectionObserver {
    this.#observer ??= new IntersectionObserver((entries) => this.#seen(entries), { rootMargin: "100% 0px" });
    return this.#observer;
  }

  /** Draws the pages that came near the visible area and empties those that left it. */
  #seen(entries: IntersectionObserverEntry[]): void {
    // What is in view stays where it is while pages above it are drawn or
    // emptied: a drawn page in view is the anchor, measured before and after.
    const anchor = this.#anchor();
    const top = anchor?.getBoundingClientRect().top ?? 0;
    let changed = false;
    for (const entry of entries) {
      const page = this.#pageOf.get(entry.target);
      if (page === undefined) continue;
      if (entry.isIntersecting) {
        if (this.#near.has(page)) continue;
        this.#near.add(page);
        changed = true;
      } else {
        if (this.drawn(page)) this.#measure(page, entry.boundingClientRect.height);
        this.#near.delete(page);
        this.#asked.delete(page);
        changed = true;
      }
    }
    if (!changed || !anchor) return;
    flushSync();
    const shift = anchor.isConnected ? anchor.getBoundingClientRect().top - top : 0;
    if (shift !== 0) window.scrollBy(0, shift);
  }

  /** The first drawn page with a part in the visible area, if any. */
  #anchor(): Element | null {
    for (const node of this.#nodes) {
      const page = this.#pageOf.get(node);
      if (page === undefined || !this.drawn(page)) continue;
      const r = node.getBoundingClientRect();
      if (r.bottom > 0 && r.top < window.innerHeight) return node;
    }
    return null;
  }

  #measure(page: number, height: number): void {
    if (height <= 0) return;
    this.#heights.set(page, height);
    let total = 0;
    for (const h of this.#heights.values()) total += h;
    this.#rowHeight = total / (this.#heights.size * this.size);
  }

  /** Stops watching: the list is gone. */
  disconnect(): void {
    this.#observer?.disconnect();
    this.#observer = null;
  }
}
