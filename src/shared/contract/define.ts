import type { z } from 'zod'

/** One call of the contract: a name, a zod schema for its input, and (as a type) its output. */
export interface CallDef<I extends z.ZodType, O> {
  input: I
  /** phantom: carries the output type, never read at run time */
  output?: O
}

/** Declares a call's output type next to its input schema. */
export function call<O>() {
  return <I extends z.ZodType>(input: I): CallDef<I, O> => ({ input })
}
