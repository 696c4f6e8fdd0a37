export * from "./client.js";
export { type Credentials, SERVICE, Sha256, signer, signingFetch } from "./sign.js";
