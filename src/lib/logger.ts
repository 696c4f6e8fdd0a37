import { Logger } from "@aws-lambda-powertools/logger";

/**
 * The one logger. Request bodies and create responses are never passed to it: they can hold key
 * material (create) or are treated as secrets (import).
 */
export const logger = new Logger({ serviceName: "ec2-keypairs-api" });
