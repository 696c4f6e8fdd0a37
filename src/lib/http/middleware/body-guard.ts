/** Guards a JSON body before it is read: present and not too large. */
import type middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from "aws-lambda";
import { ServiceError } from "../../keypairs/errors.js";

type Request = middy.Request<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context>;
type Middleware = middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context>;

/** The 413 a body larger than `maxBytes` gets (the spec's example is made by this too). */
export const payloadTooLarge = (size: number, maxBytes: number): ServiceError =>
  new ServiceError("payload-too-large", `The body is ${size} bytes; at most ${maxBytes} are accepted.`);

/** Requires a body of at most `maxBytes` before it is read. */
export function bodyGuard(maxBytes: number): Middleware {
  return {
    before: (request: Request) => {
      const { body, isBase64Encoded } = request.event;
      // API Gateway sends no body as undefined, serverless-offline as null.
      if (body === undefined || body === null || body === "") {
        throw new ServiceError("validation", "A JSON request body is required.", { errors: [{ field: "body", message: "required" }] });
      }
      const size = isBase64Encoded ? Math.floor((body.length * 3) / 4) : Buffer.byteLength(body);
      if (size > maxBytes) throw payloadTooLarge(size, maxBytes);
    },
  };
}
