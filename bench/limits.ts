// Times the document limits on hostile documents, and graphql-js's validation of the worst
// documents that pass them. Prints tables; records nothing. Not part of `npm test`.
//
//   npx tsc -p tsconfig.json && node dist/bench/limits.js
//   node dist/bench/limits.js --max-selections 1500 --max-fragments 100 --max-repeated 6    # other limits
//
// Validation is timed as the gateway runs it: graphql-js's specifiedRules plus the gateway's rules
// (maxDepthRule, maxAliasesRule), against the gateway's SDL. The figures are CPU milliseconds of a
// warmed-up process, "median (fastest)" of several runs: on a machine shared with other work the
// median carries their noise, the fastest run is close to what a quiet machine shows.
import { parseArgs } from "node:util";
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from "graphql";
import { Kind, Lexer, Source, TokenKind, buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from "graphql";
import { routeResponseExamples } from "../src/ide/index.js";
import { DEFAULT_LIMITS, checkSelections, estimateCost, maxAliasesRule, maxDepthRule } from "../src/limits/index.js";
import type { SelectionLimits } from "../src/limits/index.js";
import { loadTypeDefs } from "../src/server.js";
import { median } from "./report.js";

const { values: flags } = parseArgs({ options: { "max-selections": { type: "string" }, "max-fragments": { type: "string" }, "max-repeated": { type: "string" } } });
const LIMITS: SelectionLimits = {
  maxSelections: Number(flags["max-selections"] ?? DEFAULT_LIMITS.maxSelections),
  maxFragments: Number(flags["max-fragments"] ?? DEFAULT_LIMITS.maxFragments),
  maxRepeatedSelections: Number(flags["max-repeated"] ?? DEFAULT_LIMITS.maxRepeatedSelections),
};
const REPEATS = LIMITS.maxRepeatedSelections;

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/**
 * CPU milliseconds of `run` (this process's user and system time, which other processes on a busy
 * machine inflate less than wall time), as "median (fastest)" of several runs after a warm-up; one
 * run when it is slow.
 */
function time(run: () => unknown): string {
  const once = () => {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  const first = once();
  if (first > 500) return `${ms(first)} ms`;
  const runs = range(first > 50 ? 3 : 15).map(once);
  return `${ms(median(runs))} (${ms(Math.min(...runs))}) ms`;
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));

function tokensOf(source: string): number {
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  while (lexer.advance().kind !== TokenKind.EOF) tokens++;
  return tokens;
}

const fragments = (names: readonly string[], body: (index: number) => string, on = "ResourceRequest"): string =>
  names.map((name, index) => ` fragment ${name} on ${on} { ${body(index)} }`).join("");
const inRequest = (body: string): string => `{ resourceRequest(requestToken: "t") { ${body} } }`;

/** The attacker's fan-out: each fragment spreads the next twice; the last selects a route response read. */
const fanOut = (levels: number): string =>
  inRequest("...F0") + fragments(range(levels + 1).map((i) => `F${i}`), (i) => (i === levels ? "routeResponse { id }" : `...F${i + 1} ...F${i + 1}`));

/**
 * A fragment whose field has a long string argument, and 100 places selecting the same field with
 * another: graphql-js prints both arguments at each place to compare them (a conflict each).
 */
const longStringAtPlaces = (length: number): string =>
  `{ ${range(100).map((i) => `p${i}: resourceRequest(requestToken: "t") { ...F x: node(id: "y") { id } }`).join(" ")} }` +
  fragments(["F"], () => `x: node(id: "${"x".repeat(length)}") { id }`);

/** Documents an attacker sends (the audit's, and their neighbours). */
const HOSTILE: [string, string][] = [
  ["fan-out, 17 levels", fanOut(17)],
  ["fan-out, 24 levels", fanOut(24)],
  ["fan-out, 40 levels", fanOut(40)],
  ["4000 x __typename", `{ a: __typename ${"__typename ".repeat(4000)}}`],
  ["4900 x __typename", `{ a: __typename ${"__typename ".repeat(4900)}}`],
  ["4900 x status", inRequest("status ".repeat(4900))],
  ["550 fragments, one field each, one place", inRequest(range(550).map((i) => `...F${i}`).join(" ")) + fragments(range(550).map((i) => `F${i}`), () => "status")],
  ["fragment of 1000 x status spread at 4 places", `{ ${range(4).map((i) => `p${i}: resourceRequest(requestToken: "t") { ...F }`).join(" ")} }` + fragments(["F"], () => "status ".repeat(1000))],
  ["a 900 KB string argument compared at 100 places", longStringAtPlaces(900_000)],
  ["the same, the string 4096 characters (MAX_STRING_LENGTH)", longStringAtPlaces(4096)],
  ["linear chain of 600 fragments", inRequest("...F0") + fragments(range(601).map((i) => `F${i}`), (i) => (i === 600 ? "status" : `...F${i + 1}`))],
];

/** Families of documents that grow with `k`, to find the largest of each that the limits let through. */
const FAMILIES: [string, (k: number) => string][] = [
  ["groups of same-key __typename", (k) => `{ ${range(k).map((g) => `k${g}: __typename `.repeat(REPEATS)).join("")}}`],
  ["groups of node(id) { id }", (k) => `{ ${range(k).map((g) => `k${g}: node(id: "x") { id } `.repeat(REPEATS)).join("")}}`],
  ["groups of resourceRequest(t) { status }", (k) => `{ ${range(k).map((g) => `k${g}: resourceRequest(requestToken: "t") { status } `.repeat(REPEATS)).join("")}}`],
  [
    "fragments with the same fields at one place",
    (k) => inRequest(range(REPEATS).map((i) => `...F${i}`).join(" ")) + fragments(range(REPEATS).map((i) => `F${i}`), () => range(k).map((j) => `k${j}: status`).join(" ")),
  ],
  ["one-field fragments spread at one place", (k) => inRequest(range(k).map((i) => `...F${i}`).join(" ")) + fragments(range(k).map((i) => `F${i}`), (i) => `k${i}: status`)],
  [
    "fragment with a 50-id argument, conflicting at many places",
    (k) =>
      `{ ${range(k).map((g) => `p${g}: resourceRequest(requestToken: "t") { ...F x: nodes(ids: []) { id } }`).join(" ")} }` +
      fragments(["F"], () => `x: nodes(ids: [${range(50).map((i) => `"${i}"`).join(" ")}]) { id }`),
  ],
  ["linear chain of fragments", (k) => inRequest("...F0") + fragments(range(k + 1).map((i) => `F${i}`), (i) => (i === k ? "status" : `...F${i + 1}`))],
];

/** A list argument nested `levels` deep: two tokens a level, the cheapest nesting in tokens. */
const nested = (levels: number) => `{ a(x: ${"[".repeat(levels)}1${"]".repeat(levels)}) }`;
/** Whether the parser survives `levels` of nesting, or runs out of stack (graphql-js parses recursively). */
function survives(levels: number): boolean {
  try {
    parse(nested(levels), { maxTokens: 10_000_000 });
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}
// Before anything else parses: a cold parser's frames are larger than a warmed-up one's.
const COLD_LEVELS = 2100;
const coldSurvives = survives(COLD_LEVELS);

const schema: GraphQLSchema = buildSchema(loadTypeDefs().join("\n"));
const rules = [...specifiedRules, maxDepthRule(DEFAULT_LIMITS.maxDepth), maxAliasesRule(DEFAULT_LIMITS.maxAliases)];
const operationOf = (document: DocumentNode) => document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
const verdict = (refusal: { extensions: Record<string, unknown> } | undefined) =>
  refusal === undefined ? "passes" : Object.entries(refusal.extensions).filter(([key]) => key !== "code").map(([key, value]) => `${key} ${value}`).join(", ");

function table(header: string[], rows: string[][]): void {
  console.log(`| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|`);
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
  console.log();
}

/** The largest `k` whose document passes checkSelections, whatever MAX_TOKENS (every family grows with k). */
function largestPassing(make: (k: number) => string): number {
  const passes = (k: number) => checkSelections(parse(make(k), { maxTokens: 10_000_000 }), LIMITS) === undefined;
  let low = 0;
  let high = 1;
  while (passes(high)) [low, high] = [high, high * 2];
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (passes(middle)) low = middle;
    else high = middle;
  }
  return low;
}

console.log(`Limits: MAX_SELECTIONS ${LIMITS.maxSelections}, MAX_FRAGMENTS ${LIMITS.maxFragments}, MAX_REPEATED_SELECTIONS ${LIMITS.maxRepeatedSelections}; Node ${process.version}\n`);

console.log("Hostile documents: the checks, and graphql-js's validation they spare (or allow)\n");
table(
  ["document", "bytes", "tokens", "checkSelections", "estimateCost", "maxDepthRule alone", "validate (all rules)"],
  HOSTILE.map(([name, source]) => {
    const document = parse(source, { maxTokens: 10_000_000 });
    const refusal = checkSelections(document, LIMITS);
    const cost = estimateCost(document, operationOf(document), {}, { waitPolls: 10 });
    const depthErrors = validate(schema, document, [maxDepthRule(DEFAULT_LIMITS.maxDepth)]);
    const errors = validate(schema, document, rules);
    return [
      name,
      String(source.length),
      String(tokensOf(source)),
      `${time(() => checkSelections(document, LIMITS))}: ${verdict(refusal)}`,
      `${time(() => estimateCost(document, operationOf(document), {}, { waitPolls: 10 }))}: ${cost}`,
      `${time(() => validate(schema, document, [maxDepthRule(DEFAULT_LIMITS.maxDepth)]))}: ${depthErrors.length === 0 ? "passes" : "refuses"}`,
      `${time(() => validate(schema, document, rules))}, ${errors.length} errors`,
    ];
  }),
);

console.log("The worst documents that pass: each family at its largest size within the limits, whatever MAX_TOKENS\n");
table(
  ["family", "size", "bytes", "tokens", "checkSelections", "validate (all rules)"],
  FAMILIES.map(([name, make]) => {
    const k = largestPassing(make);
    const source = make(k);
    const document = parse(source, { maxTokens: 10_000_000 });
    const errors = validate(schema, document, rules);
    return [name, String(k), String(source.length), String(tokensOf(source)), time(() => checkSelections(document, LIMITS)), `${time(() => validate(schema, document, rules))}, ${errors.length} errors`];
  }),
);

console.log("Realistic documents\n");
const introspection = (options: Parameters<typeof getIntrospectionQuery>[0]) => getIntrospectionQuery(options);
const realistic: [string, string][] = [
  ["GraphiQL's introspection query", introspection({ inputValueDeprecation: false, schemaDescription: false })],
  ["introspection, every option", introspection({ descriptions: true, inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true, directiveIsRepeatable: true, oneOf: true })],
  ...routeResponseExamples().map((example): [string, string] => [`IDE: ${example.name}`, example.query]),
];
table(
  ["document", "tokens", "selections", "most repeated", "checkSelections", "validate (all rules)"],
  realistic.map(([name, source]) => {
    const document = parse(source);
    const unlimited = { maxSelections: Number.MAX_SAFE_INTEGER, maxFragments: Number.MAX_SAFE_INTEGER, maxRepeatedSelections: Number.MAX_SAFE_INTEGER };
    const selections = checkSelections(document, { ...unlimited, maxSelections: 0 })?.actual ?? 0;
    const repeated = checkSelections(document, { ...unlimited, maxRepeatedSelections: 0 })?.actual ?? 0;
    const errors = validate(schema, document, rules);
    return [name, String(tokensOf(source)), String(selections), String(repeated), `${time(() => checkSelections(document, LIMITS))}: ${verdict(checkSelections(document, LIMITS))}`, `${time(() => validate(schema, document, rules))}, ${errors.length} errors`];
  }),
);

console.log("At MAX_TOKENS 1 000 000 (its largest setting): the checks stay linear\n");
const HUGE: [string, string][] = [
  ["fan-out, 90 000 levels", fanOut(90_000)],
  ["linear chain of 100 000 fragments", inRequest("...F0") + fragments(range(100_001).map((i) => `F${i}`), (i) => (i === 100_000 ? "routeResponse { id }" : `...F${i + 1}`))],
  ["300 000 x status", inRequest("status ".repeat(300_000))],
];
table(
  ["document", "tokens", "parse", "checkSelections", "estimateCost", "maxDepthRule alone"],
  HUGE.map(([name, source]) => {
    const document = parse(source, { maxTokens: 1_000_000 });
    return [
      name,
      String(tokensOf(source)),
      time(() => parse(source, { maxTokens: 1_000_000 })),
      `${time(() => checkSelections(document, LIMITS))}: ${verdict(checkSelections(document, LIMITS))}`,
      `${time(() => estimateCost(document, operationOf(document), {}, { waitPolls: 10 }))}: ${estimateCost(document, operationOf(document), {}, { waitPolls: 10 })}`,
      time(() => validate(schema, document, [maxDepthRule(DEFAULT_LIMITS.maxDepth)])),
    ];
  }),
);

console.log("The parser (before any of this; MAX_TOKENS bounds it)\n");
let deepest = 1000;
while (survives(deepest + 50)) deepest += 50;
const flood = HOSTILE.find(([name]) => name === "4900 x __typename")![1];
table(
  ["measure", "value"],
  [
    ["parse, 4900 x __typename (4904 tokens)", time(() => parse(flood))],
    [`the first parse in the process, ${COLD_LEVELS} levels of nested lists (${tokensOf(nested(COLD_LEVELS))} tokens)`, coldSurvives ? "parsed" : "RangeError: out of stack"],
    ["the deepest list nesting the warmed-up parser survives (to 50 levels)", `${deepest} levels, ${tokensOf(nested(deepest))} tokens`],
  ],
);
