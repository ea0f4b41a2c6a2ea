// Counts that cannot overflow. A document of a kilobyte can spread a fragment 2^40 times; counted
// as a number it stays finite and exact up to Number.MAX_SAFE_INTEGER, then stops growing there:
// far above every limit, so the request is refused as too large instead of breaking arithmetic.

/** The largest count: every limit is far below it. */
export const COUNT_CAP = Number.MAX_SAFE_INTEGER;

export function saturatingAdd(a: number, b: number): number {
  return Math.min(a + b, COUNT_CAP);
}

export function saturatingMultiply(a: number, b: number): number {
  return Math.min(a * b, COUNT_CAP);
}
