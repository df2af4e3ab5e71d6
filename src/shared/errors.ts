/** Error codes that cross the contract as data. */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'query_syntax'
  | 'unknown_call'
  | 'disk_full'
  | 'io_error'
  | 'busy'
  | 'read_only'
  | 'damaged'
  | 'schema_too_new'
  | 'locked'
  | 'import_failed'
  | 'internal'

export interface ErrorData {
  code: ErrorCode
  message: string
}

/** An error with a code that tells the caller what kind of failure it was. */
export class WarraqError extends Error {
  override name = 'WarraqError'
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
  }

  toData(): ErrorData {
    return { code: this.code, message: this.message }
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorData }
