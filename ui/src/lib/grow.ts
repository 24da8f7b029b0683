// A text area as tall as its text (at least its `rows`, at most most of the
// window), so a long Vietnamese phrase is read whole instead of scrolled.

function fit(node: HTMLTextAreaElement): void {
  node.style.height = "auto";
  const border = node.offsetHeight - node.clientHeight;
  const most = Math.round(window.innerHeight * 0.6);
  node.style.height = `${Math.min(node.scrollHeight + border, most)}px`;
}

/** A Svelte action: `<textarea use:grow={text}>`; fits again when the text changes. */
export function grow(node: HTMLTextAreaElement, text: string) {
  let shown = text;
  const onInput = () => fit(node);
  node.addEventListener("input", onInput);
  requestAnimationFrame(() => fit(node));
  return {
    update(next: string) {
      if (next !== shown) fit(node);
      shown = next;
    },
    destroy() {
      node.removeEventListener("input", onInput);
    },
  };
}
