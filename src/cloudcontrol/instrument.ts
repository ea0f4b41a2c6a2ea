// Middleware every Cloud Control client gets: the optional role Cloud Control assumes for resource
// handler calls (CLOUDCONTROL_ROLE_ARN), the endpoint named on errors (endpoint.ts), and the
// observer that feeds the metrics. Kept here so the
// SDK stays inside cloudcontrol/; the observer interface knows nothing of Prometheus.
import type { CloudControlClient } from "@aws-sdk/client-cloudcontrol";
import { scopeOf, scoped } from "./callScope.js";
import { nameEndpointOnErrors } from "./endpoint.js";

export interface CloudControlObserver {
  /** One call, retries included. `outcome` is `ok` or the AWS error name. */
  callEnded(operation: string, outcome: string, seconds: number, attempts: number): void;
  /** One failed attempt; a throttled attempt reports ThrottlingException here even when a retry succeeds. */
  attemptFailed(operation: string, errorName: string): void;
}

export interface InstrumentOptions {
  roleArn?: string | undefined;
  observer?: CloudControlObserver | undefined;
}

/**
 * The operations whose input has RoleArn (the AWS API reference): the three writes, GetResource and
 * ListResources. Request status calls have none: they only read what an earlier call started.
 */
const ROLE_ARN_OPERATIONS: ReadonlySet<string> = new Set(["CreateResource", "UpdateResource", "DeleteResource", "GetResource", "ListResources"]);

const operationOf = (commandName: string | undefined): string => (commandName ?? "Unknown").replace(/Command$/, "");

/** Error names become label values: only well-formed names, so an odd answer cannot mint series. */
function outcomeOf(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === "string" && /^[A-Za-z][A-Za-z0-9]{0,63}$/.test(name) ? name : "Error";
}

const attemptsOf = (value: unknown): number => {
  const attempts = (value as { $metadata?: { attempts?: unknown } } | null)?.$metadata?.attempts;
  return typeof attempts === "number" && attempts >= 1 ? attempts : 1;
};

export function instrumentClient(client: CloudControlClient, options: InstrumentOptions): void {
  const { roleArn, observer } = options;
  if (roleArn !== undefined) {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (ROLE_ARN_OPERATIONS.has(operationOf(context.commandName))) {
          const input = args.input as Record<string, unknown>;
          // A new input keeps the call's scope (its signal) for the steps after this one.
          if (input.RoleArn === undefined) args = { ...args, input: scoped({ ...input, RoleArn: roleArn }, scopeOf(args) ?? {}) as typeof args.input };
        }
        return next(args);
      },
      { step: "initialize", name: "gatewayRoleArn", priority: "high" },
    );
  }
  nameEndpointOnErrors(client);
  if (observer === undefined) return;
  // Outside the retry middleware: one observation per call, with the attempts it took.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = operationOf(context.commandName);
      const started = process.hrtime.bigint();
      const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
      try {
        const result = await next(args);
        observer.callEnded(operation, "ok", seconds(), attemptsOf(result.output));
        return result;
      } catch (error) {
        observer.callEnded(operation, outcomeOf(error), seconds(), attemptsOf(error));
        throw error;
      }
    },
    { step: "initialize", name: "gatewayCallMetrics", priority: "low" },
  );
  // Inside the retry middleware (the deserialize step runs once per attempt): every failed attempt.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        observer.attemptFailed(operationOf(context.commandName), outcomeOf(error));
        throw error;
      }
    },
    { step: "deserialize", name: "gatewayAttemptMetrics", priority: "high" },
  );
}
