// module-parts: a dependency module split into modules of one declaration each (or of declarations
// that refer to each other), for the modules a function's INIT uses part of while a lazily loaded
// feature uses another part (decision 0029). esbuild places a module in the chunks of every entry
// whose files reach it, whatever of it each uses: such a module was loaded at INIT whole. Split, each
// part lands with the code that uses it. The module itself becomes `export *` of its parts, which
// esbuild follows to each name's part without loading the module (it declares nothing), so its
// importers are unchanged.
//   - EC2's schemas (schemas_0.js, ~4,200 arrays; pure-sdk-schemas.cjs splits them): INIT held the
//     usage check's describes with the one command it sends (6.9 KB of the read function's INIT);
//   - @smithy/core's date utilities (date-utils.js): the JSON protocol's parsers, for the lazily loaded
//     DynamoDB client, beside the XML protocol's that EC2 uses (1 KB).
// A part runs after the parts it refers to, and parts that refer to each other are one part, in the
// module's order: whatever a declaration reads as the module loads is there, as in the module.
const { readFile } = require("node:fs/promises");
const { basename, dirname, join } = require("node:path");
const { Parser } = require("acorn");
const { guardLoaded, guardPlugin } = require("./guard.cjs");

const fail = (file, what) => {
  throw new Error(`module-parts: ${file}: ${what}; it splits only modules of declarations (build/plugins/module-parts.cjs)`);
};

/** The identifiers a node refers to (not property names, keys or labels). */
function references(node, found = new Map(), parent = undefined, key = undefined) {
  if (Array.isArray(node)) {
    for (const each of node) references(each, found, parent, key);
    return found;
  }
  if (node.type === "Identifier") {
    const named =
      (parent.type === "MemberExpression" && key === "property" && !parent.computed) ||
      (["Property", "MethodDefinition", "PropertyDefinition"].includes(parent.type) && key === "key" && !parent.computed) ||
      ["LabeledStatement", "BreakStatement", "ContinueStatement"].includes(parent.type);
    // A shorthand property ({ a }) is its key and its value: the value refers.
    if (!named || parent.shorthand) found.set(node, node.name);
    return found;
  }
  for (const field in node) {
    const value = node[field];
    if (value !== null && typeof value === "object") references(value, found, node, field);
  }
  return found;
}

const declaredBy = (node, file) => {
  if (node.type === "VariableDeclaration")
    return node.declarations.map((each) => (each.id.type === "Identifier" ? each.id.name : fail(file, "a destructuring declaration")));
  if (node.type === "FunctionDeclaration" || node.type === "ClassDeclaration") return [node.id.name];
  return fail(file, `a top-level ${node.type}`);
};

/** Each group of `edges`' nodes that reach each other (Tarjan), as node indexes. */
function stronglyConnected(edges) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const groupOf = new Map();
  let groups = 0;
  const visit = (node) => {
    index.set(node, index.size);
    low.set(node, index.get(node));
    stack.push(node);
    for (const next of edges[node]) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (!groupOf.has(next)) low.set(node, Math.min(low.get(node), index.get(next)));
    }
    if (low.get(node) !== index.get(node)) return;
    let member;
    do {
      member = stack.pop();
      groupOf.set(member, groups);
    } while (member !== node);
    groups++;
  };
  for (let node = 0; node < edges.length; node++) if (!index.has(node)) visit(node);
  return groupOf;
}

/**
 * `source` (the module `./<name>`) as modules: "" is the module itself (its re-exports, and `export *`
 * of each part), `?part=<name>` a part (named after its first declaration), `?face=<name>` the public
 * names of a part that has others. Its unexported constants (`const X = <literal>`, an SDK schema
 * file's ids) that at most `inline` declarations use are written in those instead of being parts.
 */
function partsOf(source, name, { inline = 0 } = {}) {
  const ast = Parser.parse(source, { ecmaVersion: "latest", sourceType: "module" });
  const text = (node) => source.slice(node.start, node.end);
  const imports = new Map();
  const reexports = [];
  /** Each declaration statement: { node, names, calls: the top-level statements that call a method of it } */
  const units = [];
  const unitOf = new Map();
  const calls = [];
  const publicNames = [];
  for (const node of ast.body) {
    if (node.type === "ImportDeclaration")
      for (const specifier of node.specifiers) {
        const from = text(node.source);
        const local = specifier.local.name;
        const imported = specifier.imported
          ? `{ ${specifier.imported.name === local ? local : `${specifier.imported.name} as ${local}`} }`
          : local;
        imports.set(local, `import ${specifier.type === "ImportNamespaceSpecifier" ? `* as ${local}` : imported} from ${from};`);
      }
    else if (node.type === "ExportAllDeclaration" || (node.type === "ExportNamedDeclaration" && node.source)) reexports.push(text(node));
    else if (node.type === "ExportNamedDeclaration" && !node.declaration)
      for (const specifier of node.specifiers) publicNames.push([specifier.local.name, specifier.exported.name]);
    else if (node.type === "ExpressionStatement" && node.expression.callee?.object?.type === "Identifier")
      calls.push({ node, owner: node.expression.callee.object.name });
    else {
      const declaration = node.type === "ExportNamedDeclaration" ? node.declaration : node;
      const names = declaredBy(declaration, name);
      for (const local of names) unitOf.set(local, units.length);
      units.push({ node: declaration, names, calls: [], exported: node !== declaration });
      if (node !== declaration) for (const local of names) publicNames.push([local, local]);
    }
  }
  for (const { node, owner } of calls) {
    if (!unitOf.has(owner)) fail(name, `a top-level call on ${owner}, which it does not declare`);
    units[unitOf.get(owner)].calls.push(node);
  }
  for (const [local, as] of publicNames) if (!unitOf.has(local)) fail(name, `it exports ${as} without declaring it`);

  // What each unit refers to: other units, imports.
  for (const unit of units) {
    unit.refers = new Map();
    unit.imports = new Set();
    for (const node of [unit.node, ...unit.calls])
      for (const [identifier, local] of references(node)) {
        if (unitOf.has(local) && !unit.names.includes(local)) unit.refers.set(identifier, local);
        else if (imports.has(local)) unit.imports.add(local);
      }
  }
  // Constants (an unexported `const X = <literal>`) that few declarations use are written in their
  // place, rather than be modules that chunks share.
  const users = new Map();
  for (const unit of units) for (const local of new Set(unit.refers.values())) users.set(local, (users.get(local) ?? 0) + 1);
  const constant = (unit) =>
    !unit.exported &&
    unit.node.kind === "const" &&
    unit.names.length === 1 &&
    unit.node.declarations[0].init?.type === "Literal" &&
    !publicNames.some(([local]) => local === unit.names[0]);
  const inlined = new Map(
    units
      .filter((unit) => constant(unit) && (users.get(unit.names[0]) ?? 0) <= inline)
      .map((unit) => [unit.names[0], text(unit.node.declarations[0].init)]),
  );
  for (const unit of units) {
    const written = [...unit.refers].filter(([, local]) => inlined.has(local)).map(([identifier]) => identifier);
    for (const identifier of written) unit.refers.delete(identifier);
    unit.refers = new Set(unit.refers.values());
    unit.text = [unit.node, ...unit.calls]
      .map((node) => {
        let out = "";
        let at = node.start;
        for (const identifier of written
          .filter((each) => each.start >= node.start && each.end <= node.end)
          .sort((a, b) => a.start - b.start)) {
          out += source.slice(at, identifier.start) + inlined.get(identifier.name);
          at = identifier.end;
        }
        return out + source.slice(at, node.end);
      })
      .join("\n");
  }
  const declarations = units.filter((unit) => !inlined.has(unit.names[0]));
  const declarationOf = new Map(declarations.flatMap((unit, at) => unit.names.map((local) => [local, at])));

  const groupOf = stronglyConnected(declarations.map((unit) => [...unit.refers].map((local) => declarationOf.get(local))));
  const groups = new Map();
  for (const [at, unit] of declarations.entries()) groups.set(groupOf.get(at), [...(groups.get(groupOf.get(at)) ?? []), unit]);
  // A part is named after its first declaration (esbuild's metafile, the loading rule's patterns).
  const id = (group) => groups.get(group)[0].names[0];
  const module = (kind, group) => `"./${name}?${kind}=${id(group)}"`;
  const modules = new Map();
  const barrel = [...reexports];
  for (const [group, members] of groups) {
    const locals = members.flatMap((unit) => unit.names);
    const lines = new Set();
    for (const unit of members) for (const local of unit.imports) lines.add(imports.get(local));
    for (const unit of members)
      for (const local of unit.refers) {
        const target = groupOf.get(declarationOf.get(local));
        if (target !== group) lines.add(`import { ${local} } from ${module("part", target)};`);
      }
    modules.set(`?part=${id(group)}`, [...lines, ...members.map((unit) => unit.text), `export { ${locals.join(", ")} };`].join("\n"));
    const exported = publicNames.filter(([local]) => locals.includes(local));
    // The module re-exports only with `export *` (through a named re-export esbuild would load it, and
    // all its parts): a part whose names are all public as themselves whole, any other through a module
    // of its public names.
    if (exported.length === locals.length && exported.every(([local, as]) => local === as))
      barrel.push(`export * from ${module("part", group)};`);
    else if (exported.length) {
      const names = exported.map(([local, as]) => (local === as ? local : `${local} as ${as}`));
      modules.set(`?face=${id(group)}`, `export { ${names.join(", ")} } from ${module("part", group)};`);
      barrel.push(`export * from ${module("face", group)};`);
    }
  }
  modules.set("", barrel.join("\n"));
  return modules;
}

const NAME = "module-parts";
const FILTER = /[\\/]node_modules[\\/]@smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]serde[\\/]date-utils\.js$/;
/** A part's import of another, or a module's of its part (`./<file>?part=<name>`, `?face=<name>`). */
const PART = /^\.\/[\w.-]+\.js\?(?:part|face)=[\w$]+$/;

/**
 * Serves split modules: `load(path)` gives a module's parts (partsOf), once per build. For a plugin
 * that loads the file itself (pure-sdk-schemas, EC2's schemas); `filter` is the files' own.
 */
function serveParts(build, filter, load) {
  const split = new Map();
  build.onResolve({ filter: PART }, (args) => {
    const [file, suffix] = args.path.split("?");
    const path = join(args.resolveDir, file);
    return filter.test(path) ? { path, suffix: `?${suffix}`, sideEffects: false } : undefined;
  });
  return async (args) => {
    if (!split.has(args.path)) split.set(args.path, load(args.path));
    const contents = (await split.get(args.path)).get(args.suffix ?? "");
    if (contents === undefined) throw new Error(`${NAME}: ${args.path} has no part ${args.suffix}`);
    return { contents, loader: "js", resolveDir: dirname(args.path) };
  };
}

const moduleParts = {
  name: NAME,
  setup(build) {
    guardPlugin(NAME, { filter: FILTER });
    const load = async (path) => {
      const bytes = await readFile(path);
      guardLoaded(NAME, path, bytes);
      return partsOf(bytes.toString("utf8"), basename(path));
    };
    build.onLoad({ filter: FILTER }, serveParts(build, FILTER, load));
  },
};

module.exports = { moduleParts, partsOf, serveParts, FILTER };
