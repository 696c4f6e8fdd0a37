/**
 * Binds a rule to its ports and settings: each function's composition root (src/lib/service/)
 * binds its own rules, what its handlers call. A root imports only the rules it binds, so a
 * function's bundle holds no other function's rules, nor the modules those load on first use
 * (decision 0029).
 */
type Bound<F> = F extends (deps: never, ...args: infer A) => infer R ? (...args: A) => R : never;

export const bind = <D, F extends (deps: D, ...args: never[]) => unknown>(deps: D, rule: F): Bound<F> =>
  ((...args: never[]) => rule(deps, ...args)) as Bound<F>;
