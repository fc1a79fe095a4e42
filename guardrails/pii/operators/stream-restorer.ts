/**
 * Restores placeholders in a streamed answer. A placeholder can be split anywhere (`<PHO` | `NE_1>`), so the
 * restorer holds back the shortest tail that could still become a placeholder and releases it as soon as it
 * either completes or cannot. Held-back text is bounded (MAX_PLACEHOLDER_LENGTH), so latency
 * is added only while a `<` is open.
 */
import { lastPlaceholderOpener, MAX_PLACEHOLDER_LENGTH, nextPlaceholderCloser, OPEN_PREFIX } from './placeholder-syntax.js';

export class StreamRestorer {
  private pending = '';

  constructor(private readonly restore: (text: string) => string) {}

  /** Feed one delta; returns the text that is safe to emit now (possibly empty). */
  push(delta: string): string {
    const text = this.pending + delta;
    const open = lastPlaceholderOpener(text);
    if (open >= 0 && text.length - open <= MAX_PLACEHOLDER_LENGTH && nextPlaceholderCloser(text, open) < 0 && OPEN_PREFIX.test(text.slice(open))) {
      this.pending = text.slice(open);
      return this.restore(text.slice(0, open));
    }
    // A final backslash may escape the bracket of a placeholder still to come (`\<PHONE_1\>`).
    if (text.charCodeAt(text.length - 1) === 0x5c) {
      this.pending = '\\';
      return this.restore(text.slice(0, -1));
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
