/**
 * Parses a JSON body as the API defines it: Content-Type application/json (or a +json type), in
 * UTF-8 (no charset, or charset=utf-8), one JSON value nested at most MAX_JSON_DEPTH levels, with
 * no repeated member name and no __proto__ member. Anything else is refused before a schema sees
 * it: 415 for the media type or charset, 400 malformed-json for text that is not JSON (or not
 * UTF-8), 400 validation for the rest, naming the field (a __proto__ member is an unknown field).
 */
import type middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from "aws-lambda";
import { invalidFields, ServiceError } from "../../keypairs/errors.js";
import { findJsonFault, type JsonFault, MAX_JSON_DEPTH } from "../strict-json.js";

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

const TOO_DEEP = `nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep; at most ${MAX_JSON_DEPTH} are accepted`;
const DUPLICATE = "is given more than once; send each member once";

/** The 400 a fault of the body's text gets, naming the field. */
function refused(fault: JsonFault): ServiceError {
  const field = (path: string) => (path === "" ? "body" : `body.${path}`);
  if (fault.kind === "too-deep") return invalidFields([{ field: "body", message: TOO_DEEP }]);
  if (fault.kind === "duplicate") return invalidFields([{ field: field(fault.path), message: DUPLICATE }]);
  return invalidFields([{ field: field(fault.path), message: "unknown field(s): __proto__" }]);
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
      // Depth first: nothing, JSON.parse included, reads a body nested deeper than the limit.
      const fault = findJsonFault(text);
      if (fault?.kind === "too-deep") throw refused(fault);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw malformed();
      }
      if (fault) throw refused(fault);
      (event as { body: unknown }).body = value;
    },
  };
}
