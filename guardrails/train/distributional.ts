/**
 * Unsupervised distributional features (issue 4 experiment): token vectors learned WITHOUT labels from text by
 * PPMI co-occurrence + randomised truncated SVD, pooled per text (mean of unit vectors, L2-normalised) and appended
 * to the hashed n-gram features as dense dimensions. Tokens: English (Latin) words, Chinese character bigrams
 * (a lone CJK character is its own token). Deterministic: the random projection is seeded.
 */
import { createRng } from '../../datasets/classifiers/rng.js';

/** Tokens of already-normalised text. */
export function distTokens(s: string): string[] {
  const out: string[] = [];
  let word = '';
  let prevCjk = '';
  let cjkRun = 0;
  const flushWord = (): void => {
    if (word.length > 0) out.push(word);
    word = '';
  };
  const endCjk = (): void => {
    if (cjkRun === 1) out.push(prevCjk);
    cjkRun = 0;
    prevCjk = '';
  };
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const isCjk = (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
    const isWord = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x27 || (c >= 0xc0 && c < 0x2000);
    if (isWord) {
      endCjk();
      word += ch;
      continue;
    }
    flushWord();
    if (isCjk) {
      if (cjkRun >= 1) out.push(prevCjk + ch);
      prevCjk = ch;
      cjkRun += 1;
    } else endCjk();
  }
  flushWord();
  endCjk();
  return out;
}

/** Global interning of tokens: every text's tokens as ids once, vocabularies per fold select from them. */
export class TokenTable {
  readonly ids = new Map<string, number>();
  readonly strings: string[] = [];
  intern(tokens: readonly string[]): Int32Array {
    const out = new Int32Array(tokens.length);
    tokens.forEach((t, i) => {
      let id = this.ids.get(t);
      if (id === undefined) {
        id = this.strings.length;
        this.ids.set(t, id);
        this.strings.push(t);
      }
      out[i] = id;
    });
    return out;
  }
}

export interface DistConfig {
  dims: number;
  vocab: number;
  window: number;
  minCount: number;
  seed: number;
  /** Exponent of the singular values in the vectors (0.5: symmetric). */
  eigPower: number;
  powerIterations: number;
  /** SIF constant a (0: plain mean). */
  sif: number;
}

export const DEFAULT_DIST_CONFIG: DistConfig = { dims: 48, vocab: 20000, window: 4, minCount: 3, seed: 20261129, eigPower: 0.5, powerIterations: 2, sif: 0 };

export interface Embedding {
  /** Global token id → row, -1 when out of vocabulary. */
  readonly rowOf: Int32Array;
  /** rows × dims, each row unit length. */
  readonly vectors: Float32Array;
  readonly dims: number;
  readonly vocabIds: Int32Array;
  /** Smooth inverse frequency a / (a + p(token)) per row (Arora et al. 2017): frequent tokens count less in the mean. */
  readonly weight: Float32Array;
}

/** Open-addressing (key → count) table for co-occurrence pairs (key = a * V + b < 2^31). */
class PairCounts {
  keys: Int32Array;
  vals: Float32Array;
  size = 0;
  constructor(cap = 1 << 20) {
    this.keys = new Int32Array(cap).fill(-1);
    this.vals = new Float32Array(cap);
  }
  add(key: number, v: number): void {
    if (this.size * 2 >= this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    for (;;) {
      const k = this.keys[slot]!;
      if (k === key) {
        this.vals[slot] = this.vals[slot]! + v;
        return;
      }
      if (k === -1) {
        this.keys[slot] = key;
        this.vals[slot] = v;
        this.size += 1;
        return;
      }
      slot = (slot + 1) & mask;
    }
  }
  private grow(): void {
    const { keys, vals } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.vals = new Float32Array(keys.length * 2);
    this.size = 0;
    for (let i = 0; i < keys.length; i += 1) if (keys[i] !== -1) this.add(keys[i]!, vals[i]!);
  }
}

/** Learns token vectors from the given token-id sequences (labels are never seen). */
export function learnEmbedding(texts: readonly Int32Array[], tableSize: number, config: DistConfig = DEFAULT_DIST_CONFIG): Embedding {
  const freq = new Float64Array(tableSize);
  for (const t of texts) for (let i = 0; i < t.length; i += 1) freq[t[i]!] = freq[t[i]!]! + 1;
  const candidates: number[] = [];
  for (let g = 0; g < tableSize; g += 1) if (freq[g]! >= config.minCount) candidates.push(g);
  candidates.sort((a, b) => freq[b]! - freq[a]! || a - b);
  const vocabIds = Int32Array.from(candidates.slice(0, config.vocab));
  const V = vocabIds.length;
  const rowOf = new Int32Array(tableSize).fill(-1);
  vocabIds.forEach((g, r) => (rowOf[g] = r));

  const pairs = new PairCounts();
  const W = config.window;
  for (const t of texts) {
    const local = new Int32Array(t.length);
    for (let i = 0; i < t.length; i += 1) local[i] = rowOf[t[i]!]!;
    for (let i = 0; i < local.length; i += 1) {
      const a = local[i]!;
      if (a < 0) continue;
      for (let j = i + 1; j <= i + W && j < local.length; j += 1) {
        const b = local[j]!;
        if (b < 0) continue;
        const w = 1 / (j - i);
        pairs.add(a * V + b, w);
        pairs.add(b * V + a, w);
      }
    }
  }
  // CSR of the PPMI matrix (rows = tokens, columns = contexts; symmetric counts).
  const rowSum = new Float64Array(V);
  for (let s = 0; s < pairs.keys.length; s += 1) {
    const k = pairs.keys[s]!;
    if (k === -1) continue;
    rowSum[Math.floor(k / V)] += pairs.vals[s]!;
  }
  const ctxPow = Float64Array.from(rowSum, (c) => Math.pow(c, 0.75));
  const ctxTotal = ctxPow.reduce((a, b) => a + b, 0);
  const entries: number[] = [];
  for (let s = 0; s < pairs.keys.length; s += 1) if (pairs.keys[s] !== -1) entries.push(s);
  entries.sort((x, y) => pairs.keys[x]! - pairs.keys[y]!);
  const rowPtr = new Int32Array(V + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  for (const s of entries) {
    const k = pairs.keys[s]!;
    const a = Math.floor(k / V);
    const b = k - a * V;
    const pmi = Math.log((pairs.vals[s]! * ctxTotal) / (rowSum[a]! * ctxPow[b]!));
    // P(w,c) / (P(w) Pα(c)) = (n_wc / N) / ((n_w / N)(n_c^α / Σ n^α)) = n_wc Σn^α / (n_w n_c^α)
    if (pmi <= 0) continue;
    cols.push(b);
    vals.push(pmi);
    rowPtr[a + 1] += 1;
  }
  for (let a = 0; a < V; a += 1) rowPtr[a + 1] += rowPtr[a]!;
  const colIdx = Int32Array.from(cols);
  const val = Float64Array.from(vals);

  const k = config.dims + 8;
  // M X (V×k), or Mᵀ X when `transposed`: dense row-major V×k; the CSR walk is the same, only the roles of row
  // and column offsets swap.
  const multiply = (X: Float64Array, transposed: boolean): Float64Array => {
    const Y = new Float64Array(V * k);
    for (let r = 0; r < V; r += 1) {
      for (let p = rowPtr[r]!; p < rowPtr[r + 1]!; p += 1) {
        const v = val[p]!;
        const yo = (transposed ? colIdx[p]! : r) * k;
        const xo = (transposed ? r : colIdx[p]!) * k;
        for (let c = 0; c < k; c += 1) Y[yo + c] += v * X[xo + c]!;
      }
    }
    return Y;
  };
  const mul = (X: Float64Array): Float64Array => multiply(X, false);
  const mulT = (X: Float64Array): Float64Array => multiply(X, true);
  const rng = createRng(config.seed);
  const omega = new Float64Array(V * k);
  for (let i = 0; i < omega.length; i += 1) omega[i] = rng() < 0.5 ? -1 : 1;
  let Q = orthonormalize(mul(omega), V, k);
  for (let it = 0; it < config.powerIterations; it += 1) {
    const Z = orthonormalize(mulT(Q), V, k);
    Q = orthonormalize(mul(Z), V, k);
  }
  // B = Qᵀ M; B Bᵀ = Zᵀ Z with Z = Mᵀ Q.
  const Z = mulT(Q);
  const G = new Float64Array(k * k);
  for (let r = 0; r < V; r += 1) {
    const o = r * k;
    for (let a = 0; a < k; a += 1) {
      const za = Z[o + a]!;
      if (za === 0) continue;
      for (let b = a; b < k; b += 1) G[a * k + b] += za * Z[o + b]!;
    }
  }
  for (let a = 0; a < k; a += 1) for (let b = 0; b < a; b += 1) G[a * k + b] = G[b * k + a]!;
  const { values: eig, vectors: E } = jacobiEigen(G, k);
  const order = [...eig.keys()].sort((a, b) => eig[b]! - eig[a]! || a - b);
  const d = config.dims;
  const vectors = new Float32Array(V * d);
  for (let r = 0; r < V; r += 1) {
    let norm = 0;
    for (let c = 0; c < d; c += 1) {
      const e = order[c]!;
      let u = 0;
      for (let a = 0; a < k; a += 1) u += Q[r * k + a]! * E[a * k + e]!;
      const sigma = Math.sqrt(Math.max(0, eig[e]!));
      const v = u * Math.pow(sigma, config.eigPower);
      vectors[r * d + c] = v;
      norm += v * v;
    }
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let c = 0; c < d; c += 1) vectors[r * d + c] = vectors[r * d + c]! * inv;
  }
  let tokensTotal = 0;
  for (let g = 0; g < tableSize; g += 1) tokensTotal += freq[g]!;
  const weight = Float32Array.from(vocabIds, (g) => (config.sif > 0 ? config.sif / (config.sif + freq[g]! / tokensTotal) : 1));
  return { rowOf, vectors, dims: d, vocabIds, weight };
}

/** Modified Gram–Schmidt on the k columns of a row-major V×k matrix. */
function orthonormalize(X: Float64Array, V: number, k: number): Float64Array {
  for (let c = 0; c < k; c += 1) {
    for (let p = 0; p < c; p += 1) {
      let dot = 0;
      for (let r = 0; r < V; r += 1) dot += X[r * k + c]! * X[r * k + p]!;
      for (let r = 0; r < V; r += 1) X[r * k + c] -= dot * X[r * k + p]!;
    }
    let norm = 0;
    for (let r = 0; r < V; r += 1) norm += X[r * k + c]! ** 2;
    const inv = norm > 1e-300 ? 1 / Math.sqrt(norm) : 0;
    for (let r = 0; r < V; r += 1) X[r * k + c] *= inv;
  }
  return X;
}

/** Cyclic Jacobi eigen-decomposition of a symmetric n×n matrix (row-major); vectors in columns. */
function jacobiEigen(Ain: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const A = Float64Array.from(Ain);
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) V[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep += 1) {
    let off = 0;
    for (let p = 0; p < n; p += 1) for (let q = p + 1; q < n; q += 1) off += A[p * n + q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p += 1) {
      for (let q = p + 1; q < n; q += 1) {
        const apq = A[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (A[q * n + q]! - A[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < n; r += 1) {
          const arp = A[r * n + p]!;
          const arq = A[r * n + q]!;
          A[r * n + p] = c * arp - s * arq;
          A[r * n + q] = s * arp + c * arq;
        }
        for (let r = 0; r < n; r += 1) {
          const apr = A[p * n + r]!;
          const aqr = A[q * n + r]!;
          A[p * n + r] = c * apr - s * aqr;
          A[q * n + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < n; r += 1) {
          const vrp = V[r * n + p]!;
          const vrq = V[r * n + q]!;
          V[r * n + p] = c * vrp - s * vrq;
          V[r * n + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i += 1) values[i] = A[i * n + i]!;
  return { values, vectors: V };
}

/** Mean of the in-vocabulary token vectors, L2-normalised and scaled; undefined when no token is known. */
export function pooledVector(tokens: Int32Array, emb: Embedding, alpha: number): Float32Array | undefined {
  const d = emb.dims;
  const sum = new Float64Array(d);
  let n = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const r = emb.rowOf[tokens[i]!] ?? -1;
    if (r < 0) continue;
    n += 1;
    const w = emb.weight[r]!;
    for (let c = 0; c < d; c += 1) sum[c] += w * emb.vectors[r * d + c]!;
  }
  if (n === 0) return undefined;
  let norm = 0;
  for (let c = 0; c < d; c += 1) norm += sum[c]! ** 2;
  if (norm === 0) return undefined;
  const scale = alpha / Math.sqrt(norm);
  return Float32Array.from(sum, (v) => v * scale);
}

/** Spherical k-means on the unit token vectors (seeded init from distinct rows): token → cluster id. */
export function clusterTokens(emb: Embedding, k: number, seed: number, iterations = 12): Int32Array {
  const d = emb.dims;
  const V = emb.vocabIds.length;
  const rng = createRng(seed);
  const centers = new Float64Array(k * d);
  const picked = new Set<number>();
  for (let c = 0; c < k; c += 1) {
    let r = Math.floor(rng() * V);
    while (picked.has(r)) r = (r + 1) % V;
    picked.add(r);
    for (let j = 0; j < d; j += 1) centers[c * d + j] = emb.vectors[r * d + j]!;
  }
  const assign = new Int32Array(V);
  for (let it = 0; it < iterations; it += 1) {
    for (let r = 0; r < V; r += 1) {
      let best = -Infinity;
      let bestC = 0;
      for (let c = 0; c < k; c += 1) {
        let dot = 0;
        for (let j = 0; j < d; j += 1) dot += emb.vectors[r * d + j]! * centers[c * d + j]!;
        if (dot > best) {
          best = dot;
          bestC = c;
        }
      }
      assign[r] = bestC;
    }
    centers.fill(0);
    for (let r = 0; r < V; r += 1) for (let j = 0; j < d; j += 1) centers[assign[r]! * d + j] += emb.vectors[r * d + j]!;
    for (let c = 0; c < k; c += 1) {
      let norm = 0;
      for (let j = 0; j < d; j += 1) norm += centers[c * d + j]! ** 2;
      const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let j = 0; j < d; j += 1) centers[c * d + j] *= inv;
    }
  }
  return assign;
}

/** Cluster-count block of a text: sublinear counts per cluster, L2-normalised, × beta (sparse: clusters present only). */
export function clusterFeatures(tokens: Int32Array, emb: Embedding, assign: Int32Array, beta: number): { ids: number[]; values: number[] } {
  const counts = new Map<number, number>();
  for (let i = 0; i < tokens.length; i += 1) {
    const r = emb.rowOf[tokens[i]!] ?? -1;
    if (r < 0) continue;
    const c = assign[r]!;
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const ids = [...counts.keys()];
  const values = ids.map((c) => 1 + Math.log(counts.get(c)!));
  const norm = Math.sqrt(values.reduce((s, v) => s + v * v, 0));
  return { ids, values: values.map((v) => (norm > 0 ? (beta * v) / norm : 0)) };
}
