/**
 * Parses a JSON body as the API defines it: Content-Type application/json (or a +json type), in
 * UTF-8 (no charset, or charset=utf-8), one JSON value with no __proto__ member. Anything else is
 * refused before a schema sees it: 415 for the media type or charset, 400 malformed-json for text
 * that is not JSON (or not UTF-8), 400 validation for a __proto__ member (an unknown field).
 */
import type middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from "aws-lambda";
import { invalidFields, ServiceError } from "../../keypairs/errors.js";

type Request = middy.Request<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context>;
type Middleware = middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context>;

const JSON_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json$/;
/** A part of the caller's header named in an answer only when it looks like a token (never echo arbitrary text). */
const shown = (value: string) => (/^[A-Za-z0-9._+/-]{1,64}$/.test(value) ? value : "that value");

/** Refuses (415) a Content-Type that is not JSON in UTF-8. */
export function refuseMediaType(contentType: string | undefined): void {
  if (contentType === undefined || contentType.trim() === "")
    throw new ServiceError("unsupported-media-type", "The body has no Content-Type: send it as application/json.");
  const [type = "", ...parameters] = contentType.split(";").map((part) => part.trim());
  if (!JSON_TYPE.test(type.toLowerCase()))
    throw new ServiceError("unsupported-media-type", `Content-Type ${shown(type)} is not accepted: send the body as application/json.`);
  for (const parameter of parameters) {
    const equals = parameter.indexOf("=");
    if (parameter.slice(0, equals).trim().toLowerCase() !== "charset") continue;
    const charset = parameter
      .slice(equals + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1");
    if (!/^utf-?8$/i.test(charset))
      throw new ServiceError(
        "unsupported-media-type",
        `charset ${shown(charset)} is not accepted: send the body in UTF-8 (application/json, or application/json; charset=utf-8).`,
      );
  }
}

const malformed = (why = "The body is not valid JSON.") => new ServiceError("malformed-json", why);

/** The JSON path of the first __proto__ member of `value`'s objects (JSON.parse makes it an own property), or undefined. */
export function findProtoMember(value: unknown, path: string[] = []): string[] | undefined {
  if (value === null || typeof value !== "object") return undefined;
  if (!Array.isArray(value) && Object.hasOwn(value, "__proto__")) return path;
  for (const [key, member] of Object.entries(value)) {
    const found = findProtoMember(member, [...path, Array.isArray(value) ? "[]" : key]);
    if (found) return found;
  }
  return undefined;
}

export function jsonBody(): Middleware {
  return {
    before: (request: Request) => {
      const { event } = request;
      refuseMediaType(event.headers?.["content-type"]);
      let text: string;
      try {
        const bytes = event.isBase64Encoded ? Buffer.from(event.body ?? "", "base64") : undefined;
        text = bytes ? new TextDecoder("utf-8", { fatal: true }).decode(bytes) : (event.body ?? "");
      } catch {
        throw malformed("The body is not valid UTF-8.");
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw malformed();
      }
      const proto = findProtoMember(value);
      if (proto) throw invalidFields([{ field: ["body", ...proto].join("."), message: "unknown field(s): __proto__" }]);
      (event as { body: unknown }).body = value;
    },
  };
}
