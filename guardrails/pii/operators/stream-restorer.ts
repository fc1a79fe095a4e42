/**
 * Restores placeholders in a streamed answer. A placeholder can be split anywhere (`<PHO` | `NE_1>`), so the
 * restorer holds back the shortest tail that could still become a placeholder and releases it as soon as it
 * either completes or cannot. Held-back text is bounded (a placeholder is at most ~50 characters), so latency
 * is added only while a `<` is open.
 */
const MAX_PLACEHOLDER = 52;
/** A prefix of `<\s{0,2}NAME_123\s{0,2}>` without the closing `>`. */
const OPEN_PREFIX = /^<\s{0,2}(?:[A-Za-z][A-Za-z_]{0,39}(?:_\d{0,6})?)?\s{0,2}$|^<\s{0,2}[A-Za-z][A-Za-z_]{0,39}_\d{1,6}\s{0,2}$/;

export class StreamRestorer {
  private pending = '';

  constructor(private readonly restore: (text: string) => string) {}

  /** Feed one delta; returns the text that is safe to emit now (possibly empty). */
  push(delta: string): string {
    const text = this.pending + delta;
    const open = text.lastIndexOf('<');
    if (open >= 0 && text.length - open <= MAX_PLACEHOLDER && !text.includes('>', open) && OPEN_PREFIX.test(text.slice(open))) {
      this.pending = text.slice(open);
      return this.restore(text.slice(0, open));
    }
    this.pending = '';
    return this.restore(text);
  }

  /** End of stream: whatever is held back is emitted as is (restored if complete). */
  flush(): string {
    const rest = this.pending;
    this.pending = '';
    return rest ? this.restore(rest) : '';
  }
}
