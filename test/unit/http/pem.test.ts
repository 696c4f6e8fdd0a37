/** POST /keypairs with Accept: application/x-pem-file answers the private key itself (curl -o key.pem). */
import { CreateKeyPairCommand, EC2Client } from "@aws-sdk/client-ec2";
import { mockClient } from "aws-sdk-client-mock";
import { handler as createHandler } from "../../../src/handlers/create-key-pair.js";
import { acceptQuality } from "../../../src/lib/http/negotiation.js";
import { invoke } from "../../support/lambda.js";

const ec2 = mockClient(EC2Client);
beforeEach(() => ec2.reset());

const PRIVATE_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n";
const created = () =>
  ec2.on(CreateKeyPairCommand).resolves({
    KeyPairId: "key-0123456789abcdef0",
    KeyName: "k1",
    KeyFingerprint: "fp",
    KeyMaterial: PRIVATE_KEY,
    Tags: [{ Key: "managed-by", Value: "ec2-keypairs-api" }],
  });
const create = (accept: string | undefined, body: object = { name: "k1", keyType: "ed25519" }) =>
  invoke(createHandler, {
    method: "POST",
    path: "/keypairs",
    body,
    headers: { "content-type": "application/json", ...(accept === undefined ? {} : { accept }) },
  });

describe("POST /keypairs, Accept: application/x-pem-file", () => {
  test.each(["application/x-pem-file", "application/x-pem-file, application/json;q=0.5", "Application/X-PEM-File;q=1, */*;q=0.1"])(
    "%s: 201, the key alone, no-store",
    async (accept) => {
      created();
      const answer = await create(accept);
      expect(answer.status).toBe(201);
      expect(answer.headers["content-type"]).toBe("application/x-pem-file");
      expect(answer.headers["cache-control"]).toBe("no-store");
      expect(answer.body).toBe(PRIVATE_KEY);
    },
  );

  test.each([undefined, "*/*", "application/json", "application/json, application/x-pem-file;q=0.5", "application/x-pem-file;q=0"])(
    "%s: 201 JSON as before",
    async (accept) => {
      created();
      const answer = await create(accept);
      expect(answer.status).toBe(201);
      expect(answer.headers["content-type"]).toBe("application/json");
      expect(answer.body).toMatchObject({ keyPairId: "key-0123456789abcdef0", keyMaterial: PRIVATE_KEY });
    },
  );

  test("a dry run stays JSON", async () => {
    ec2
      .on(CreateKeyPairCommand)
      .rejects(
        Object.assign(new Error("would succeed"), { name: "DryRunOperation", $fault: "client", $metadata: { httpStatusCode: 412 } }),
      );
    const answer = await create("application/x-pem-file", { name: "k1", dryRun: true });
    expect([answer.status, answer.headers["content-type"], answer.body.wouldSucceed]).toEqual([200, "application/json", true]);
  });

  test("errors stay problem+json", async () => {
    ec2
      .on(CreateKeyPairCommand)
      .rejects(Object.assign(new Error("dup"), { name: "InvalidKeyPair.Duplicate", $fault: "client", $metadata: { httpStatusCode: 400 } }));
    const answer = await create("application/x-pem-file");
    expect([answer.status, answer.headers["content-type"], answer.body.title]).toEqual([
      409,
      "application/problem+json",
      "Key pair already exists",
    ]);
    const invalid = await create("application/x-pem-file", { name: " k" });
    expect([invalid.status, invalid.headers["content-type"]]).toEqual([400, "application/problem+json"]);
  });

  test("keyFormat ppk is not a PEM file: 406 before any key is made", async () => {
    created();
    const answer = await create("application/x-pem-file", { name: "k1", keyFormat: "ppk" });
    expect([answer.status, answer.headers["content-type"], answer.body.type]).toEqual([
      406,
      "application/problem+json",
      "/problems/not-acceptable",
    ]);
    expect(ec2.calls()).toHaveLength(0);
  });
});

describe("acceptQuality", () => {
  test.each([
    [undefined, "application/json", 1],
    ["text/html", "application/json", 0],
    ["application/*;q=0.3", "application/json", 0.3],
    ["*/*;q=0.2, application/json;q=0.7", "application/json", 0.7],
    ["application/json;q=oops", "application/json", 0],
  ])("%s for %s: %d", (accept, type, quality) => {
    expect(acceptQuality(accept, type)).toBe(quality);
  });
});
