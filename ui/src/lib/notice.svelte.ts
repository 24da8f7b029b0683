// A notice that goes away by itself ("Đã lưu tệp …"), unless the pointer or
// the keyboard is on it: then it stays until left, and closes a moment later.

/** How long a notice stays once nothing holds it. */
export const NOTICE_MS = 10_000;

export class Notice<T> {
  value = $state<T | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ms: number = NOTICE_MS) {}

  show(value: T): void {
    this.value = value;
    this.release();
  }

  /** The user is reading or using it: it stays. */
  hold(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The user left it: it goes after the usual time. */
  release(): void {
    this.hold();
    if (this.value !== null) this.timer = setTimeout(() => this.close(), this.ms);
  }

  close(): void {
    this.hold();
    this.value = null;
  }
}
