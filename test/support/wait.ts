/** Polls `probe` until it returns a truthy value (returned) or the deadline passes (throws with the last value). */
export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000, label = 'condition', intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${label}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

const openGates: Array<() => void> = [];

/**
 * A promise the test resolves itself: a handler held at a point until the test lets it go. Gates still closed when a
 * test file ends are released by {@link openAllGates} (call it in `after`), so no handler stays parked.
 */
export function gate(): { wait: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  openGates.push(open);
  return { wait, open };
}

/** Releases every gate this test file made. */
export function openAllGates(): void {
  for (const open of openGates.splice(0)) open();
}
