// The keys that move or delete the item of a list being edited, from any of
// its fields: Tab then goes from field to field (never through a row's ↑ ↓ ✕
// buttons, which stay for the mouse), and the keyboard alone can still reorder
// and delete. The shortcuts are named in the buttons' titles and
// `aria-keyshortcuts`.

export type ItemKeyHandlers = {
  up?: () => void;
  down?: () => void;
  remove?: () => void;
};

export const ITEM_KEYS = { up: "Alt+ArrowUp", down: "Alt+ArrowDown", remove: "Alt+Delete" } as const;

/** Which handler a key press asks for, if any. */
export function itemKeyAction(e: Pick<KeyboardEvent, "key" | "altKey" | "ctrlKey" | "metaKey" | "shiftKey">) {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  if (e.key === "ArrowUp") return "up" as const;
  if (e.key === "ArrowDown") return "down" as const;
  if (e.key === "Delete") return "remove" as const;
  return null;
}

/** A Svelte action: `<div use:itemKeys={{ up, down, remove }}>`. */
export function itemKeys(node: HTMLElement, handlers: ItemKeyHandlers) {
  let current = handlers;
  const onkeydown = (e: KeyboardEvent) => {
    const action = itemKeyAction(e);
    const run = action ? current[action] : undefined;
    if (!run) return;
    e.preventDefault();
    e.stopPropagation();
    run();
  };
  node.addEventListener("keydown", onkeydown);
  return {
    update(next: ItemKeyHandlers) {
      current = next;
    },
    destroy() {
      node.removeEventListener("keydown", onkeydown);
    },
  };
}

/** Once a moved item is drawn again, gives the focus back to the field that had it. */
export function keepFocus(after: Promise<unknown>): void {
  const id = document.activeElement?.id;
  void after.then(() => {
    if (id) requestAnimationFrame(() => document.getElementById(id)?.focus());
  });
}

/** A row of a list that opens on Enter, as a link does. */
export function enterOpens(event: KeyboardEvent, open: () => void): void {
  if (event.key !== "Enter") return;
  event.preventDefault();
  open();
}
