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
