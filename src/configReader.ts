// The one reader every configuration section is read through. It knows how to read a value (an
// integer in a range, one of a few words, a URL, a list), never what a setting means: each section's
// reader (config.ts, auth/, limits/, cloudcontrol/, cache/) checks its own values. Problems are
// collected, one line each, instead of thrown at the first, so a bad deployment is fixed in one round.

/** An environment-like record: process.env in index.ts and lambda.ts, plain records in tests. */
export type Env = Readonly<Record<string, string | undefined>>;

/** What a section's reader may use: typed values, and `problems` to add its own lines to. */
export interface SettingsReader {
  readonly problems: string[];
  /** The value, trimmed; undefined when unset or empty. */
  optional(name: string): string | undefined;
  string(name: string, fallback: string): string;
  integer(name: string, fallback: number, min: number, max: number): number;
  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T;
  /** `on` or `off`; unset is `fallback`. */
  onOff(name: string, fallback: boolean): boolean;
  /** An http or https URL. */
  url(name: string): string | undefined;
  /** Comma-separated entries, trimmed, empty ones dropped; unset is an empty list. */
  list(name: string): string[];
  /** A setting that no longer exists: set at all, it is a problem naming what replaced it. */
  removed(name: string, replacement: string): void;
}

export class Reader implements SettingsReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  optional(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === "" ? undefined : value;
  }

  string(name: string, fallback: string): string {
    return this.optional(name) ?? fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      this.problems.push(`${name} must be an integer from ${min} to ${max}, but is "${value}".`);
      return fallback;
    }
    return parsed;
  }

  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      this.problems.push(`${name} must be one of ${allowed.join(", ")}, but is "${value}".`);
      return fallback;
    }
    return value as T;
  }

  onOff(name: string, fallback: boolean): boolean {
    return this.oneOf(name, fallback ? "on" : "off", ["on", "off"] as const) === "on";
  }

  url(name: string): string | undefined {
    const value = this.optional(name);
    if (value === undefined) return undefined;
    let protocol: string;
    try {
      protocol = new URL(value).protocol;
    } catch {
      protocol = "";
    }
    if (protocol !== "http:" && protocol !== "https:") {
      this.problems.push(`${name} must be an http or https URL, but is "${value}".`);
      return undefined;
    }
    return value;
  }

  list(name: string): string[] {
    return (this.optional(name) ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== "");
  }

  removed(name: string, replacement: string): void {
    if (this.optional(name) !== undefined) this.problems.push(`${name} is no longer read: ${replacement} Unset it.`);
  }
}
