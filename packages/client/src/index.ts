export * from "./client.js";
export { signingFetch, signer, Sha256, SERVICE, type Credentials } from "./sign.js";
