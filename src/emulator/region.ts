// One region's world: its resources, its resource requests and its client tokens. Regions never
// share anything, as in AWS, where the region of the endpoint and the credential scope select it.
//
// Writes finish lazily: a request records when it is due, and every call into the region first
// settles what is due, in the order the requests were made. This keeps the emulator free of timers
// (nothing to leak, nothing to race) while every caller sees a request finish at its due time.
import { randomInt, randomUUID } from "node:crypto";
import { RESOURCE_TYPES, identifierOf } from "./resourceTypes/index.js";
import type { HandlerContext, HandlerErrorCode, HandlerFailure, Properties, ResourceType } from "./resourceTypes/index.js";

export type WriteOperation = "CREATE" | "UPDATE" | "DELETE";
export type OperationStatus = "PENDING" | "IN_PROGRESS" | "SUCCESS" | "FAILED" | "CANCEL_IN_PROGRESS" | "CANCEL_COMPLETE";

/** Requests are forgotten 7 days after they were made (reference §2). */
export const REQUEST_LIFETIME_MS = 7 * 24 * 3600 * 1000;
/** Client tokens are honoured for 36 hours once used (reference §2). */
export const CLIENT_TOKEN_LIFETIME_MS = 36 * 3600 * 1000;

export interface ResourceRequest {
  readonly token: string;
  readonly type: ResourceType;
  readonly operation: WriteOperation;
  /** Known from the start, even for creates, whose events reveal it only once finished. */
  readonly identifier: string;
  /** The model the request will write (create, update); absent for deletes. */
  readonly model?: Properties;
  readonly startedAt: number;
  readonly dueAt: number;
  readonly seq: number;
  readonly forcedFailure?: HandlerFailure;
  status: OperationStatus;
  eventTime: number;
  errorCode?: HandlerErrorCode;
  statusMessage?: string;
}

interface StoredResource {
  properties: Properties;
  seq: number;
}

interface UsedClientToken {
  fingerprint: string;
  requestToken: string;
  usedAt: number;
}

const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** Emulator options the type handlers see. */
export interface HandlerOptions {
  accountId: string;
  lenientRouteResponseKeys: boolean;
}

export class Region {
  readonly name: string;
  private readonly options: HandlerOptions;
  private readonly resources = new Map<string, Map<string, StoredResource>>();
  private readonly requests = new Map<string, ResourceRequest>();
  private readonly clientTokens = new Map<string, UsedClientToken>();
  private seq = 0;

  constructor(name: string, options: HandlerOptions) {
    this.name = name;
    this.options = options;
  }

  /** What the type handlers see of this region. */
  context(): HandlerContext {
    return {
      resources: { find: (typeName, identifier) => this.find(typeName, identifier), all: (typeName) => this.all(typeName) },
      region: this.name,
      accountId: this.options.accountId,
      newId: (length) => this.newId(length),
      lenientRouteResponseKeys: this.options.lenientRouteResponseKeys,
    };
  }

  private newId(length: number): string {
    let id = "";
    for (let i = 0; i < length; i++) id += ID_ALPHABET.charAt(randomInt(ID_ALPHABET.length));
    return id;
  }

  find(typeName: string, identifier: string): Properties | undefined {
    return this.resources.get(typeName)?.get(identifier)?.properties;
  }

  /** Resources of a type in creation order (list pages depend on it being stable). */
  all(typeName: string): Properties[] {
    return this.entries(typeName).map((r) => r.properties);
  }

  entries(typeName: string): StoredResource[] {
    return [...(this.resources.get(typeName)?.values() ?? [])].sort((a, b) => a.seq - b.seq);
  }

  put(type: ResourceType, properties: Properties, seq?: number): void {
    const identifier = identifierOf(type, properties);
    let byId = this.resources.get(type.typeName);
    if (!byId) this.resources.set(type.typeName, (byId = new Map()));
    byId.set(identifier, { properties, seq: seq ?? byId.get(identifier)?.seq ?? ++this.seq });
  }

  /** Removes a resource and, as API Gateway does, everything that lives under it. */
  remove(type: ResourceType, identifier: string): void {
    const gone = this.resources.get(type.typeName)?.get(identifier);
    if (!gone) return;
    this.resources.get(type.typeName)?.delete(identifier);
    for (const dependent of type.dependents) {
      const childType = RESOURCE_TYPES.get(dependent.typeName);
      const children = this.resources.get(dependent.typeName);
      if (!childType || !children) continue;
      for (const [childId, child] of [...children]) {
        if (dependent.keys.every((key) => child.properties[key] === gone.properties[key])) this.remove(childType, childId);
      }
    }
  }

  /** A write of this resource that has not finished yet, if any. */
  inFlightWrite(typeName: string, identifier: string): ResourceRequest | undefined {
    for (const request of this.requests.values()) {
      if (request.type.typeName === typeName && request.identifier === identifier && !isTerminal(request.status)) return request;
    }
    return undefined;
  }

  startWrite(init: Omit<ResourceRequest, "token" | "seq" | "status" | "eventTime">): ResourceRequest {
    const request: ResourceRequest = { ...init, token: randomUUID(), seq: ++this.seq, status: "IN_PROGRESS", eventTime: init.startedAt };
    this.requests.set(request.token, request);
    return request;
  }

  /** Records a CREATE that already finished with SUCCESS at `at`, for a seeded resource. */
  recordFinishedCreate(type: ResourceType, model: Properties, token: string, at: number): void {
    const identifier = identifierOf(type, model);
    this.requests.set(token, { token, type, operation: "CREATE", identifier, model, startedAt: at, dueAt: at, seq: ++this.seq, status: "SUCCESS", eventTime: at });
  }

  request(token: string): ResourceRequest | undefined {
    return this.requests.get(token);
  }

  /** Requests newest first. */
  allRequests(): ResourceRequest[] {
    return [...this.requests.values()].sort((a, b) => b.seq - a.seq);
  }

  usedClientToken(token: string): UsedClientToken | undefined {
    return this.clientTokens.get(token);
  }

  rememberClientToken(token: string, fingerprint: string, requestToken: string, now: number): void {
    this.clientTokens.set(token, { fingerprint, requestToken, usedAt: now });
  }

  cancel(request: ResourceRequest, now: number): void {
    request.status = "CANCEL_COMPLETE";
    request.eventTime = now;
  }

  /** Finishes every request that is due by `now`, in the order they were made, and forgets expired ones. */
  settle(now: number): void {
    const due = [...this.requests.values()].filter((r) => r.status === "IN_PROGRESS" && r.dueAt <= now).sort((a, b) => a.seq - b.seq);
    for (const request of due) this.finish(request);
    for (const [token, request] of this.requests) {
      if (now - request.startedAt > REQUEST_LIFETIME_MS) this.requests.delete(token);
    }
    for (const [token, used] of this.clientTokens) {
      if (now - used.usedAt > CLIENT_TOKEN_LIFETIME_MS) this.clientTokens.delete(token);
    }
  }

  private finish(request: ResourceRequest): void {
    request.eventTime = request.dueAt;
    const failure = request.forcedFailure ?? this.runHandler(request);
    if (failure) {
      request.status = "FAILED";
      request.errorCode = failure.errorCode;
      request.statusMessage = failure.message;
    } else {
      request.status = "SUCCESS";
    }
  }

  /** The handler's work when a request finishes: checks against the world as it is then, and the change. */
  private runHandler(request: ResourceRequest): HandlerFailure | undefined {
    const { type, identifier } = request;
    const current = this.find(type.typeName, identifier);
    const ctx = this.context();
    switch (request.operation) {
      case "CREATE": {
        const model = request.model ?? {};
        if (current) return { errorCode: "AlreadyExists", message: `Resource of type '${type.typeName}' with identifier '${identifier}' already exists.` };
        const failure = type.checkCreate(model, ctx);
        if (failure) return failure;
        this.put(type, model);
        return undefined;
      }
      case "UPDATE": {
        if (!current) return notFound(type, identifier);
        const model = request.model ?? current;
        const failure = type.checkUpdate(model, current, ctx);
        if (failure) return failure;
        this.put(type, model);
        return undefined;
      }
      case "DELETE":
        if (!current) return notFound(type, identifier);
        this.remove(type, identifier);
        return undefined;
    }
  }
}

export function isTerminal(status: OperationStatus): boolean {
  return status === "SUCCESS" || status === "FAILED" || status === "CANCEL_COMPLETE";
}

function notFound(type: ResourceType, identifier: string): HandlerFailure {
  return { errorCode: "NotFound", message: `Resource of type '${type.typeName}' with identifier '${identifier}' was not found.` };
}
