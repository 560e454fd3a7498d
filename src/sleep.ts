// Waiting: `sleep(ms, signal)` resolves after `ms`, or rejects at once when `signal` aborts —
// with `onAbort()`'s error (default: the signal's reason). The client's backoff, the fake's
// delays and the suite's waits for Retry-After all wait with it.

/**
 * One "abort" listener per caller signal, however many calls share it: a request-scoped signal
 * given to 1,000 concurrent calls would otherwise trip MaxListenersExceededWarning.
 */
const watchers = new WeakMap<AbortSignal, Set<() => void>>();

/** Calls `onAbort` when `signal` aborts; returns the function that stops watching. */
export function watchAbort(signal: AbortSignal, onAbort: () => void): () => void {
  let callbacks = watchers.get(signal);
  if (!callbacks) {
    const all = new Set<() => void>();
    callbacks = all;
    watchers.set(signal, all);
    signal.addEventListener(
      "abort",
      () => {
        for (const callback of all) callback();
      },
      { once: true },
    );
  }
  callbacks.add(onAbort);
  return () => callbacks.delete(onAbort);
}

export function sleep(ms: number, signal?: AbortSignal, onAbort: () => unknown = () => signal?.reason): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(onAbort());
    let unwatch: (() => void) | undefined;
    const timer = setTimeout(() => {
      unwatch?.();
      resolve();
    }, ms);
    if (signal)
      unwatch = watchAbort(signal, () => {
        clearTimeout(timer);
        reject(onAbort());
      });
  });
}
