// Reserved concurrency of each function, from the stage parameter `reservedConcurrency` (see
// serverless.yml and the README section "Deployment limits and cross-account callers"). A file
// because "none" must drop the setting altogether (the framework accepts only integers there), and a
// typo must fail the package rather than deploy something else: 0 would stop every function.
// (Here, next to the IAM files, because it is another deploy-time resolver of stage parameters.)

const NONE = new Set(["none", "-1", ""]);

module.exports = async ({ resolveVariable }) => {
  const raw = String(await resolveVariable("param:reservedConcurrency"))
    .trim()
    .toLowerCase();
  if (NONE.has(raw)) return {}; // no value: serverless.yml falls back to null, i.e. no reservation
  if (!/^[1-9]\d*$/.test(raw)) {
    throw new Error(`param reservedConcurrency must be a positive integer or "none" (got "${raw}"); 0 would throttle every request`);
  }
  return { reservedConcurrency: Number(raw) };
};
