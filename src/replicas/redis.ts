// The Redis that replicas share for what must be counted or known across processes: the Cloud
// Control token bucket of each region (sharedBucket.ts) and the automatic persisted queries
// (persistedQueries.ts). One connection per gateway, every call bounded by REDIS_TIMEOUT_MS behind a
// breaker (the cache's, src/cache/breaker.ts): once Redis failed or overran, calls fail at once, so
// callers use their local fallback without waiting, until a PING is answered again.
import { createHash } from "node:crypto";
import { createGuardedRedis } from "../cache/guardedRedis.js";
import { GCRA_SCRIPT } from "./gcra.js";

export interface SharedRedisOptions {
  url: string;
  /** REDIS_TIMEOUT_MS: the longest one call (or the connection attempt) may take. */
  timeoutMs: number;
  /** Prefix of every key, so the gateway can share a Redis with others. */
  namespace?: string;
  /** Redis failed or overran: callers fall back to their local state (reported at most once a minute). */
  onError: (error: unknown) => void;
  /** Redis answers again. */
  onRecovered: () => void;
}

export interface SharedRedis {
  /**
   * Reserves the next token of `bucket` (a GCRA over Redis's clock: one round trip, no lock) and
   * resolves to the milliseconds until the token is due; 0 when it is due now. Rejects when Redis is
   * down, slow, or the breaker is open.
   */
  reserveToken(bucket: string, ratePerSecond: number, burst: number): Promise<number>;
  /** The value under `key`, or undefined. Rejects as reserveToken does. */
  get(key: string): Promise<string | undefined>;
  /** Sets `key` for `ttlSeconds`. */
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

const GCRA_SHA = createHash("sha1").update(GCRA_SCRIPT).digest("hex");

export function createSharedRedis(options: SharedRedisOptions): SharedRedis {
  const { timeoutMs } = options;
  const namespace = options.namespace ?? "routeresponse-gateway";
  const redis = createGuardedRedis({ url: options.url, timeoutMs, onError: options.onError, onRecovered: options.onRecovered, purpose: "shared Redis connection" });
  // The connection is loaded with its first call: read it inside each call, not here.
  const { call } = redis;
  const key = (name: string) => `${namespace}:${name}`;

  return {
    reserveToken(bucket, ratePerSecond, burst) {
      const script = { keys: [key(`pacing:${bucket}`)], arguments: [String(Math.round(1_000_000 / ratePerSecond)), String(burst)] };
      return call(async () => {
        let reply: unknown;
        try {
          reply = await redis.client.evalSha(GCRA_SHA, script);
        } catch (error) {
          // A restarted (or flushed) Redis forgets scripts: send it whole once, then by its SHA again.
          if (!(error instanceof Error && error.message.startsWith("NOSCRIPT"))) throw error;
          reply = await redis.client.eval(GCRA_SCRIPT, script);
        }
        return Number(reply) / 1000;
      });
    },
    get: (name) => call(async () => (await redis.client.get(key(name))) ?? undefined),
    async set(name, value, ttlSeconds) {
      await call(() => redis.client.set(key(name), value, { expiration: { type: "EX", value: ttlSeconds } }));
    },
    async delete(name) {
      await call(() => redis.client.del(key(name)));
    },
    async close() {
      redis.close();
    },
  };
}
