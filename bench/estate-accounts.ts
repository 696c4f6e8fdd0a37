/** The simulated estate's accounts, shared by bench/estate.ts and its fake (bench/estate-fake.ts). */
export const OWN = "100000000000";
export const accountId = (index: number) => String(100000000001 + index);
/** Two accounts whose member role refuses the service (their scopes: `denied`). */
export const DENIED = new Set([accountId(3), accountId(7)]);
/** The leaked key searched for: the first key of every 50th account (by hash) has it. */
export const LEAKED = "Xk3r8yS0Wq2mYqk0sSL8cB5S0TtX4p9JZ3c3vJcQ0M4=";
export const hash = (text: string) => [...text].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) >>> 0, 7);
