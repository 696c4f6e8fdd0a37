export default async function globalTeardown(): Promise<void> {
  await globalThis.__PRISM__?.stop();
  await globalThis.__LOCAL_STACK__?.stop();
}
