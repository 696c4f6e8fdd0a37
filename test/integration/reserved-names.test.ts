/**
 * Keys named like a path segment of the API, on the local stack: "import" is POST /keypairs/import's
 * path, so GET and DELETE /keypairs/import answer 405 (as the deployed routes do: the template test)
 * and such a key is read and deleted by id; "by-id" alone is no route's path, so it is an ordinary name.
 */
const region = "ca-central-1"; // no other test file makes keys here
const call = (method: string, path: string, body?: object) =>
  fetch(`${process.env.API_URL}${path}`, {
    method,
    ...(body ? { body: JSON.stringify(body), headers: { "content-type": "application/json" } } : {}),
  });
const create = async (name: string) => {
  const answer = await call("POST", "/keypairs", { name, keyType: "ed25519", region });
  expect([name, answer.status]).toEqual([name, 201]);
  return ((await answer.json()) as { keyPairId: string }).keyPairId;
};

test.each(["GET", "DELETE"])("%s /keypairs/import is a 405 with Allow: POST, for a key named import too", async (method) => {
  const id = await create("import");
  try {
    const answer = await call(method, `/keypairs/import?region=${region}`);
    expect([answer.status, answer.headers.get("allow"), ((await answer.json()) as { type: string }).type]).toEqual([
      405,
      "POST",
      "/problems/method-not-allowed",
    ]);
    // Read by id: the key is there, untouched.
    const byId = await call("GET", `/keypairs/by-id/${id}?region=${region}`);
    expect([byId.status, ((await byId.json()) as { name: string }).name]).toEqual([200, "import"]);
  } finally {
    expect((await call("DELETE", `/keypairs/by-id/${id}?region=${region}`)).status).toBe(204);
  }
  expect((await call("GET", `/keypairs/by-id/${id}?region=${region}`)).status).toBe(404);
});

test.each([
  ["report", "DELETE", "GET"],
  ["cleanup", "GET", "POST"],
  ["cleanup", "DELETE", "POST"],
])("a key named %s: %s /keypairs/%s is a 405 (Allow: %s); the key is read and deleted by id", async (name, method, allow) => {
  const id = await create(name);
  try {
    const answer = await call(method, `/keypairs/${name}?region=${region}`);
    expect([answer.status, answer.headers.get("allow")]).toEqual([405, allow]);
    const byId = await call("GET", `/keypairs/by-id/${id}?region=${region}`);
    expect([byId.status, ((await byId.json()) as { name: string }).name]).toEqual([200, name]);
  } finally {
    expect((await call("DELETE", `/keypairs/by-id/${id}?region=${region}`)).status).toBe(204);
  }
});

test("GET /keypairs/report is the report, whatever key is named report", async () => {
  const id = await create("report");
  try {
    const answer = await call("GET", `/keypairs/report?region=${region}`);
    expect(answer.status).toBe(200);
    expect(Object.keys((await answer.json()) as object).sort()).toEqual(["generatedAt", "regions", "rows"]);
  } finally {
    expect((await call("DELETE", `/keypairs/by-id/${id}?region=${region}`)).status).toBe(204);
  }
});

test("a key named by-id is read and deleted by name", async () => {
  await create("by-id");
  const read = await call("GET", `/keypairs/by-id?region=${region}`);
  expect([read.status, ((await read.json()) as { name: string }).name]).toEqual([200, "by-id"]);
  expect((await call("DELETE", `/keypairs/by-id?region=${region}`)).status).toBe(204);
  expect((await call("GET", `/keypairs/by-id?region=${region}`)).status).toBe(404);
});
