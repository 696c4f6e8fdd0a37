/**
 * A port whose adapter module is loaded by its first call (decision 0029): a function's INIT loads
 * only what its most common request needs, and every other adapter is a dynamic import, which
 * esbuild splits into a chunk of the function's bundle. Node keeps the module once loaded: later
 * calls wait for nothing but a resolved promise.
 */
type Methods<M extends PropertyKey> = { [K in M]: (...args: never[]) => Promise<unknown> };

export function loadedOnFirstCall<M extends PropertyKey, P extends Methods<M>>(load: () => Promise<P>, methods: readonly M[]): Pick<P, M> {
  const port: Partial<Methods<M>> = {};
  for (const method of methods) port[method] = async (...args: never[]) => (await load())[method](...args);
  return port as Pick<P, M>;
}
