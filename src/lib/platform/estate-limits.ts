/**
 * How many (account, region) scopes an estate listing lists at once, at most (ESTATE_CONCURRENCY's
 * bound). A page's cursor names at most about that many open scopes (those still running at the
 * deadline, or finished after the page was full): EstateCursor accepts twice as many.
 */
export const MAX_ESTATE_CONCURRENCY = 64;
