/** Guards a JSON body before it is parsed: present, not too large, no repeated member names. */
import type middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from "aws-lambda";
import { invalidFields, ServiceError } from "../../keypairs/errors.js";
import { findDuplicateMember } from "../strict-json.js";

type Request = middy.Request<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context>;
type Middleware = middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context>;

/** The 413 a body larger than `maxBytes` gets (the spec's example is made by this too). */
export const payloadTooLarge = (size: number, maxBytes: number): ServiceError =>
  new ServiceError("payload-too-large", `The body is ${size} bytes; at most ${maxBytes} are accepted.`);

/** Requires a body, of at most `maxBytes` and without repeated member names, before it is parsed. */
export function bodyGuard(maxBytes: number): Middleware {
  return {
    before: (request: Request) => {
      const { isBase64Encoded } = request.event;
      // API Gateway sends no body as undefined, serverless-offline as null.
      if (request.event.body === undefined || request.event.body === null || request.event.body === "") {
        throw new ServiceError("validation", "A JSON request body is required.", { errors: [{ field: "body", message: "required" }] });
      }
      // API Gateway always sends a string; serverless-offline hands over JSON scalars it parsed itself.
      const body = typeof request.event.body === "string" ? request.event.body : JSON.stringify(request.event.body);
      request.event.body = body;
      const size = isBase64Encoded ? Math.floor((body.length * 3) / 4) : Buffer.byteLength(body);
      if (size > maxBytes) throw payloadTooLarge(size, maxBytes);
      const duplicate = findDuplicateMember(isBase64Encoded ? Buffer.from(body, "base64").toString("utf8") : body);
      if (duplicate !== undefined) {
        const message = "is given more than once; send each member once";
        throw invalidFields([{ field: `body.${duplicate}`, message }]);
      }
    },
  };
}
