import { apiClient, created } from "../support/contract.js";

const api = apiClient();

test("50 parallel creates of one name: exactly one 201 and 49 409s, no 5xx", async () => {
  const name = `race-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  // RSA: moto generates the key between its name check and its store, the widest race window.
  const answers = await Promise.all(
    Array.from({ length: 50 }, () => api.POST("/keypairs", { body: { name, keyType: "rsa", region: "us-west-2" } })),
  );
  const statuses = answers.map((answer) => answer.response.status);
  const count = (status: number) => statuses.filter((value) => value === status).length;
  console.log(
    `concurrency: 201 x${count(201)}, 409 x${count(409)}, other: ${statuses.filter((s) => s !== 201 && s !== 409).join(",") || "none"}`,
  );
  expect(count(201)).toBe(1);
  expect(count(409)).toBe(49);
  const listed = await api.GET("/keypairs", { params: { query: { region: "us-west-2", name } } });
  expect(listed.data!.items).toHaveLength(1);
  expect(listed.data!.items[0]!.keyPairId).toBe(created(answers.find((answer) => answer.response.status === 201)!.data).keyPairId);
});

test.each(["by name", "by id"])("30 parallel DELETEs of one key %s: exactly one 204, 29 404s, no 5xx", async (how) => {
  const name = `del-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const made = await api.POST("/keypairs", { body: { name, keyType: "ed25519", region: "us-west-2" } });
  const { keyPairId } = created(made.data);
  const remove = () =>
    how === "by name"
      ? api.DELETE("/keypairs/{name}", { params: { path: { name }, query: { region: "us-west-2" } } })
      : api.DELETE("/keypairs/by-id/{keyPairId}", { params: { path: { keyPairId }, query: { region: "us-west-2" } } });
  const statuses = (await Promise.all(Array.from({ length: 30 }, remove))).map((answer) => answer.response.status);
  const count = (status: number) => statuses.filter((value) => value === status).length;
  expect([count(204), count(404), statuses.length]).toEqual([1, 29, 30]);
});
