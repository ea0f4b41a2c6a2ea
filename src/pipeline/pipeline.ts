// The one operation pipeline. Every GraphQL operation, whatever door it comes through (HTTP POST or
// GET, a WebSocket, a Lambda event), passes these steps in this order:
//
//   1. admitCaller      the Host (against DNS rebinding), a browser's simple request from another
//                       site (against CSRF), then the credentials: who is calling
//   2. admitOperation   parsing with the token limit, the operation and the caller's scope for it,
//                       the document's size, the selection bounds, the variables' nesting and the
//                       longest string, then validation (graphql-js's rules and the gateway's
//                       depth, alias and introspection rules), whether the door can carry the
//                       operation, and the estimated Cloud Control cost
//   3. openSubscription the caps on live subscriptions per connection and per caller
//   4. formatError      masking of AWS details and of anything unexpected, and (INTROSPECTION=off)
//                       graphql-js's "Did you mean ...?" suggestions, which name the schema's types,
//                       fields and arguments
//   5. record           one log record and the operation metrics, with what an operator must act
//                       on (the context notes it as Cloud Control calls fail, on every door)
//
// Doors only translate their transport into these calls. They cannot skip step 2: the context that
// resolvers get is made here with a call budget of zero and a closed progress feed, and only
// admitOperation opens them, so an operation that did not pass every check makes no Cloud Control
// call, whatever a door forgets.
import { LRUCache } from "lru-cache";
import { GraphQLError, NoSchemaIntrospectionCustomRule, getOperationAST, parse, specifiedRules, validate } from "graphql";
import type { DocumentNode, GraphQLFormattedError, GraphQLSchema, OperationDefinitionNode, ValidationRule } from "graphql";
import { randomUUID } from "node:crypto";
import type { Authenticator, HeaderValues, ScopeNames } from "../auth/index.js";
import { AuthenticationError, credentialsFromHeaders, presentsCredentials, scopeRefusal, single } from "../auth/index.js";
import type { OperationType } from "../auth/index.js";
import type { ContextCaller, Door, GatewayContext } from "../context.js";
import { ErrorCode, GatewayError } from "../errors.js";
import type { CallBudget, CostOptions, LimitsConfig } from "../limits/index.js";
import { LimitExceededError, checkSelections, createCallBudget, checkVariableDepth, estimateCost, longestLiteral, longestVariable, maxAliasesRule, maxDepthRule } from "../limits/index.js";
import type { Logger } from "../observability/logger.js";
import type { Metrics } from "../observability/metrics.js";
import type { CrossSiteCheck } from "./crossSite.js";
import type { HostCheck } from "./hostCheck.js";
import { Refusal, RequestCode, forbidden } from "./refusal.js";

export type { Door };

/** Who is calling, once step 1 passed. */
export type Caller = ContextCaller;

/** What a door knows about a caller before step 1. */
export interface CallerRequest {
  headers: HeaderValues;
  door: Door;
  /** The HTTP method; none for a WebSocket. */
  method?: string | undefined;
  requestId?: string | undefined;
  /**
   * The client's address (the socket's peer, a Lambda event's source IP). With authentication off,
   * every caller is the same anonymous principal: the address tells them apart, so the caps on
   * subscriptions per caller and the pacer's lane per caller are per client instead of shared by all.
   */
  address?: string | undefined;
}

/** What a door knows about an operation it received. */
export interface OperationRequest {
  /** The document's text (for a persisted query, the text the hash named). */
  source: string;
  /** Set when the door's GraphQL server parsed the source already (with the same limits). */
  document?: DocumentNode;
  operationName?: string | null | undefined;
  variables?: Readonly<Record<string, unknown>> | null | undefined;
  /** Whether the door can stream results; a subscription through one that cannot is refused. */
  streams: boolean;
}

export interface AdmittedOperation {
  readonly document: DocumentNode;
  /** Undefined when the document names no runnable operation (the door answers that itself). */
  readonly operation: OperationDefinitionNode | undefined;
}

export interface SubscriptionCaps {
  /** MAX_SUBSCRIPTIONS_PER_CONNECTION: live subscriptions one WebSocket may hold. */
  perConnection: number;
  /** MAX_SUBSCRIPTIONS_PER_CALLER: live subscriptions one principal (with authentication off, one client address) may hold, all connections together. */
  perCaller: number;
}

/** The outcome of one operation, for the log and the metrics. */
export interface OperationRecord {
  operationName: string | null | undefined;
  operationType: string | undefined;
  /** Whether resolvers ran. */
  executed: boolean;
  /** The codes of the errors it answered, in order. */
  codes: readonly string[];
  /** From process.hrtime.bigint() when the door received it. */
  startedAt: bigint;
}

export interface PipelineOptions {
  authenticator: Authenticator;
  hostCheck: HostCheck;
  crossSiteCheck: CrossSiteCheck;
  scopes: ScopeNames;
  limits: LimitsConfig;
  cost: CostOptions;
  /** INTROSPECTION */
  introspection: boolean;
  /** The executable schema (Apollo builds it at start). */
  schema: () => GraphQLSchema;
  /** Makes a context for a caller, spending from `budget`. */
  createContext: (caller: Caller, budget: CallBudget, isAdmitted: () => boolean) => GatewayContext;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  subscriptions: SubscriptionCaps;
  log: Logger;
  metrics: Metrics;
}

export interface OperationPipeline {
  /** The parser's options, for a GraphQL server that parses before handing the document over. */
  readonly parseOptions: { maxTokens: number };
  /**
   * Step 1. Throws a Refusal: 403 for a foreign Host or a browser's simple request from another
   * site, 401 for missing or refused credentials. `method` is the HTTP method (none for a WebSocket).
   */
  admitCaller(request: CallerRequest): Promise<Caller>;
  /** The executable schema the operations run against. */
  schema(): GraphQLSchema;
  /** Throws the FORBIDDEN refusal when the caller lacks the scope an operation type needs. */
  requireScope(caller: Caller, type: OperationType): void;
  /** A context for the caller: it can make no Cloud Control call until admitOperation passes. */
  createContext(caller: Caller): GatewayContext;
  /** Step 2. Opens the context's budget, or throws a Refusal. */
  admitOperation(context: GatewayContext, request: OperationRequest): AdmittedOperation;
  /** Step 3. A release function, or a Refusal when a cap is reached. `connection` is the socket (or undefined). */
  openSubscription(context: GatewayContext, connection: object | undefined): () => void;
  /** Step 4. */
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  /** Step 5. */
  record(context: GatewayContext, record: OperationRecord): void;
  /** Refusal -> the GraphQL error a door sends (the formatter keeps its public extensions). */
  toGraphQLError(refusal: Refusal): GraphQLError;
}

/** Where a subscription that came through a door that cannot stream should go instead. */
export function streamingRequired(door: Door): Refusal {
  const ways =
    "with Accept: text/event-stream (GraphQL over SSE, the graphql-sse client), with Accept: multipart/mixed;subscriptionSpec=1.0 (Apollo Client's HttpLink), or over a WebSocket on the same URL (ws:// or wss://, graphql-ws's graphql-transport-ws protocol)";
  const message =
    door === "lambda"
      ? `Subscriptions stream their events and this Lambda function cannot stream: subscribe on a gateway server (the container, or node dist/src/index.js) ${ways}.`
      : `Subscriptions stream their events: send this request again ${ways}.`;
  return new Refusal(ErrorCode.STREAMING_TRANSPORT_REQUIRED, message, { status: 400 });
}

/** RFC 6750, section 3: the scheme, and `invalid_token` when credentials were sent but refused. */
function challenge(presented: boolean): string {
  return presented ? 'Bearer realm="graphql", error="invalid_token"' : 'Bearer realm="graphql"';
}

const OPERATION_TYPES: ReadonlySet<string> = new Set(["query", "mutation", "subscription"]);

/** graphql-js's suggestion at the end of a validation or coercion message ("Did you mean \"X\"?"). */
const SUGGESTION = / ?Did you mean .+\?$/s;

/**
 * A message without graphql-js's suggestion: with introspection off, `Unknown type "Inpu". Did you
 * mean "Input"?` would name the schema's types, fields and arguments one guess at a time.
 */
function withoutSuggestion(message: string): string {
  return message.replace(SUGGESTION, "");
}

/** Validation results of documents seen before (they depend on the text and the schema only), bounded by text size. */
const VALIDATED_CACHE_BYTES = 8 * 1024 * 1024;

export function createOperationPipeline(options: PipelineOptions): OperationPipeline {
  const { limits, scopes } = options;
  const parseOptions = { maxTokens: limits.maxTokens };
  const rules: ValidationRule[] = [
    ...specifiedRules,
    maxDepthRule(limits.maxDepth),
    maxAliasesRule(limits.maxAliases),
    ...(options.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
  const hideSchema = options.introspection ? (message: string) => message : withoutSuggestion;
  const validated = new LRUCache<string, readonly GraphQLError[]>({ maxSize: VALIDATED_CACHE_BYTES, sizeCalculation: (_value, key) => Math.max(1, key.length) });
  // The budgets of admitted operations: a budget, and its context's progress feed, is open while it
  // is in here. Keyed by the budget, not the context: GraphQL servers copy the context object
  // (Apollo clones it shallowly), and the budget is the one member every copy shares.
  const admitted = new WeakSet<CallBudget>();
  const perConnection = new WeakMap<object, number>();
  const perCaller = new Map<string, number>();

  // What the checks find in a parsed document alone, kept with it: Apollo hands every request with a
  // source it has seen the same document object (its document store), so these walks run once per
  // document, as validation does. The cost is kept per operation only when it declares no variables:
  // then no value in the request can change it (validation refuses undeclared variables first).
  const documentFindings = new WeakMap<DocumentNode, { tooLarge: LimitExceededError | undefined; longestLiteral: number }>();
  const constantCosts = new WeakMap<OperationDefinitionNode, number>();

  function findingsOf(document: DocumentNode) {
    let findings = documentFindings.get(document);
    if (findings === undefined) {
      findings = { tooLarge: checkSelections(document, limits), longestLiteral: longestLiteral(document) };
      documentFindings.set(document, findings);
    }
    return findings;
  }

  function costOf(document: DocumentNode, operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>> | undefined): number {
    if ((operation.variableDefinitions?.length ?? 0) > 0) return estimateCost(document, operation, variables, options.cost);
    let cost = constantCosts.get(operation);
    if (cost === undefined) {
      cost = estimateCost(document, operation, undefined, options.cost);
      constantCosts.set(operation, cost);
    }
    return cost;
  }

  function validationErrors(source: string, document: DocumentNode): readonly GraphQLError[] {
    let errors = validated.get(source);
    if (errors === undefined) {
      errors = validate(options.schema(), document, rules);
      if (source.length <= VALIDATED_CACHE_BYTES / 8) validated.set(source, errors);
    }
    return errors;
  }

  function refuseLimit(error: LimitExceededError): never {
    throw Refusal.of(error, 400);
  }

  function requireScope(caller: Caller, type: OperationType): void {
    const problem = scopeRefusal(caller.principal, type, scopes);
    if (problem !== undefined) throw forbidden(problem);
  }

  return {
    parseOptions,
    schema: options.schema,
    requireScope,

    async admitCaller(request) {
      const requestId = request.requestId ?? randomUUID();
      const foreignHost = options.hostCheck(single(request.headers.host));
      if (foreignHost !== undefined) throw forbidden(foreignHost);
      const crossSite = options.crossSiteCheck({ method: request.method, headers: request.headers });
      if (crossSite !== undefined) throw crossSite;
      const credentials = credentialsFromHeaders(request.headers);
      try {
        const principal = await options.authenticator.authenticate(credentials);
        // The one place a caller's identity is made: everything keyed by it (the subscription caps,
        // the pacer's lanes) then keys anonymous callers by their address.
        const anonymous = principal.via === "anonymous" && request.address !== undefined;
        return { principal: anonymous ? { ...principal, subject: `${principal.subject}@${request.address}` } : principal, requestId, door: request.door };
      } catch (error) {
        // Anything but our own refusal (a JWKS fetch that failed, say) is still a refusal: the
        // details go nowhere near the caller.
        const message = error instanceof AuthenticationError ? error.message : "The credentials could not be verified.";
        throw new Refusal(ErrorCode.UNAUTHENTICATED, message, { status: 401, headers: { "www-authenticate": challenge(presentsCredentials(credentials)) } });
      }
    },

    createContext(caller) {
      const isAdmitted = () => admitted.has(budget);
      const budget: CallBudget = createCallBudget(limits.maxCost, isAdmitted);
      return options.createContext(caller, budget, isAdmitted);
    },

    admitOperation(context, request) {
      const { source } = request;
      // Parsing first, as a GraphQL server that parses before handing over does: the token limit
      // bounds its work whatever the size, and every door then answers the same document alike.
      let document = request.document;
      if (document === undefined) {
        try {
          document = parse(source, parseOptions);
        } catch (error) {
          const parseError = error instanceof GraphQLError ? error : new GraphQLError(String(error));
          throw new Refusal(RequestCode.GRAPHQL_PARSE_FAILED, parseError.message, { status: 400, locations: parseError.locations });
        }
      }
      // The operation (found syntactically: no validation needed) and the caller's scope next: a
      // caller without the scope learns nothing about the document and costs no validation.
      const operation = getOperationAST(document, request.operationName) ?? undefined;
      if (operation !== undefined) requireScope(context, operation.operation as OperationType);
      const bytes = Buffer.byteLength(source, "utf8");
      if (bytes > limits.maxDocumentBytes) {
        refuseLimit(new LimitExceededError("documentBytes", bytes, limits.maxDocumentBytes, `The document is ${bytes} bytes; the limit is ${limits.maxDocumentBytes}.`));
      }
      // Before graphql-js's validation, whose overlapping-fields rule is quadratic in what it is
      // given: the selection bounds, and the longest string (a long argument compared at many
      // places costs as much as many fields).
      const findings = findingsOf(document);
      if (findings.tooLarge !== undefined) refuseLimit(findings.tooLarge);
      const tooDeep = checkVariableDepth(request.variables);
      if (tooDeep !== undefined) refuseLimit(tooDeep);
      const longest = Math.max(findings.longestLiteral, longestVariable(request.variables ?? undefined));
      if (longest > limits.maxStringLength) {
        const message = `A string argument or variable is ${longest} characters long; the limit is ${limits.maxStringLength}.`;
        refuseLimit(new LimitExceededError("stringLength", longest, limits.maxStringLength, message));
      }
      const [invalid] = validationErrors(source, document);
      if (invalid !== undefined) {
        const original = invalid.originalError;
        if (original instanceof LimitExceededError) refuseLimit(original);
        throw new Refusal(RequestCode.GRAPHQL_VALIDATION_FAILED, hideSchema(invalid.message), { status: 400, locations: invalid.locations });
      }
      if (operation === undefined) return { document, operation };
      const type = operation.operation as OperationType;
      if (type === "subscription" && !request.streams) throw streamingRequired(context.door);
      const cost = costOf(document, operation, request.variables ?? undefined);
      if (cost > limits.maxCost) {
        const message = `This operation may cause ${cost} Cloud Control calls; the limit is ${limits.maxCost}. Ask for fewer items (first, ids) or fields, or split it.`;
        refuseLimit(new LimitExceededError("cost", cost, limits.maxCost, message));
      }
      admitted.add(context.callBudget);
      return { document, operation };
    },

    openSubscription(context, connection) {
      if (!admitted.has(context.callBudget)) throw new GatewayError(ErrorCode.INTERNAL_SERVER_ERROR, "A subscription was opened for an operation the pipeline did not admit.");
      const caps = options.subscriptions;
      const onConnection = connection === undefined ? 0 : (perConnection.get(connection) ?? 0);
      if (connection !== undefined && onConnection >= caps.perConnection) {
        throw new Refusal(ErrorCode.BAD_USER_INPUT, `This connection holds ${onConnection} subscriptions, the most one may (MAX_SUBSCRIPTIONS_PER_CONNECTION): complete one first.`, {
          status: 429,
          extensions: { subscriptions: onConnection, limit: caps.perConnection },
        });
      }
      const key = `${context.principal.via}:${context.principal.subject}`;
      const ofCaller = perCaller.get(key) ?? 0;
      if (ofCaller >= caps.perCaller) {
        const holder = context.principal.via === "anonymous" ? "This client address holds" : "These credentials hold";
        throw new Refusal(ErrorCode.BAD_USER_INPUT, `${holder} ${ofCaller} subscriptions, the most one caller may (MAX_SUBSCRIPTIONS_PER_CALLER): complete one first.`, {
          status: 429,
          extensions: { subscriptions: ofCaller, limit: caps.perCaller },
        });
      }
      if (connection !== undefined) perConnection.set(connection, onConnection + 1);
      perCaller.set(key, ofCaller + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (connection !== undefined) perConnection.set(connection, Math.max(0, (perConnection.get(connection) ?? 1) - 1));
        const left = (perCaller.get(key) ?? 1) - 1;
        if (left > 0) perCaller.set(key, left);
        else perCaller.delete(key);
      };
    },

    formatError(formatted, error) {
      // Every door formats through here (Apollo's too): variable coercion, which runs after
      // validation, suggests input fields and enum values as well.
      const shown = options.formatError(formatted, error);
      const message = hideSchema(shown.message);
      return message === shown.message ? shown : { ...shown, message };
    },

    record(context, record) {
      context.end();
      const seconds = Number(process.hrtime.bigint() - record.startedAt) / 1e9;
      const type = record.operationType !== undefined && OPERATION_TYPES.has(record.operationType) ? record.operationType : "unknown";
      const outcome = !record.executed ? "rejected" : record.codes.length > 0 ? "error" : "ok";
      options.metrics.graphqlOperations.inc({ type, outcome });
      if (record.executed) options.metrics.graphqlDuration.observe({ type }, seconds);
      // What an operator must act on, which the context noted as its calls failed: the record is then a warning carrying it.
      const problems = [...context.operatorProblems];
      options.log[problems.length > 0 ? "warn" : "info"](
        {
          ...(problems.length > 0 ? { problems } : {}),
          requestId: context.requestId,
          door: context.door,
          operationName: record.operationName?.slice(0, 100) ?? null,
          operationType: type,
          principal: context.principal.subject,
          via: context.principal.via,
          durationMs: Math.round(seconds * 1000),
          cloudControlCalls: context.callBudget.used,
          outcome,
          errorCodes: [...new Set(record.codes)],
        },
        "graphql operation",
      );
    },

    toGraphQLError(refusal) {
      return new GraphQLError(refusal.message, {
        originalError: refusal,
        extensions: { ...refusal.extensions, http: { status: refusal.status, headers: new Map(Object.entries(refusal.headers)) } },
      });
    },
  };
}
