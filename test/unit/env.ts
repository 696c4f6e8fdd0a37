// The configuration the unit tests run under; src/lib/platform/config.ts reads it once, at import.
process.env.DEFAULT_REGION = "eu-west-1";
process.env.ALLOWED_REGIONS = "eu-west-1,us-east-1";
process.env.EC2_MAX_ATTEMPTS = "1";
process.env.EC2_TOTAL_TIMEOUT_MS = "2000";
process.env.THROTTLE_RETRY_AFTER_SECONDS = "3";
process.env.LOG_LEVEL = "SILENT";
process.env.AWS_ACCESS_KEY_ID = "testing";
process.env.AWS_SECRET_ACCESS_KEY = "testing";
process.env.EVENTS_ENDPOINT = "http://127.0.0.1:9"; // discard: an unmocked publish fails at once (and is logged)
process.env.ACCOUNT_ID = "123456789012";
process.env.ALLOWED_ACCOUNTS = "222222222222";
