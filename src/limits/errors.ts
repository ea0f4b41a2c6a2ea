// The error every limit refusal carries: BAD_USER_INPUT, naming the measure that was too large and
// the limit, so a client can tell which knob its request hit (`{ code, depth: 14, limit: 10 }`).
import { ErrorCode, GatewayError } from "../errors.js";

/** What was measured: one key of `extensions`. */
export type LimitMeasure = "depth" | "aliases" | "selections" | "fragments" | "repeatedSelections" | "cost" | "documentBytes" | "stringLength" | "cloudControlCalls" | "variableDepth";

export class LimitExceededError extends GatewayError {
  constructor(
    readonly measure: LimitMeasure,
    readonly actual: number,
    readonly limit: number,
    message: string,
  ) {
    super(ErrorCode.BAD_USER_INPUT, message);
  }

  override get extensions(): Record<string, string | number> {
    return { ...super.extensions, [this.measure]: this.actual, limit: this.limit };
  }
}
