// Figures from timed batches: req/s over the summed wall time, and latency quantiles.

/** The `q` quantile (0..1) of sorted `values`. */
export const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.round((sorted.length - 1) * q))];

/** `{ calls, rps, p50_ms, p99_ms }` of batches `{ latencies, seconds }`. */
export function summary(batches) {
  const latencies = batches.flatMap((b) => b.latencies).sort((a, b) => a - b);
  const seconds = batches.reduce((s, b) => s + b.seconds, 0);
  return { calls: latencies.length, rps: latencies.length / seconds, p50_ms: quantile(latencies, 0.5), p99_ms: quantile(latencies, 0.99) };
}
