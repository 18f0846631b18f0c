// Figures from timed batches (one per round): req/s, the median of the rounds'
// figures (so that one round hit by the machine's noise does not move it), and
// latency quantiles over every call.

/** The `q` quantile (0..1) of sorted `values`. */
export const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.round((sorted.length - 1) * q))];

/** `{ calls, rps, p50_ms, p99_ms }` of batches `{ latencies, seconds }`. */
export function summary(batches) {
  const latencies = batches.flatMap((b) => b.latencies).sort((a, b) => a - b);
  const rates = batches.map((b) => b.latencies.length / b.seconds).sort((a, b) => a - b);
  return { calls: latencies.length, rps: quantile(rates, 0.5), p50_ms: quantile(latencies, 0.5), p99_ms: quantile(latencies, 0.99) };
}

/** Runs `calls` calls of `op` (given the call's index) with `concurrency`
 * workers: `{ latencies (ms), seconds }`, one batch for `summary`. */
export async function batch(op, calls, concurrency) {
  let next = 0;
  const latencies = [];
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < calls; i = next++) {
      const t = performance.now();
      await op(i);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, seconds: (performance.now() - started) / 1000 };
}
