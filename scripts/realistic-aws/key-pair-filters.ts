/**
 * DescribeKeyPairs' selection (KeyName.N, KeyPairId.N, Filter.N) applied to the key pairs a
 * describe shows, as EC2 documents it: values of one filter are alternatives, filters all apply,
 * `*` and `?` are wildcards in filter values (not in KeyName.N), and a KeyName.N or KeyPairId.N that
 * names no key pair is InvalidKeyPair.NotFound.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeKeyPairs.html
 */
import type { KeyPairView } from "./key-pair-views.ts";

export type Selection = { items: KeyPairView[] } | { notFound: string } | "unsupported";

const wildcard = (pattern: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
    "s",
  );

const list = (params: URLSearchParams, prefix: string) =>
  [...params.entries()].filter(([key]) => new RegExp(`^${prefix}\\.\\d+$`).test(key)).map(([, value]) => value);

function fieldOf(view: KeyPairView, filter: string): string[] | undefined {
  if (filter === "key-pair-id") return [view.keyPairId];
  if (filter === "key-name") return [view.keyName];
  if (filter === "fingerprint") return [view.keyFingerprint];
  if (filter === "key-type") return view.keyType ? [view.keyType] : [];
  if (filter === "tag-key") return view.tags.map((tag) => tag.key);
  if (filter.startsWith("tag:")) return view.tags.filter((tag) => tag.key === filter.slice(4)).map((tag) => tag.value);
  return undefined;
}

const NOTHING: KeyPairView = { keyPairId: "", keyName: "", keyFingerprint: "", tags: [] };

export function selectKeyPairs(params: URLSearchParams, shown: KeyPairView[]): Selection {
  const filters: { name: string; patterns: RegExp[] }[] = [];
  for (let n = 1; params.has(`Filter.${n}.Name`); n += 1) {
    const name = params.get(`Filter.${n}.Name`)!;
    if (fieldOf(NOTHING, name) === undefined) return "unsupported";
    filters.push({ name, patterns: list(params, `Filter\\.${n}\\.Value`).map(wildcard) });
  }
  const names = list(params, "KeyName");
  const ids = list(params, "KeyPairId");
  const missing = [
    ...names.filter((name) => !shown.some((view) => view.keyName === name)),
    ...ids.filter((id) => !shown.some((view) => view.keyPairId === id)),
  ];
  if (missing.length > 0) return { notFound: missing[0]! };
  const items = shown.filter(
    (view) =>
      (names.length === 0 || names.includes(view.keyName)) &&
      (ids.length === 0 || ids.includes(view.keyPairId)) &&
      filters.every(({ name, patterns }) => (fieldOf(view, name) ?? []).some((value) => patterns.some((pattern) => pattern.test(value)))),
  );
  return { items };
}
