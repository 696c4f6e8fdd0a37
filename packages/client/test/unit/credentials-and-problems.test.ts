/** Credentials with none in the environment (loopback vs elsewhere), and ProblemError keeping every member of each problem kind. */

import { specProblems } from "../../../../test/support/problem-examples.js";
import { credentialsFor, isLoopback, LOCAL_CREDENTIALS, NoCredentialsError, problemFrom } from "../../src/client.js";

const CREDENTIAL_VARIABLES = [
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_PROFILE",
  "AWS_WEB_IDENTITY_TOKEN_FILE",
];

describe("credentials when the standard chain finds none", () => {
  const saved = { ...process.env };
  beforeEach(() => {
    for (const name of CREDENTIAL_VARIABLES) delete process.env[name];
    // No shared files, and no instance metadata service to wait on.
    process.env.AWS_SHARED_CREDENTIALS_FILE = "/nonexistent/credentials";
    process.env.AWS_CONFIG_FILE = "/nonexistent/config";
    process.env.AWS_EC2_METADATA_DISABLED = "true";
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  test.each(["http://localhost:3000", "http://127.0.0.1:3400/", "http://[::1]:3000"])(
    "%s (loopback): the fixed local pair, said once",
    async (endpoint) => {
      const said: string[] = [];
      const provider = credentialsFor({ endpoint, onLocalCredentials: () => said.push("local") }) as () => Promise<unknown>;
      await expect(provider()).resolves.toEqual(LOCAL_CREDENTIALS);
      await expect(provider()).resolves.toEqual(LOCAL_CREDENTIALS);
      expect(said).toEqual(["local"]);
    },
  );

  test("any other endpoint: an error that says how to provide credentials", async () => {
    const provider = credentialsFor({ endpoint: "https://abc.execute-api.eu-west-1.amazonaws.com" }) as () => Promise<unknown>;
    const refused = provider();
    await expect(refused).rejects.toBeInstanceOf(NoCredentialsError);
    await expect(refused).rejects.toThrow(/set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY .*AWS_PROFILE/);
  });

  test("credentials in the environment are used, also for a loopback endpoint", async () => {
    process.env.AWS_ACCESS_KEY_ID = "AKIDCALLER";
    process.env.AWS_SECRET_ACCESS_KEY = "secret";
    const provider = credentialsFor({ endpoint: "http://localhost:3000" }) as () => Promise<{ accessKeyId: string }>;
    expect((await provider()).accessKeyId).toBe("AKIDCALLER");
  });

  test("loopback means localhost, 127.0.0.0/8 and ::1 only", () => {
    expect(["http://localhost", "http://127.1.2.3:1", "http://[::1]"].map(isLoopback)).toEqual([true, true, true]);
    expect(["http://localhost.example.com", "http://10.0.0.1", "https://127.0.0.1.nip.io"].map(isLoopback)).toEqual([false, false, false]);
  });
});

test("ProblemError keeps every member of each problem kind the spec shows (usage included)", () => {
  const { members, examples } = specProblems();
  expect(examples.some((example) => example.usage)).toBe(true);
  for (const example of examples) {
    const error = problemFrom(new Response(JSON.stringify(example), { status: Number(example.status) }), example);
    expect(error.toProblem()).toEqual(example);
    for (const member of Object.keys(example)) expect([member, error[member as keyof typeof error]]).toEqual([member, example[member]]);
  }
  // Every member the Problem schema documents is a property of the error's problem.
  const full = Object.fromEntries(members.map((member) => [member, member === "status" ? 409 : member === "type" ? "t" : {}]));
  expect(Object.keys(problemFrom(new Response("{}", { status: 409 }), { ...full, title: "t", detail: "d" }).toProblem()).sort()).toEqual(
    [...members].sort(),
  );
});
