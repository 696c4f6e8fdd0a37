/** `npm start`: the API on http://localhost:3000 against moto_server (or, with LOCAL_EC2=false, real EC2), until Ctrl-C. */
import { startLocalStack, stopAllLocalProcesses } from "./local-stack.js";

const apiPort = Number(process.env.PORT ?? 3000);
const motoPort = Number(process.env.MOTO_PORT ?? 5000);

const realAws = process.env.LOCAL_EC2 === "false";

// Registered before anything starts, so Ctrl-C while the stack is still starting stops it too.
let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await stopAllLocalProcesses();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);

const stack = await startLocalStack({
  apiPort,
  motoPort,
  realAws,
  output: "inherit",
  progress: (message) => console.log(`==> ${message}`),
});
const url = `http://localhost:${apiPort}`;
const backend = realAws ? "real AWS EC2 with your credentials" : `EC2 emulator ${stack.motoUrl}`;
console.log(`
EC2 key pairs API: ${url}  (${backend}; Ctrl-C stops everything)

  curl -s -X POST ${url}/keypairs -H 'content-type: application/json' -d '{"name":"demo","keyType":"ed25519"}'
  curl -s '${url}/keypairs?region=us-east-1'
  curl -s '${url}/keypairs/demo?includePublicKey=true'
  curl -s -X DELETE -o /dev/null -w '%{http_code}\\n' ${url}/keypairs/demo
`);
