/** Threshold-free and thresholded binary metrics shared by training, the model card and the benchmark. */

/** ROC-AUC by the rank statistic (ties count half). NaN when one class is missing. */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j += 1;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) {
      if (labels[order[k]!] === 1) {
        positives += 1;
        rankSum += avgRank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface ThresholdMetrics {
  precision: number;
  recall: number;
  f1: number;
  fpr: number;
  positives: number;
  negatives: number;
}

export function atThreshold(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number): ThresholdMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < scores.length; i += 1) {
    const predicted = scores[i]! >= threshold;
    if (labels[i] === 1) predicted ? (tp += 1) : (fn += 1);
    else predicted ? (fp += 1) : (tn += 1);
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? Number.NaN : tp / (tp + fn);
  const f1 = precision + recall === 0 || Number.isNaN(recall) ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, fpr: fp + tn === 0 ? Number.NaN : fp / (fp + tn), positives: tp + fn, negatives: fp + tn };
}

/**
 * Threshold maximising F1 (ties → the higher threshold, fewer false positives), optionally only among
 * thresholds whose false-positive rate stays at or below `maxFpr`.
 */
export function bestF1Threshold(scores: ArrayLike<number>, labels: ArrayLike<number>, maxFpr = 1): number {
  const pairs = Array.from({ length: scores.length }, (_, i) => [scores[i]!, labels[i]!] as const).sort((a, b) => b[0] - a[0]);
  const totalPos = pairs.reduce((s, p) => s + (p[1] === 1 ? 1 : 0), 0);
  const totalNeg = pairs.length - totalPos;
  let tp = 0;
  let fp = 0;
  let best = 0;
  let bestThreshold = pairs.length > 0 ? Math.min(1, pairs[0]![0] + 1e-6) : 0.5;
  for (let i = 0; i < pairs.length; i += 1) {
    if (pairs[i]![1] === 1) tp += 1;
    else fp += 1;
    if (i + 1 < pairs.length && pairs[i + 1]![0] === pairs[i]![0]) continue;
    if (totalNeg > 0 && fp / totalNeg > maxFpr) break;
    const f1 = (2 * tp) / (tp + fp + totalPos);
    if (f1 > best) {
      best = f1;
      bestThreshold = pairs[i]![0];
    }
  }
  return bestThreshold;
}

/** Recall at the threshold that keeps the false-positive rate on the negatives at or below `maxFpr`. */
export function recallAtFpr(scores: ArrayLike<number>, labels: ArrayLike<number>, maxFpr: number): number {
  const negScores: number[] = [];
  const posScores: number[] = [];
  for (let i = 0; i < scores.length; i += 1) (labels[i] === 1 ? posScores : negScores).push(scores[i]!);
  if (negScores.length === 0 || posScores.length === 0) return Number.NaN;
  negScores.sort((a, b) => b - a);
  const allowed = Math.floor(maxFpr * negScores.length);
  // Threshold strictly above the (allowed+1)-th highest negative score.
  const cut = negScores[allowed] ?? -Infinity;
  return posScores.filter((s) => s > cut).length / posScores.length;
}

export const round = (x: number, digits = 4): number => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);
