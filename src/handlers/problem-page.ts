/**
 * GET /problems/{type}: what a problem type URI names, as a short HTML page made from the problem
 * table (src/lib/api/problems.ts: title and meaning; http/problems.ts: status). An unknown type
 * is a 404 problem. Served by the docs function (api-docs.ts).
 */
import { PROBLEM_DESCRIPTIONS, PROBLEM_KINDS, PROBLEM_TITLES, PROBLEM_TYPE_BASE, type ProblemKind } from "../lib/api/problems.js";
import { ProblemTypePath } from "../lib/api/schemas.js";
import { PROBLEM_STATUS } from "../lib/http/problems.js";
import { textBody } from "../lib/http/responses.js";
import { httpRoute } from "../lib/http/route.js";
import { ServiceError } from "../lib/keypairs/errors.js";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function problemPage(kind: ProblemKind): string {
  const title = escapeHtml(PROBLEM_TITLES[kind]);
  return [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><title>${title} (${kind})</title></head><body>`,
    `<h1>${title}</h1>`,
    `<p>HTTP status ${PROBLEM_STATUS[kind]}. Problem type <code>${escapeHtml(PROBLEM_TYPE_BASE + kind)}</code>.</p>`,
    `<p>${escapeHtml(PROBLEM_DESCRIPTIONS[kind])}</p>`,
    "<p>Errors of the EC2 Key Pairs API are RFC 9457 problem+json bodies: <code>type</code>, <code>title</code>, <code>status</code>, " +
      "<code>detail</code> (what happened to this request), <code>instance</code>, and <code>errors</code> for invalid fields. " +
      'All routes: <a href="../docs">the API documentation</a>.</p>',
    "</body></html>",
    "",
  ].join("\n");
}

export const handler = httpRoute({ path: ProblemTypePath }, async ({ path }) => {
  const kind = PROBLEM_KINDS.find((candidate) => candidate === path.type);
  if (!kind) throw new ServiceError("problem-type-not-found", `This API has no problem type ${path.type}.`);
  return textBody(200, problemPage(kind), "text/html; charset=utf-8", { "Cache-Control": "public, max-age=300" });
});
