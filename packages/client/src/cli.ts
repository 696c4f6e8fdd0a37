/**
 * ec2-keypairs: a command line for the EC2 Key Pairs API (SigV4-signed with the standard AWS
 * credential chain), with --output json|table|text and --query (JMESPath) in the AWS CLI's spirit.
 * Exit codes: 0 done, 1 the API or the network refused (problem on stderr), 2 usage, 3 file error
 * (exists, cannot write), 4 ls --all-regions or --all-accounts with some region or account failing, 5 cleanup
 * refused to delete without a confirmation (no TTY and no --yes).
 */
import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { link, lstat, open, readFile, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import jmespath from "jmespath";
import {
  type CleanupRequest,
  type CleanupResult,
  createKeyPairsClient,
  type DryRunResult,
  type ExpiryRequest,
  isDryRun,
  type KeyPair,
  type KeyPairList,
  type KeyPairReport,
  type KeyPairsClient,
  type KeyUsage,
  type ListQuery,
  ProblemError,
  type Region,
  type ReportQuery,
} from "./client.js";

export const EXIT = { ok: 0, api: 1, usage: 2, file: 3, partial: 4, unconfirmed: 5 } as const;

export const USAGE = `Usage: ec2-keypairs <command> [options]

Commands:
  create NAME [--type rsa|ed25519] [--format pem|ppk] [--tag k=v]... [--ttl 1h | --expires-at TIME]
              [--out FILE | --escrow] [--dry-run] [--idempotency-key KEY]
                 create a key pair; the private key goes to FILE (new, mode 0400) or else to stdout;
                 --escrow: into SSM Parameter Store instead (the answer names the parameter)
  import NAME --public-key-file FILE|- [--tag k=v]... [--ttl 1h | --expires-at TIME] [--dry-run]
              [--idempotency-key KEY]
                 register your own public key (OpenSSH or RFC 4716)
  ls [--all-regions] [--all-accounts] [--type rsa|ed25519] [--tag k=v] [--tag-key KEY] [--name NAME] [--key-pair-id ID]
     [--fingerprint FP] [--expires-before TIME] [--created-before AGE|TIME] [--created-after AGE|TIME]
     [--missing-tag KEY] [--public-key] [--unused] [--usage] [--limit N] [--cursor NAME]
                 list key pairs (with their expiry); --unused: only those nothing names; --usage: what names each;
                 --limit N: one page of at most N keys (its nextCursor, if more follow, on stderr: pass it
                 as --cursor); without --limit every page, from --cursor if given;
                 --all-accounts: every allowed account (with --all-regions, every region of each), following
                 the listing's cursors with a progress line on stderr, each failing account or region reported
  get NAME | --key-pair-id ID  [--public-key] [--usage]
                 show one key pair; --usage: the instances, launch templates, launch configurations and
                 Auto Scaling groups that name it
  rm NAME | --key-pair-id ID  [--dry-run] [--force]
                 delete a key pair made through the API; refused while anything names it (what does is
                 shown, exit 1), or while that could not be checked; --force deletes it anyway
  tag NAME | --key-pair-id ID  [--set k=v]... [--remove KEY]... [--dry-run]
                 change the tags of a key pair made through the API (not the service's own tags)
  expiry NAME | --key-pair-id ID  --ttl 30d | --expires-at TIME | --clear  [--dry-run]
                 set, extend or clear when a key pair made through the API expires
  cleanup --unused [--all-regions] [--created-before AGE|TIME] [--created-after AGE|TIME] [--missing-tag KEY]
          [--tag k=v] [--type rsa|ed25519] [--limit N] [--cursor REGION/NAME] [--dry-run] [--yes]
                 delete unused managed key pairs in bulk, each checked just before its delete: shows the plan
                 (a dry run), then asks before deleting; --yes deletes without asking; --dry-run only plans.
                 Without a terminal and without --yes nothing is deleted (exit 5)
  report [--all-regions] [--missing-tag KEY] [--expiring-within-days N] [--unused]
                 counts per region and key type: ages (<30d, 30-90d, 90-365d, >365d), managed, and if asked
                 those without tag KEY, expiring within N days, unused (one usage scan per region)

Options for every command:
  --region REGION        the region of the key pairs (default: the API's default region)
  --account ID           the AWS account of the key pairs (default: the API's own; others through its member role)
  --endpoint URL         the API (default: $EC2_KEYPAIRS_ENDPOINT, else http://localhost:3000)
  --signing-region R     the API's own region, for SigV4 (default: from the endpoint's host name,
                         else $AWS_REGION, else us-east-1)
  --output FORMAT        json, table or text (tab-separated, no header). Default: a table for ls and
                         get, a sentence for the others; json when --query is given
  --query EXPR           a JMESPath expression applied to the JSON answer (as --output json prints
                         it) before it is printed, e.g. --query 'items[?managed].name' --output text
  --json                 the same as --output json
  -h, --help

Expiry: --ttl takes a number with a unit: s, m, h or d (90s, 15m, 1h, 7d); --expires-at and
--expires-before take an RFC 3339 time (2027-01-31T12:00:00Z). The sweep deletes expired keys.
--created-before and --created-after take an RFC 3339 time or an age (90d: 90 days before now, also s, m, h).

--idempotency-key KEY (create, import) makes a retry safe: the same KEY with the same request has the same
outcome (for create a new private key for the same name, unless escrowed); with another request, a 422.

create without --out or --escrow prints the private key on stdout and nothing else (--query needs one).
Credentials come from the standard AWS chain (environment, AWS_PROFILE, SSO, instance roles); with none, a
loopback endpoint (the local stack, which checks no signatures) is signed with a fixed local pair.

Exit codes:
  0  done
  1  the API or the network refused (the problem on stderr; as JSON with --output json)
  2  usage (unknown command or option, bad value, invalid --query)
  3  file error (--out exists or cannot be written; --public-key-file cannot be read)
  4  ls --all-regions: some regions failed (the others are listed); ls --all-accounts: some accounts or regions did
  5  cleanup: not confirmed (no terminal and no --yes, or the answer was no): nothing was deleted`;

class UsageError extends Error {}
/** After a usage error: the message and where the help is, not the whole help. */
const usageProblem = (message: string) => `${message}\n(ec2-keypairs --help shows every command and option)\n`;
class FileError extends Error {}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Replaces the client (tests). */
  client?: KeyPairsClient;
  /** Asks a yes/no question on the terminal; none without one (cleanup then deletes only with --yes). */
  confirm?: (question: string) => Promise<boolean>;
}

/** A yes/no question on the terminal (stdin and stderr): only "y" or "yes" is a yes. */
async function askOnTerminal(question: string): Promise<boolean> {
  const { createInterface } = await import("node:readline/promises");
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await terminal.question(`${question} [y/N] `)).trim());
  } finally {
    terminal.close();
  }
}

const defaultIo = (): Io => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  ...(process.stdin.isTTY && process.stderr.isTTY ? { confirm: askOnTerminal } : {}),
});

const OPTIONS = {
  region: { type: "string" },
  account: { type: "string" },
  endpoint: { type: "string" },
  "signing-region": { type: "string" },
  json: { type: "boolean" },
  output: { type: "string" },
  query: { type: "string" },
  ttl: { type: "string" },
  "expires-at": { type: "string" },
  "expires-before": { type: "string" },
  help: { type: "boolean", short: "h" },
  type: { type: "string" },
  format: { type: "string" },
  tag: { type: "string", multiple: true },
  out: { type: "string" },
  "dry-run": { type: "boolean" },
  "public-key-file": { type: "string" },
  "public-key": { type: "boolean" },
  "all-regions": { type: "boolean" },
  "all-accounts": { type: "boolean" },
  name: { type: "string" },
  usage: { type: "boolean" },
  unused: { type: "boolean" },
  force: { type: "boolean" },
  escrow: { type: "boolean" },
  "idempotency-key": { type: "string" },
  "key-pair-id": { type: "string" },
  fingerprint: { type: "string" },
  "tag-key": { type: "string" },
  limit: { type: "string" },
  cursor: { type: "string" },
  set: { type: "string", multiple: true },
  remove: { type: "string", multiple: true },
  clear: { type: "boolean" },
  "created-before": { type: "string" },
  "created-after": { type: "string" },
  "missing-tag": { type: "string" },
  "expiring-within-days": { type: "string" },
  yes: { type: "boolean" },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

export type Option = keyof typeof OPTIONS;
/** The options each command takes, besides GLOBAL ones. */
export const ALLOWED: Record<string, Option[]> = {
  create: ["type", "format", "tag", "ttl", "expires-at", "out", "escrow", "dry-run", "idempotency-key"],
  import: ["public-key-file", "tag", "ttl", "expires-at", "dry-run", "idempotency-key"],
  ls: [
    "all-regions",
    "all-accounts",
    "type",
    "tag",
    "tag-key",
    "name",
    "key-pair-id",
    "fingerprint",
    "expires-before",
    "created-before",
    "created-after",
    "missing-tag",
    "public-key",
    "unused",
    "usage",
    "limit",
    "cursor",
  ],
  get: ["key-pair-id", "public-key", "usage"],
  rm: ["key-pair-id", "dry-run", "force"],
  tag: ["key-pair-id", "set", "remove", "dry-run"],
  expiry: ["key-pair-id", "ttl", "expires-at", "clear", "dry-run"],
  cleanup: ["unused", "all-regions", "created-before", "created-after", "missing-tag", "tag", "type", "limit", "cursor", "dry-run", "yes"],
  report: ["all-regions", "missing-tag", "expiring-within-days", "unused"],
};
/** The commands that take no NAME. */
const WITHOUT_NAME = ["ls", "cleanup", "report"];
export const GLOBAL: Option[] = ["region", "account", "endpoint", "signing-region", "json", "output", "query", "help"];

function tags(values: Values, option: "tag" | "set" = "tag"): Record<string, string> | undefined {
  const pairs = values[option];
  if (!pairs) return undefined;
  const result: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at < 1) throw new UsageError(`--${option} ${pair}: write key=value`);
    result[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return result;
}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw new UsageError(`--${option} must be one of ${allowed.join(", ")}`);
  return value as T;
}

/** How table and text output show a value that is absent (no expiry...), with or without --query. */
const ABSENT = "-";

function table(rows: string[][]): string {
  if (rows.length === 0) return "";
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  return (
    rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join("  ")).join("\n") +
    "\n"
  );
}

/** The key columns; USED BY too when the answer has usage (--usage). */
const keyRows = (items: KeyPair[]) => {
  const withUsage = items.some((item) => item.usage !== undefined);
  const withAccount = items.some((item) => item.account !== undefined);
  return [
    [
      ...(withAccount ? ["ACCOUNT"] : []),
      "NAME",
      "REGION",
      "TYPE",
      "KEY PAIR ID",
      "MANAGED",
      "CREATED",
      "EXPIRES",
      "FINGERPRINT",
      ...(withUsage ? ["USED BY"] : []),
    ],
    ...items.map((item) => [
      ...(withAccount ? [item.account ?? ABSENT] : []),
      item.name,
      item.region,
      item.keyType,
      item.keyPairId,
      item.managed ? "yes" : "no",
      item.createdAt ?? ABSENT,
      item.expiresAt ?? ABSENT,
      item.fingerprint,
      ...(withUsage ? [usedBy(item.usage)] : []),
    ]),
  ];
};

/** What names a key, as lines ("nothing" when nothing does; what could not be checked after it). */
export function usageLines(usage: KeyUsage): string[] {
  const uses = [
    ...usage.instances.map((instance) => `instance ${instance.instanceId} (${instance.state})`),
    ...usage.launchTemplates.map(
      (template) => `launch template ${template.launchTemplateName} (${template.launchTemplateId}) version ${template.versions.join(", ")}`,
    ),
    ...usage.launchConfigurations.map((configuration) => `launch configuration ${configuration.name}`),
    ...usage.autoScalingGroups.map((group) => `Auto Scaling group ${group.name}`),
    // An older server answers none of these kinds.
    ...(usage.spotInstanceRequests ?? []).map((request) => `Spot Instance request ${request.spotInstanceRequestId} (${request.state})`),
    ...(usage.spotFleetRequests ?? []).map((fleet) => `Spot Fleet request ${fleet.spotFleetRequestId}`),
    ...(usage.fleets ?? []).map((fleet) => `EC2 Fleet ${fleet.fleetId}`),
  ];
  return [
    ...(uses.length ? uses.map((use) => `used by ${use}`) : [usage.complete ? "used by nothing" : "used by nothing found so far"]),
    ...usage.incomplete.map((part) => `not checked: ${part.check}: ${part.reason}`),
  ];
}

/** The USED BY column of ls --usage: what names the key, briefly; "nothing", or "unknown" when the check was incomplete. */
const usedBy = (usage: KeyUsage | undefined): string => {
  if (!usage) return ABSENT;
  const uses = [
    ...usage.instances.map((instance) => instance.instanceId),
    ...usage.launchTemplates.map((template) => `${template.launchTemplateName} v${template.versions.join(",")}`),
    ...usage.launchConfigurations.map((configuration) => `lc ${configuration.name}`),
    ...usage.autoScalingGroups.map((group) => `asg ${group.name}`),
    ...(usage.spotInstanceRequests ?? []).map((request) => request.spotInstanceRequestId),
    ...(usage.spotFleetRequests ?? []).map((fleet) => fleet.spotFleetRequestId),
    ...(usage.fleets ?? []).map((fleet) => fleet.fleetId),
  ];
  return uses.length ? uses.join(" ") : usage.complete ? "nothing" : "unknown";
};

export const OUTPUTS = ["json", "table", "text"] as const;
type Output = (typeof OUTPUTS)[number];

/** --output, or json for --json; undefined when neither was given. */
function outputOf(values: Values): Output | undefined {
  if (values.json && values.output !== undefined && values.output !== "json")
    throw new UsageError("--json and --output table|text contradict");
  return oneOf("output", values.output, OUTPUTS) ?? (values.json ? "json" : undefined);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
/** A value as table and text output show it: absent as ABSENT (as in the key columns), objects and arrays as JSON. */
const cell = (value: unknown): string =>
  value === null || value === undefined ? ABSENT : typeof value === "object" ? JSON.stringify(value) : String(value);
const columnsOf = (records: Record<string, unknown>[]) => [...new Set(records.flatMap((record) => Object.keys(record)))];

/** Any JSON value as rows: a list of objects one per row (columns: their keys), an object one row. */
function rowsOf(value: unknown): { header: string[] | undefined; rows: string[][] } {
  if (Array.isArray(value) && value.length > 0 && value.every(isRecord)) {
    const columns = columnsOf(value);
    return { header: columns, rows: value.map((record) => columns.map((column) => cell(record[column]))) };
  }
  if (Array.isArray(value)) return { header: undefined, rows: value.map((item) => (Array.isArray(item) ? item.map(cell) : [cell(item)])) };
  if (isRecord(value)) return { header: Object.keys(value), rows: [Object.values(value).map(cell)] };
  return { header: undefined, rows: [[cell(value)]] };
}

const tabbed = (rows: string[][]) => rows.map((row) => `${row.join("\t")}\n`).join("");

function renderAny(value: unknown, output: Output): string {
  if (output === "json") return `${JSON.stringify(value ?? null, null, 2)}\n`;
  // The AWS CLI's text output puts a list of scalars on one line.
  if (output === "text" && Array.isArray(value) && !value.some((item) => typeof item === "object" && item !== null))
    return value.length ? `${value.map(cell).join("\t")}\n` : "";
  const { header, rows } = rowsOf(value);
  if (output === "text") return tabbed(rows);
  return table(header ? [header.map((column) => column.toUpperCase()), ...rows] : rows);
}

/**
 * Prints an answer: `document` is what --output json prints and what --query is applied to;
 * `human` is the default (no --output, no --query); `keys`, when the answer is key pairs, are shown
 * with the key columns by --output table and text.
 */
function emit(io: Io, values: Values, document: unknown, human: () => string, keys?: KeyPair[]): void {
  const output = outputOf(values);
  if (values.query !== undefined) {
    io.stdout(renderAny(jmespath.search(document, values.query), output ?? "json"));
  } else if (output === undefined) {
    io.stdout(human());
  } else if (output !== "json" && keys) {
    const rows = keyRows(keys);
    io.stdout(output === "table" ? table(rows) : tabbed(rows.slice(1)));
  } else {
    io.stdout(renderAny(document, output));
  }
}

/** A JMESPath expression that does not parse is a usage error, found before any request is sent. */
function checkQuery(query: string | undefined): void {
  if (query === undefined) return;
  try {
    (jmespath as unknown as { compile(expression: string): unknown }).compile(query);
  } catch (error) {
    throw new UsageError(`--query ${query}: ${(error as Error).message}`);
  }
}

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** --ttl 90s | 15m | 1h | 7d as seconds (the API checks the range: 60 s to one year). */
export function ttlSeconds(text: string): number {
  const match = /^(\d+)([smhd])$/.exec(text.trim());
  if (!match) throw new UsageError(`--ttl ${text}: write a number and a unit, s, m, h or d (e.g. 1h)`);
  return Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS];
}

/** --created-before / --created-after: an age (90d: that long before `now`) as an RFC 3339 time; anything else as given (the API checks it). */
export function instantOf(text: string, now = Date.now()): string {
  const match = /^(\d+)([smhd])$/.exec(text.trim());
  return match ? new Date(now - Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS] * 1000).toISOString() : text;
}

/** The age and owner filters of ls and cleanup, by the API's names. */
const ageAndOwner = (values: Values) => ({
  ...(values["created-before"] ? { createdBefore: instantOf(values["created-before"]) } : {}),
  ...(values["created-after"] ? { createdAfter: instantOf(values["created-after"]) } : {}),
  ...(values["missing-tag"] ? { missingTag: values["missing-tag"] } : {}),
});

/** --limit N: a whole number from 1 to 1000. */
function limitOf(values: Values): number | undefined {
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 1000))
    throw new UsageError(`--limit ${values.limit}: write a whole number from 1 to 1000`);
  return limit;
}

/** The expiry fields of create and import from --ttl / --expires-at. */
function expiry(values: Values): { ttlSeconds?: number; expiresAt?: string } {
  if (values.ttl !== undefined && values["expires-at"] !== undefined) throw new UsageError("give --ttl or --expires-at, not both");
  if (values.ttl !== undefined) return { ttlSeconds: ttlSeconds(values.ttl) };
  if (values["expires-at"] !== undefined) return { expiresAt: values["expires-at"] };
  return {};
}

const expiresNote = (key: { expiresAt?: string }) => (key.expiresAt ? `, expires ${key.expiresAt}` : "");

const describeProblem = (error: ProblemError): string =>
  `${[
    `error: ${error.status} ${error.title}: ${error.detail}`,
    ...(error.errors ?? []).map((field) => `  ${field.field}: ${field.message}`),
    ...(error.usage ? [...usageLines(error.usage).map((line) => `  ${line}`), "  (rm --force deletes it anyway)"] : []),
  ].join("\n")}\n`;

/** Refuses early (before any key is made) when FILE exists or its directory does not. */
async function checkWritable(path: string): Promise<void> {
  const exists = await lstat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? false : Promise.reject(error)),
  );
  if (exists) throw new FileError(`${path} already exists; refusing to overwrite it (nothing was created)`);
  const directory = await lstat(dirname(path)).catch(() => undefined);
  if (!directory?.isDirectory()) throw new FileError(`${dirname(path)} is not a directory (nothing was created)`);
}

/**
 * Writes `content` to a new file `path` with mode 0400, all or nothing: into a new temporary file
 * beside it (exclusive create, 0400), flushed, then hard-linked to `path`, which fails if `path`
 * exists by then. `path` therefore never exists partly written, empty, or replaced.
 */
export async function writeNewSecretFile(path: string, content: string): Promise<void> {
  if (content.length === 0) throw new FileError("refusing to write an empty key file");
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o400);
  try {
    try {
      await handle.writeFile(content, "utf8");
      await handle.chmod(0o400);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(temporary, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileError(
      code === "EEXIST" ? `${path} appeared meanwhile; refusing to overwrite it` : `cannot write ${path}: ${(error as Error).message}`,
    );
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

async function create(client: KeyPairsClient, name: string, values: Values, io: Io): Promise<number> {
  const out = values.out === undefined ? undefined : resolve(values.out);
  if (out && values.escrow) throw new UsageError("--escrow keeps the private key in SSM Parameter Store: there is nothing for --out");
  if (
    !out &&
    !values.escrow &&
    !values["dry-run"] &&
    (values.query !== undefined || (values.output !== undefined && values.output !== "json"))
  )
    throw new UsageError("create without --out prints only the private key: add --out FILE for --query or --output table|text");
  const expiring = expiry(values);
  if (out) await checkWritable(out);
  const keyType = oneOf("type", values.type, ["rsa", "ed25519"] as const);
  const keyFormat = oneOf("format", values.format, ["pem", "ppk"] as const);
  const tagMap = tags(values);
  const result = await client.createKeyPair(
    {
      name,
      ...(keyType ? { keyType } : {}),
      ...(keyFormat ? { keyFormat } : {}),
      ...(tagMap ? { tags: tagMap } : {}),
      ...expiring,
      ...where(values),
      ...(values.escrow ? { escrow: true } : {}),
      ...(values["dry-run"] ? { dryRun: true } : {}),
    },
    values["idempotency-key"],
  );
  if (isDryRun(result)) {
    emit(io, values, result, () => `dry run: ${result.detail}\n`);
    return EXIT.ok;
  }
  if (!("keyMaterial" in result)) {
    emit(
      io,
      values,
      result,
      () =>
        `created ${result.name} (${result.keyPairId}${expiresNote(result)}); the private key is in SSM parameter ${result.privateKeyParameter}\n`,
      [result],
    );
    return EXIT.ok;
  }
  const { keyMaterial, ...metadata } = result;
  if (!keyMaterial)
    throw new ProblemError({
      type: "about:blank",
      title: "No private key in the answer",
      status: 502,
      detail: `the API created ${name} but sent no private key`,
    });
  if (!out) {
    io.stdout(keyMaterial.endsWith("\n") ? keyMaterial : `${keyMaterial}\n`);
    io.stderr(
      `created ${metadata.name} (${metadata.keyPairId}, ${metadata.keyType}${expiresNote(metadata)}) in ${metadata.region}; ` +
        "the private key above is shown once\n",
    );
    return EXIT.ok;
  }
  try {
    await writeNewSecretFile(out, keyMaterial.endsWith("\n") ? keyMaterial : `${keyMaterial}\n`);
  } catch (error) {
    // The private key exists nowhere else: a key pair nobody can use is removed again (by its id, so
    // never a key of the same name made meanwhile).
    const undone = await client.deleteKeyPairById(metadata.keyPairId, where(values)).then(
      () => true,
      () => false,
    );
    throw new FileError(
      `${(error as Error).message}; the key pair ${name} ${
        undone ? "was deleted again" : `could NOT be deleted again: delete it (ec2-keypairs rm --key-pair-id ${metadata.keyPairId})`
      }`,
    );
  }
  emit(
    io,
    values,
    { ...metadata, privateKeyFile: out },
    () =>
      `created ${metadata.name} (${metadata.keyPairId}, ${metadata.keyType}, ${metadata.fingerprint}${expiresNote(metadata)}) in ` +
      `${metadata.region}; private key written to ${out} (mode 0400)\n`,
    [metadata],
  );
  return EXIT.ok;
}

async function importKey(client: KeyPairsClient, name: string, values: Values, io: Io): Promise<number> {
  const file = values["public-key-file"];
  if (!file) throw new UsageError("import needs --public-key-file FILE (or - for stdin)");
  const expiring = expiry(values);
  let publicKey: string;
  try {
    publicKey = file === "-" ? (await readFile("/dev/stdin")).toString("utf8") : await readFile(file, "utf8");
  } catch (error) {
    throw new FileError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const tagMap = tags(values);
  const result = await client.importKeyPair(
    {
      name,
      publicKey: publicKey.trim(),
      ...(tagMap ? { tags: tagMap } : {}),
      ...expiring,
      ...where(values),
      ...(values["dry-run"] ? { dryRun: true } : {}),
    },
    values["idempotency-key"],
  );
  if (isDryRun(result)) emit(io, values, result, () => `dry run: ${result.detail}\n`);
  else
    emit(
      io,
      values,
      result,
      () =>
        `imported ${result.name} (${result.keyPairId}, ${result.keyType}, ${result.fingerprint}${expiresNote(result)}) in ${result.region}\n`,
      [result],
    );
  return EXIT.ok;
}

async function list(client: KeyPairsClient, values: Values, io: Io): Promise<number> {
  const keyType = oneOf("type", values.type, ["rsa", "ed25519"] as const);
  const tagList = values.tag ?? [];
  if (tagList.length > 1) throw new UsageError("ls takes one --tag k=v");
  if (values["all-regions"] && values.region) throw new UsageError("--all-regions and --region do not go together");
  const limit = limitOf(values);
  if (values["all-regions"] && values.cursor) throw new UsageError("--all-regions and --cursor do not go together");
  const filters: ListQuery = {
    ...(keyType ? { keyType } : {}),
    ...(tagList[0] ? { tag: tagList[0] } : {}),
    ...(values["tag-key"] ? { tagKey: values["tag-key"] } : {}),
    ...(values.name ? { name: values.name } : {}),
    ...(values["key-pair-id"] ? { keyPairId: values["key-pair-id"] } : {}),
    ...(values.fingerprint ? { fingerprint: values.fingerprint } : {}),
    ...(values["expires-before"] ? { expiresBefore: values["expires-before"] } : {}),
    ...ageAndOwner(values),
    ...(values["public-key"] ? { includePublicKey: true } : {}),
    ...(values.unused ? { unused: true } : {}),
    ...(values.usage ? { includeUsage: true } : {}),
    ...(values.account ? { account: values.account } : {}),
  };
  if (values["all-accounts"]) return listAllAccounts(client, values, io, filters, limit);
  let answer: KeyPairList;
  if (limit !== undefined) {
    // One page, as the API answers it: at most `limit` keys, nextCursor (and, across regions, each
    // region's own) saying where to go on.
    answer = await client.listKeyPairs({
      ...filters,
      limit,
      ...(values["all-regions"] ? { allRegions: true } : {}),
      ...where(values),
      ...(values.cursor ? { cursor: values.cursor } : {}),
    });
  } else if (values["all-regions"]) {
    answer = await client.listKeyPairs({ ...filters, allRegions: true });
    // A region the page could not hold goes on as a one-region list from where it stopped.
    for (const [region, outcome] of Object.entries(answer.regions ?? {})) {
      if (outcome.status !== "ok" || outcome.complete) continue;
      let cursor = outcome.nextCursor;
      for (;;) {
        const page = await client.listKeyPairs({ ...filters, region: region as Region, ...(cursor ? { cursor } : {}) });
        answer.items.push(...page.items);
        outcome.count += page.items.length;
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      outcome.complete = true;
      delete outcome.nextCursor;
    }
  } else {
    answer = await client.listAllKeyPairs({
      ...filters,
      ...where(values),
      ...(values.cursor ? { cursor: values.cursor } : {}),
    });
  }
  const failed = Object.entries(answer.regions ?? {}).flatMap(([region, outcome]) =>
    outcome.status === "error" ? [[region, outcome.problem] as const] : [],
  );
  const document = {
    items: answer.items,
    ...(answer.regions ? { regions: answer.regions } : {}),
    ...(answer.nextCursor ? { nextCursor: answer.nextCursor } : {}),
  };
  emit(io, values, document, () => (answer.items.length ? table(keyRows(answer.items)) : "no key pairs\n"), answer.items);
  if (answer.regions && outputOf(values) === undefined && values.query === undefined)
    io.stderr(`${Object.keys(answer.regions).length - failed.length} of ${Object.keys(answer.regions).length} regions listed\n`);
  for (const [region, problem] of failed) io.stderr(`region ${region} failed: ${problem.status} ${problem.title}: ${problem.detail}\n`);
  if (answer.nextCursor) io.stderr(`more keys follow: add --cursor ${answer.nextCursor}\n`);
  return failed.length ? EXIT.partial : EXIT.ok;
}

/**
 * ls --all-accounts: an estate listing. With --limit one page (its cursor on stderr, for --cursor); else
 * every page, a progress line on stderr after each, then each scope that failed.
 */
async function listAllAccounts(
  client: KeyPairsClient,
  values: Values,
  io: Io,
  filters: ListQuery,
  limit: number | undefined,
): Promise<number> {
  if (values.account) throw new UsageError("--all-accounts and --account do not go together");
  const query: ListQuery = {
    ...filters,
    accounts: "all",
    ...(values["all-regions"] ? { allRegions: true } : where(values)),
    ...(values.cursor ? { estateCursor: values.cursor } : {}),
  };
  let listed = 0;
  const answer =
    limit !== undefined
      ? await client.listKeyPairs({ ...query, limit })
      : await client.listEstate(query, (page, pages) => {
          listed += Object.values(page.scopes ?? {}).reduce((sum, regions) => sum + Object.keys(regions).length, 0);
          io.stderr(
            `page ${pages}: ${page.items.length} keys, ${listed} scopes reached${page.nextCursor ? `, ${page.pendingScopes ?? 0} not started yet` : ""}\n`,
          );
        });
  const failed = Object.entries(answer.scopes ?? {}).flatMap(([account, regions]) =>
    Object.entries(regions).flatMap(([region, scope]) =>
      scope.status === "ok" || scope.status === "pending" ? [] : [{ account, region, ...scope }],
    ),
  );
  const document = { items: answer.items, scopes: answer.scopes, ...(answer.nextCursor ? { nextCursor: answer.nextCursor } : {}) };
  emit(io, values, document, () => (answer.items.length ? table(keyRows(answer.items)) : "no key pairs\n"), answer.items);
  for (const scope of failed)
    io.stderr(`account ${scope.account} region ${scope.region}: ${scope.status}${scope.detail ? `: ${scope.detail}` : ""}\n`);
  if (answer.nextCursor) io.stderr(`more keys follow: add --cursor ${answer.nextCursor}\n`);
  return failed.length ? EXIT.partial : EXIT.ok;
}

/** Where a command acts: --region and --account, as given. */
const where = (values: Values) => ({
  ...(values.region ? { region: values.region as Region } : {}),
  ...(values.account ? { account: values.account } : {}),
});

/** NAME, or --key-pair-id ID (a name can look like an id, so an id is never guessed from NAME). */
type Target = { name: string } | { keyPairId: string };

async function get(client: KeyPairsClient, target: Target, values: Values, io: Io): Promise<number> {
  const query = {
    ...where(values),
    ...(values["public-key"] ? { includePublicKey: true } : {}),
    ...(values.usage ? { includeUsage: true } : {}),
  };
  const key = "name" in target ? await client.getKeyPair(target.name, query) : await client.getKeyPairById(target.keyPairId, query);
  emit(
    io,
    values,
    key,
    () =>
      `${table(keyRows([key]))}tags: ${
        Object.entries(key.tags)
          .map(([k, v]) => `${k}=${v}`)
          .join(", ") || "-"
      }\n${key.publicKey ? `${key.publicKey}\n` : ""}${key.usage ? `${usageLines(key.usage).join("\n")}\n` : ""}`,
    [key],
  );
  return EXIT.ok;
}

async function remove(client: KeyPairsClient, target: Target, values: Values, io: Io): Promise<number> {
  const query = {
    ...where(values),
    ...(values["dry-run"] ? { dryRun: true } : {}),
    ...(values.force ? { force: true } : {}),
  };
  const result =
    "name" in target ? await client.deleteKeyPair(target.name, query) : await client.deleteKeyPairById(target.keyPairId, query);
  const which = "name" in target ? target.name : target.keyPairId;
  emit(io, values, result ?? { deleted: which }, () =>
    result ? `dry run: ${result.detail}\n${result.usage ? `${usageLines(result.usage).join("\n")}\n` : ""}` : `deleted ${which}\n`,
  );
  return EXIT.ok;
}

/** What a tags or expiry change answers: the key as it is now, or a dry run's with the key as it would be. */
function emitChanged(io: Io, values: Values, result: KeyPair | DryRunResult): void {
  const key = isDryRun(result) ? result.keyPair : result;
  const shown = key
    ? `${table(keyRows([key]))}tags: ${
        Object.entries(key.tags)
          .map(([k, v]) => `${k}=${v}`)
          .join(", ") || "-"
      }\n`
    : "";
  emit(io, values, result, () => (isDryRun(result) ? `dry run: ${result.detail}\n${shown}` : shown), key ? [key] : undefined);
}

async function retag(client: KeyPairsClient, target: Target, values: Values, io: Io): Promise<number> {
  const body = {
    ...(values.set ? { set: tags(values, "set") } : {}),
    ...(values.remove ? { remove: values.remove } : {}),
    ...where(values),
    ...(values["dry-run"] ? { dryRun: true } : {}),
  };
  emitChanged(
    io,
    values,
    "name" in target ? await client.updateKeyPairTags(target.name, body) : await client.updateKeyPairTagsById(target.keyPairId, body),
  );
  return EXIT.ok;
}

async function changeExpiry(client: KeyPairsClient, target: Target, values: Values, io: Io): Promise<number> {
  const common = { ...where(values), ...(values["dry-run"] ? { dryRun: true } : {}) };
  const given = expiry(values);
  // Neither --ttl nor --expires-at: the API's 400 says what to give.
  if (values.clear && (given.ttlSeconds !== undefined || given.expiresAt !== undefined)) {
    throw new UsageError("expiry takes --clear or a new expiry, not both");
  }
  const result = values.clear
    ? "name" in target
      ? await client.clearKeyPairExpiry(target.name, common)
      : await client.clearKeyPairExpiryById(target.keyPairId, common)
    : "name" in target
      ? await client.setKeyPairExpiry(target.name, { ...given, ...common } as ExpiryRequest)
      : await client.setKeyPairExpiryById(target.keyPairId, { ...given, ...common } as ExpiryRequest);
  emitChanged(io, values, result);
  return EXIT.ok;
}

/** A cleanup's items as rows: what happened to each key, and why when it was kept or failed. */
const cleanupRows = (result: CleanupResult) => [
  ["REGION", "NAME", "KEY PAIR ID", "OUTCOME", "WHY"],
  ...result.items.map((item) => [
    item.region,
    item.name,
    item.keyPairId,
    item.outcome,
    item.problem ? `${item.problem.status} ${item.problem.title}` : item.usage && item.outcome !== "would-delete" ? usedBy(item.usage) : "",
  ]),
];

/** What a cleanup answer says beyond its items: keys not made here, and where to go on. */
function cleanupNotes(result: CleanupResult, io: Io): void {
  if (result.unmanagedSkipped) io.stderr(`${result.unmanagedSkipped} matching key pairs not made through this API were left alone\n`);
  if (result.problem) io.stderr(`stopped: ${result.problem.status} ${result.problem.title}: ${result.problem.detail}\n`);
  if (result.nextCursor)
    io.stderr(`stopped (${result.stopped}); more keys follow: add --cursor ${result.nextCursor.region}/${result.nextCursor.after ?? ""}\n`);
}

/** --cursor REGION/NAME (REGION/ alone: the region from its first key). */
function cleanupCursor(text: string | undefined): Pick<CleanupRequest, "cursor"> {
  if (text === undefined) return {};
  const at = text.indexOf("/");
  if (at < 1) throw new UsageError(`--cursor ${text}: write REGION/NAME, as a cleanup that stopped early prints it`);
  const after = text.slice(at + 1);
  return { cursor: { region: text.slice(0, at) as Region, ...(after ? { after } : {}) } };
}

/**
 * cleanup: the plan first (a dry run: the same checks, nothing deleted), then, once confirmed (a
 * question on the terminal, or --yes), the same request for real. Each key is checked again just
 * before its delete, so a key that became used since the plan is kept.
 */
async function cleanup(client: KeyPairsClient, values: Values, io: Io): Promise<number> {
  if (!values.unused) throw new UsageError("cleanup deletes only unused keys: say so with --unused");
  if (values["all-regions"] && values.region) throw new UsageError("--all-regions and --region do not go together");
  if (values["dry-run"] && values.yes) throw new UsageError("--dry-run and --yes contradict");
  const keyType = oneOf("type", values.type, ["rsa", "ed25519"] as const);
  const tagList = values.tag ?? [];
  if (tagList.length > 1) throw new UsageError("cleanup takes one --tag k=v");
  const limit = limitOf(values);
  const request: CleanupRequest = {
    unused: true,
    ...ageAndOwner(values),
    ...(tagList[0] ? { tag: tagList[0] } : {}),
    ...(keyType ? { keyType } : {}),
    ...where(values),
    ...(values["all-regions"] ? { allRegions: true } : {}),
    ...(limit !== undefined ? { limit } : {}),
    ...cleanupCursor(values.cursor),
  };
  const plan = await client.cleanUpKeyPairs({ ...request, dryRun: true });
  const planned = plan.items.filter((item) => item.outcome === "would-delete").length;
  emit(io, values, plan, () => (plan.items.length ? table(cleanupRows(plan)) : "no key pairs selected\n"));
  cleanupNotes(plan, io);
  if (values["dry-run"] || planned === 0) return EXIT.ok;
  const question = `Delete ${planned} key pair${planned === 1 ? "" : "s"}?`;
  if (!values.yes) {
    if (!io.confirm) {
      io.stderr(`${question} Not without a terminal: nothing was deleted (add --yes to delete)\n`);
      return EXIT.unconfirmed;
    }
    if (!(await io.confirm(question))) {
      io.stderr("nothing was deleted\n");
      return EXIT.unconfirmed;
    }
  }
  const result = await client.cleanUpKeyPairs({ ...request, dryRun: false });
  emit(io, values, result, () => table(cleanupRows(result)));
  cleanupNotes(result, io);
  return result.items.some((item) => item.outcome === "failed") ? EXIT.api : EXIT.ok;
}

/** report: one row per region and key type, the optional counts only when asked. */
async function report(client: KeyPairsClient, values: Values, io: Io): Promise<number> {
  if (values["all-regions"] && values.region) throw new UsageError("--all-regions and --region do not go together");
  const within = values["expiring-within-days"];
  if (within !== undefined && !/^[1-9][0-9]{0,3}$/.test(within))
    throw new UsageError(`--expiring-within-days ${within}: write a whole number of days from 1 to 3650`);
  const query: ReportQuery = {
    ...where(values),
    ...(values["all-regions"] ? { allRegions: true } : {}),
    ...(values["missing-tag"] ? { missingTag: values["missing-tag"] } : {}),
    ...(within !== undefined ? { expiringWithinDays: Number(within) } : {}),
    ...(values.unused ? { includeUnused: true } : {}),
  };
  const answer: KeyPairReport = await client.getKeyPairReport(query);
  const optional = (value: number | undefined) => (value === undefined ? [] : [String(value)]);
  const rows = [
    [
      "REGION",
      "TYPE",
      "TOTAL",
      "MANAGED",
      "<30D",
      "30-90D",
      "90-365D",
      ">365D",
      "AGE UNKNOWN",
      ...(values.unused ? ["UNUSED", "USAGE UNKNOWN"] : []),
      ...(query.missingTag ? [`NO ${query.missingTag.toUpperCase()}`] : []),
      ...(within !== undefined ? [`EXPIRING <=${within}D`] : []),
    ],
    ...answer.rows.map((row) => [
      row.region,
      row.keyType,
      String(row.total),
      String(row.managed),
      ...[row.age.under30d, row.age["30to90d"], row.age["90to365d"], row.age.over365d, row.age.unknown].map(String),
      ...optional(row.unused),
      ...optional(row.usageUnknown),
      ...optional(row.missingTag),
      ...optional(row.expiringSoon),
    ]),
  ];
  emit(io, values, answer, () => (answer.rows.length ? table(rows) : "no key pairs\n"));
  const failed = Object.entries(answer.regions).flatMap(([region, outcome]) =>
    outcome.status === "error" ? [[region, outcome.problem] as const] : [],
  );
  for (const [region, problem] of failed) io.stderr(`region ${region} failed: ${problem.status} ${problem.title}: ${problem.detail}\n`);
  return failed.length ? EXIT.partial : EXIT.ok;
}

const jsonErrors = (values: Values) => values.json === true || values.output === "json";

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
  } catch (error) {
    io.stderr(usageProblem((error as Error).message));
    return EXIT.usage;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === "help") {
    io.stdout(`${USAGE}\n`);
    return EXIT.ok;
  }
  try {
    if (!command || !(command in ALLOWED)) throw new UsageError(command ? `unknown command ${command}` : "no command given");
    const misplaced = (Object.keys(values) as Array<keyof typeof OPTIONS>).filter(
      (option) => !GLOBAL.includes(option) && !ALLOWED[command]!.includes(option),
    );
    if (misplaced.length) throw new UsageError(`${command} does not take ${misplaced.map((option) => `--${option}`).join(", ")}`);
    const byId = !WITHOUT_NAME.includes(command) && values["key-pair-id"] !== undefined;
    if (byId && rest.length !== 0) throw new UsageError(`${command} takes NAME or --key-pair-id, not both`);
    if (!WITHOUT_NAME.includes(command) && !byId && rest.length !== 1)
      throw new UsageError(`${command} takes one NAME${["get", "rm", "tag", "expiry"].includes(command) ? " (or --key-pair-id ID)" : ""}`);
    if (WITHOUT_NAME.includes(command) && rest.length !== 0)
      throw new UsageError(`${command} takes no NAME${command === "ls" ? " (use --name)" : ""}`);
    outputOf(values);
    checkQuery(values.query);
    const endpoint = values.endpoint ?? io.env.EC2_KEYPAIRS_ENDPOINT ?? "http://localhost:3000";
    try {
      new URL(endpoint);
    } catch {
      throw new UsageError(`--endpoint ${endpoint} is not a URL`);
    }
    const onLocalCredentials = () =>
      io.stderr(`note: no AWS credentials found; signing with the local stack's fixed pair (${endpoint} is loopback)\n`);
    const client =
      io.client ??
      createKeyPairsClient({
        endpoint,
        onLocalCredentials,
        ...(values["signing-region"] ? { signingRegion: values["signing-region"] } : {}),
      });
    const name = rest[0]!;
    const target: Target = byId ? { keyPairId: values["key-pair-id"]! } : { name };
    switch (command) {
      case "create":
        return await create(client, name, values, io);
      case "import":
        return await importKey(client, name, values, io);
      case "ls":
        return await list(client, values, io);
      case "get":
        return await get(client, target, values, io);
      case "tag":
        return await retag(client, target, values, io);
      case "expiry":
        return await changeExpiry(client, target, values, io);
      case "cleanup":
        return await cleanup(client, values, io);
      case "report":
        return await report(client, values, io);
      default:
        return await remove(client, target, values, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(usageProblem(error.message));
      return EXIT.usage;
    }
    if (error instanceof FileError) {
      io.stderr(`error: ${error.message}\n`);
      return EXIT.file;
    }
    if (error instanceof ProblemError) {
      io.stderr(jsonErrors(values) ? `${JSON.stringify(error.toProblem())}\n` : describeProblem(error));
      return EXIT.api;
    }
    const cause = (error as Error & { cause?: Error }).cause;
    io.stderr(`error: ${(error as Error).message}${cause?.message ? ` (${cause.message})` : ""}\n`);
    return EXIT.api;
  }
}
