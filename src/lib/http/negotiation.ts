/** Content negotiation: what the caller accepts (RFC 9110 12.5). */

/** The media type of a private key alone, for Accept: application/x-pem-file on create. */
export const PEM = "application/x-pem-file";

/**
 * The quality (0-1) an Accept-Encoding header gives a content coding (RFC 9110 12.5.3): its own
 * entry, else `*`; 0 when it names neither, and without the header (such a client gets identity).
 */
export function codingQuality(acceptEncoding: string | undefined, coding: string): number {
  let own: number | undefined;
  let any: number | undefined;
  for (const entry of (acceptEncoding ?? "").split(",")) {
    const [name = "", ...parameters] = entry.split(";").map((part) => part.trim().toLowerCase());
    if (name !== coding && name !== "*") continue;
    const q = parameters.find((parameter) => parameter.startsWith("q="));
    const parsed = q === undefined ? 1 : Number(q.slice(2));
    const quality = Number.isFinite(parsed) ? Math.min(Math.max(parsed, 0), 1) : 0;
    if (name === coding) own = quality;
    else any = quality;
  }
  return own ?? any ?? 0;
}

/**
 * The quality (0-1) an Accept header gives `type` (RFC 9110 12.5.1): its own entry, else its
 * major type's wildcard, else the full wildcard; 1 without an Accept header, 0 when it names neither.
 */
export function acceptQuality(accept: string | undefined, type: string): number {
  if (accept === undefined || accept.trim() === "") return 1;
  const [major] = type.split("/");
  let best: { specificity: number; q: number } | undefined;
  for (const range of accept.split(",")) {
    const [name = "", ...parameters] = range.split(";").map((part) => part.trim().toLowerCase());
    const specificity = name === type ? 3 : name === `${major}/*` ? 2 : name === "*/*" ? 1 : 0;
    if (specificity === 0 || (best && best.specificity >= specificity)) continue;
    const q = parameters.find((parameter) => parameter.startsWith("q="));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    best = { specificity, q: Number.isFinite(quality) ? Math.min(Math.max(quality, 0), 1) : 0 };
  }
  return best?.q ?? 0;
}
