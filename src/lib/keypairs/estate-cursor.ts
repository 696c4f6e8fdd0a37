/**
 * An estate listing's cursor: what a page left unfinished, as base64url JSON. Not signed (the service
 * holds no secret to sign with), so it is read as hostile input: strictly parsed (api/schemas.ts
 * EstateCursor), and every scope it names must be one of the resumed listing's own scopes (accounts
 * requested and allowed now, regions listed now), else the cursor is refused. A cursor can therefore
 * never reach an account the request itself could not.
 */
import { EstateCursor } from "../api/list-query.js";
import { invalidFields } from "./errors.js";

/** One (account, region) of an estate listing; `after`: the last name already served of it. */
export interface Scope {
  account: string;
  region: string;
  after?: string;
}

export interface EstateResume {
  /** Scopes a page started or cut, to list first (from `after`). */
  open: Scope[];
  /** The first scope of the listing's order no page started; none when every scope was started. */
  next?: Scope;
}

const refused = (message: string) => invalidFields([{ field: "query.estateCursor", message }]);

export function encodeEstateCursor({ open, next }: EstateResume): string {
  const content = {
    v: 1,
    open: open.map(({ account, region, after }) => (after === undefined ? [account, region] : [account, region, after])),
    ...(next ? { next: [next.account, next.region] } : {}),
  };
  return Buffer.from(JSON.stringify(content)).toString("base64url");
}

/** The resume point a cursor names, each of its scopes one of `scopes` (the listing's own: key `account/region`). */
export function decodeEstateCursor(cursor: string, isScope: (account: string, region: string) => boolean): EstateResume {
  let content: unknown;
  try {
    content = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw refused("must be the nextCursor of an estate listing");
  }
  const parsed = EstateCursor.safeParse(content);
  if (!parsed.success) throw refused("must be the nextCursor of an estate listing");
  const { open, next } = parsed.data;
  const scopes = [...open, ...(next ? [next] : [])];
  if (scopes.some(([account, region]) => !isScope(account, region)))
    throw refused("names an account or region outside this listing (same accounts, regions and allowed set as the first page)");
  return {
    open: open.map(([account, region, after]) => ({ account, region, ...(after === undefined ? {} : { after }) })),
    ...(next ? { next: { account: next[0], region: next[1] } } : {}),
  };
}
