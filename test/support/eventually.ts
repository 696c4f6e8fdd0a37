/**
 * Reads until `done` holds, within a bound: EC2's describes lag its changes (under REALISTIC_AWS=1,
 * by up to the layer's window), so a test that just changed a key waits for the change to show
 * before it relies on it, as a caller must. Against moto alone the first read already shows it.
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
