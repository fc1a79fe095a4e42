/**
 * Restores placeholders in a streamed answer. A placeholder can be split anywhere (`<PHO` | `NE_1>`, `&l` |
 * `t;PHONE_1&gt;`), so the restorer holds back the shortest tail that could still become a placeholder this
 * session issued and releases it as soon as it either completes or cannot. Held-back text is bounded
 * (MAX_PLACEHOLDER_LENGTH), so latency is added only while an opener that may start an issued name is open.
 */
import { lastPlaceholderOpener, MAX_PLACEHOLDER_LENGTH, placeholderCloserEnd, trailingPartialOpener } from './placeholder-syntax.js';

export class StreamRestorer {
  private pending = '';

  /** `mayBecome(tail)`: whether a tail starting at an opener may still become a placeholder to restore. */
  constructor(
    private readonly restore: (text: string) => string,
    private readonly mayBecome: (tail: string) => boolean = () => true,
  ) {}

  /** Feed one delta; returns the text that is safe to emit now (possibly empty). */
  push(delta: string): string {
    const text = this.pending + delta;
    const open = lastPlaceholderOpener(text);
    if (open >= 0 && text.length - open <= MAX_PLACEHOLDER_LENGTH && placeholderCloserEnd(text, open) < 0 && this.mayBecome(text.slice(open))) {
      return this.hold(text, open);
    }
    // The end may start an opener still to come: `\` (of `\<`), `&l` (of `&lt;`), `\u00` (of `\u003c`).
    const partial = trailingPartialOpener(text);
    if (partial >= 0) return this.hold(text, partial);
    this.pending = '';
    // No opener at all: no placeholder to restore (most deltas).
    return open < 0 ? text : this.restore(text);
  }

  private hold(text: string, from: number): string {
    this.pending = text.slice(from);
    return this.restore(text.slice(0, from));
  }

  /** End of stream: whatever is held back is emitted as is (restored if complete). */
  flush(): string {
    const rest = this.pending;
    this.pending = '';
    return rest ? this.restore(rest) : '';
  }
}
