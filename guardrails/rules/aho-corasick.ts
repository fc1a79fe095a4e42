/**
 * Aho-Corasick multi-pattern matcher: one left-to-right pass over the text finds every occurrence of
 * every pattern, whatever the number of patterns (keyword libraries of 100,000+ terms).
 *
 * Layout is compact on purpose (a 100k-term library is ~1M trie nodes): typed arrays, children of a
 * node stored contiguously and sorted by char code (binary search), and a dense 65,536-entry table for
 * the root only, where CJK fan-out is widest. Patterns and text are matched as UTF-16 code units; the
 * caller folds case/normalises both the same way (see ./fold.ts).
 */

export type OnMatch = (patternIndex: number, start: number, end: number) => void;

export class AhoCorasick {
  readonly patternCount: number;
  readonly nodeCount: number;
  /** Root transitions, dense: rootNext[charCode] = node, or 0 (stay at root). */
  private readonly rootNext: Int32Array;
  /** Children of node n: childChar/childNode[childStart[n] .. childStart[n + 1]), sorted by char. */
  private readonly childStart: Int32Array;
  private readonly childChar: Uint16Array;
  private readonly childNode: Int32Array;
  private readonly fail: Int32Array;
  /** Pattern index ending at this node, or -1. */
  private readonly terminal: Int32Array;
  /** Nearest terminal node on the failure chain (excluding itself), or 0. */
  private readonly outLink: Int32Array;
  private readonly depth: Int32Array;

  private constructor(fields: {
    patternCount: number;
    nodeCount: number;
    rootNext: Int32Array;
    childStart: Int32Array;
    childChar: Uint16Array;
    childNode: Int32Array;
    fail: Int32Array;
    terminal: Int32Array;
    outLink: Int32Array;
    depth: Int32Array;
  }) {
    this.patternCount = fields.patternCount;
    this.nodeCount = fields.nodeCount;
    this.rootNext = fields.rootNext;
    this.childStart = fields.childStart;
    this.childChar = fields.childChar;
    this.childNode = fields.childNode;
    this.fail = fields.fail;
    this.terminal = fields.terminal;
    this.outLink = fields.outLink;
    this.depth = fields.depth;
  }

  /** Patterns must be non-empty; duplicates are allowed (the later index wins the terminal slot). */
  static build(patterns: readonly string[]): AhoCorasick {
    // Sorting makes shared prefixes adjacent, so the trie is built with a stack instead of a hash per node.
    const order = patterns.map((_, i) => i).filter((i) => patterns[i]!.length > 0);
    order.sort((a, b) => (patterns[a]! < patterns[b]! ? -1 : patterns[a]! > patterns[b]! ? 1 : a - b));

    let capacity = 1;
    for (const i of order) capacity += patterns[i]!.length;
    const edgeParent = new Int32Array(capacity);
    const edgeChar = new Uint16Array(capacity);
    const terminal = new Int32Array(capacity).fill(-1);
    const depth = new Int32Array(capacity);
    let nodeCount = 1; // node 0 is the root

    const path: number[] = [0]; // path[d] = node at depth d for the previous pattern
    let previous = '';
    for (const index of order) {
      const pattern = patterns[index]!;
      let common = 0;
      const limit = Math.min(previous.length, pattern.length);
      while (common < limit && previous.charCodeAt(common) === pattern.charCodeAt(common)) common++;
      path.length = common + 1;
      for (let d = common; d < pattern.length; d++) {
        const node = nodeCount++;
        edgeParent[node] = path[d]!;
        edgeChar[node] = pattern.charCodeAt(d);
        depth[node] = d + 1;
        path.push(node);
      }
      terminal[path[pattern.length]!] = index;
      previous = pattern;
    }

    // Children grouped by parent (CSR). Nodes were created in sorted-pattern order, so each parent's
    // children arrive in ascending char order and a stable counting sort keeps them sorted.
    const childStart = new Int32Array(nodeCount + 1);
    for (let n = 1; n < nodeCount; n++) childStart[edgeParent[n]! + 1]!++;
    for (let n = 0; n < nodeCount; n++) childStart[n + 1]! += childStart[n]!;
    const cursor = childStart.slice(0, nodeCount);
    const childChar = new Uint16Array(Math.max(0, nodeCount - 1));
    const childNode = new Int32Array(Math.max(0, nodeCount - 1));
    for (let n = 1; n < nodeCount; n++) {
      const slot = cursor[edgeParent[n]!]!++;
      childChar[slot] = edgeChar[n]!;
      childNode[slot] = n;
    }

    const rootNext = new Int32Array(65536);
    for (let k = childStart[0]!; k < childStart[1]!; k++) rootNext[childChar[k]!] = childNode[k]!;

    const fail = new Int32Array(nodeCount);
    const outLink = new Int32Array(nodeCount);
    const automaton = new AhoCorasick({
      patternCount: patterns.length,
      nodeCount,
      rootNext,
      childStart,
      childChar,
      childNode,
      fail,
      terminal: terminal.subarray(0, nodeCount),
      outLink,
      depth: depth.subarray(0, nodeCount),
    });

    // Breadth-first: a node's failure target is shallower, so it is final before the node is reached.
    const queue = new Int32Array(nodeCount);
    let head = 0;
    let tail = 0;
    for (let k = childStart[0]!; k < childStart[1]!; k++) queue[tail++] = childNode[k]!; // fail = root
    while (head < tail) {
      const node = queue[head++]!;
      for (let k = childStart[node]!; k < childStart[node + 1]!; k++) {
        const child = childNode[k]!;
        const code = childChar[k]!;
        let f = fail[node]!;
        let target = automaton.step(f, code);
        while (target < 0) {
          f = fail[f]!;
          target = automaton.step(f, code);
        }
        fail[child] = target;
        outLink[child] = terminal[target]! >= 0 ? target : outLink[target]!;
        queue[tail++] = child;
      }
    }
    return automaton;
  }

  /** Transition without failure: child of `node` on `code`; for the root, the root itself if none. -1 otherwise. */
  private step(node: number, code: number): number {
    if (node === 0) return this.rootNext[code]!;
    let lo = this.childStart[node]!;
    let hi = this.childStart[node + 1]! - 1;
    const chars = this.childChar;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = chars[mid]!;
      if (c === code) return this.childNode[mid]!;
      if (c < code) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Calls `onMatch(patternIndex, start, end)` for every occurrence, overlapping ones included. */
  forEachMatch(text: string, onMatch: OnMatch): void {
    const { fail, terminal, outLink, depth } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let next = this.step(state, code);
      while (next < 0) {
        state = fail[state]!;
        next = this.step(state, code);
      }
      state = next;
      if (state === 0) continue;
      let t = terminal[state]! >= 0 ? state : outLink[state]!;
      while (t > 0) {
        onMatch(terminal[t]!, i + 1 - depth[t]!, i + 1);
        t = outLink[t]!;
      }
    }
  }

  /** Approximate memory held by the automaton, for benchmarks and `sealgate doctor`. */
  get byteSize(): number {
    return (
      this.rootNext.byteLength +
      this.childStart.byteLength +
      this.childChar.byteLength +
      this.childNode.byteLength +
      this.fail.byteLength +
      this.terminal.byteLength +
      this.outLink.byteLength +
      this.depth.byteLength
    );
  }
}
