import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Pages } from "./pages.svelte";

/** Stands for the browser's observer: the test says what came into view. */
class FakeObserver {
  static last: FakeObserver | null = null;
  constructor(readonly report: (entries: IntersectionObserverEntry[]) => void) {
    FakeObserver.last = this;
  }
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

/** What the observer says of one page's element, below the visible area's top. */
function seen(target: Element, near: boolean, height: number): IntersectionObserverEntry {
  return { target, isIntersecting: near, boundingClientRect: { height, top: 100 } } as IntersectionObserverEntry;
}

/** Where each page's element lies, by default far below the visible area. */
type Place = (pages: Pages, page: number) => { top: number; bottom: number };
const below: Place = () => ({ top: 10_000, bottom: 12_000 });

/** A sheet of `n` pages, each page's element observed. */
function sheet(
  n: number,
  place: Place = below,
): { pages: Pages; at: (page: number) => Element; report: (e: IntersectionObserverEntry[]) => void } {
  const pages = new Pages(30);
  const elements = Array.from({ length: n }, (_, page) => {
    const element = { page, getBoundingClientRect: () => place(pages, page), isConnected: true } as unknown as Element;
    pages.observe(element, page);
    return element;
  });
  const observer = FakeObserver.last;
  if (!observer) throw new Error("no observer");
  const at = (page: number): Element => {
    const element = elements[page];
    if (!element) throw new Error(`no page ${page}`);
    return element;
  };
  return { pages, at, report: (e) => observer.report(e) };
}

describe("Pages", () => {
  const scrollBy = vi.fn();
  beforeEach(() => {
    vi.stubGlobal("IntersectionObserver", FakeObserver);
    vi.stubGlobal("window", { innerHeight: 800, scrollBy });
    scrollBy.mockClear();
  });
  afterEach(() => vi.unstubAllGlobals());

  it("opens with the first page drawn and the others as empty boxes", () => {
    const { pages } = sheet(100);
    expect(pages.drawn(0)).toBe(true);
    expect(pages.drawn(1)).toBe(false);
    expect(pages.pageOf(29)).toBe(0);
    expect(pages.pageOf(30)).toBe(1);
  });

  it("draws the pages near the visible area and empties those that left it, as tall as they were", () => {
    const { pages, at, report } = sheet(100);
    report([seen(at(1), true, 1920)]);
    expect(pages.drawn(1)).toBe(true);
    report([seen(at(0), false, 1800), seen(at(1), false, 2100)]);
    expect(pages.drawn(0)).toBe(false);
    expect(pages.drawn(1)).toBe(false);
    expect(pages.gap(0, 30)).toBe(1800);
    expect(pages.gap(1, 30)).toBe(2100);
    // A page never drawn is as tall as its lines at the average height seen.
    expect(pages.gap(50, 30)).toBe(1950);
    expect(pages.gap(99, 10)).toBe(650);
  });

  it("keeps the page with the focus, and those beside it, drawn while it is out of view", () => {
    const { pages, at, report } = sheet(100);
    pages.focus(75);
    report([seen(at(0), false, 1800), seen(at(2), false, 1800)]);
    expect([pages.drawn(1), pages.drawn(2), pages.drawn(3), pages.drawn(4)]).toEqual([true, true, true, false]);
    pages.focus(null);
    expect(pages.drawn(2)).toBe(false);
  });

  it("draws the page of a line asked for until it has been in view and left it", () => {
    const { pages, at, report } = sheet(100);
    pages.show(2950);
    expect(pages.drawn(98)).toBe(true);
    report([seen(at(98), true, 1900)]);
    report([seen(at(98), false, 1900)]);
    expect(pages.drawn(98)).toBe(false);
    expect(pages.gap(98, 30)).toBe(1900);
  });

  it("keeps what is in view where it was while a page above it is drawn", () => {
    // Page 1 is in view; page 0, above it, is 500 px taller drawn than empty.
    const place: Place = (pages, page) => {
      const grown = pages.drawn(0) ? 500 : 0;
      return page === 1 ? { top: 300 + grown, bottom: 2100 + grown } : { top: -1500, bottom: 300 + grown };
    };
    const { pages, at, report } = sheet(3, place);
    report([seen(at(0), false, 1800), seen(at(1), true, 1800)]);
    expect(scrollBy).not.toHaveBeenCalled();
    report([seen(at(0), true, 1300)]);
    expect(pages.drawn(0)).toBe(true);
    expect(scrollBy).toHaveBeenCalledWith(0, 500);
  });
});
