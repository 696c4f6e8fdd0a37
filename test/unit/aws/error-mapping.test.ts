import { CreateKeyPairCommand, EC2Client } from "@aws-sdk/client-ec2";
import { mockClient } from "aws-sdk-client-mock";
import { handler as createHandler } from "../../../src/handlers/create-key-pair.js";
import { translateEc2Error } from "../../../src/lib/aws/ec2-errors.js";
import { DryRunSucceeded, ServiceError } from "../../../src/lib/keypairs/errors.js";
import { invoke } from "../../support/lambda.js";

const ec2 = mockClient(EC2Client);
beforeEach(() => ec2.reset());

function ec2Error(code: string, fault: "client" | "server" = "client", httpStatusCode = 400): Error {
  return Object.assign(new Error(`EC2 says ${code}`), { name: code, Code: code, $fault: fault, $metadata: { httpStatusCode } });
}

const create = () => invoke(createHandler, { method: "POST", path: "/keypairs", body: { name: "k1" } });

// Every row of the EC2 error table, through a real handler: EC2 code -> HTTP status and problem type.
const rows: Array<[code: string, status: number, kind: string, fault?: "client" | "server", httpStatus?: number]> = [
  ["InvalidKeyPair.Duplicate", 409, "conflict"],
  ["InvalidKeyPair.NotFound", 404, "not-found"],
  ["InvalidKey.Format", 400, "validation"],
  ["InvalidKeyPair.Format", 400, "validation"],
  ["InvalidParameterValue", 400, "validation"],
  ["InvalidParameter", 400, "validation"],
  ["InvalidParameterCombination", 400, "validation"],
  ["MissingParameter", 400, "validation"],
  ["KeyPairLimitExceeded", 422, "quota-exceeded"],
  ["ResourceLimitExceeded", 422, "quota-exceeded"],
  ["RequestLimitExceeded", 429, "throttled", "client", 503],
  ["Throttling", 429, "throttled", "client", 400],
  ["ThrottlingException", 429, "throttled", "client", 400],
  ["OptInRequired", 400, "validation", "client", 401],
  ["AuthFailure", 502, "upstream-error", "client", 401],
  ["UnauthorizedOperation", 502, "upstream-error", "client", 403],
  ["InternalError", 502, "upstream-error", "server", 500],
  ["InternalFailure", 502, "upstream-error", "server", 500],
  ["Unavailable", 502, "upstream-error", "server", 503],
  ["ServiceUnavailable", 502, "upstream-error", "server", 503],
  ["SomethingNewFromEc2", 502, "upstream-error", "server", 500],
  ["TimeoutError", 504, "upstream-timeout"],
  ["AbortError", 504, "upstream-timeout"],
  ["RequestTimeout", 504, "upstream-timeout"],
];

describe("EC2 error mapping", () => {
  test.each(rows)("%s -> %i %s", async (code, status, kind, fault = "client", httpStatus = 400) => {
    ec2.on(CreateKeyPairCommand).rejects(ec2Error(code, fault, httpStatus));
    const answer = await create();
    expect(answer.status).toBe(status);
    expect(answer.headers["content-type"]).toBe("application/problem+json");
    expect(answer.body.type).toMatch(new RegExp(`/problems/${kind}$`));
    expect(answer.body.status).toBe(status);
    expect(JSON.stringify(answer.body)).not.toMatch(/at .*\.(ts|js|mjs):\d+/); // no stack frames
  });

  test("throttling answers Retry-After", async () => {
    ec2.on(CreateKeyPairCommand).rejects(ec2Error("RequestLimitExceeded", "client", 503));
    const answer = await create();
    expect(answer.headers["retry-after"]).toBe("3");
    expect(answer.body.ec2Code).toBe("RequestLimitExceeded");
  });

  test("a successful dry run answers 200 with a would-succeed body", async () => {
    ec2.on(CreateKeyPairCommand).rejects(ec2Error("DryRunOperation", "client", 412));
    const answer = await invoke(createHandler, { method: "POST", path: "/keypairs", body: { name: "k1", dryRun: true } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ dryRun: true, wouldSucceed: true, operation: "CreateKeyPair", detail: "CreateKeyPair would succeed" });
    expect(ec2.commandCalls(CreateKeyPairCommand)[0]!.args[0].input.DryRun).toBe(true);
  });

  test("a dry run without permission is a 403, not a 502", async () => {
    ec2.on(CreateKeyPairCommand).rejects(ec2Error("UnauthorizedOperation", "client", 403));
    const answer = await invoke(createHandler, { method: "POST", path: "/keypairs", body: { name: "k1", dryRun: true } });
    expect(answer.status).toBe(403);
    expect(answer.body.ec2Code).toBe("UnauthorizedOperation");
  });

  test("network failures are 502, unknown local errors a bare 500", async () => {
    ec2.on(CreateKeyPairCommand).rejects(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }));
    expect((await create()).status).toBe(502);

    ec2.on(CreateKeyPairCommand).rejects(new TypeError("Cannot read properties of undefined (reading 'secretThing')"));
    const answer = await create();
    expect(answer.status).toBe(500);
    expect(answer.body.detail).not.toContain("secretThing");
    expect(answer.body.type).toMatch(/\/problems\/internal$/);
  });

  test("translateEc2Error keeps ServiceErrors and recognises DryRunOperation", () => {
    const serviceError = new ServiceError("conflict", "x");
    expect(translateEc2Error(serviceError, "CreateKeyPair")).toBe(serviceError);
    expect(translateEc2Error(ec2Error("DryRunOperation"), "DeleteKeyPair")).toBeInstanceOf(DryRunSucceeded);
  });
});
