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
  /** the host cannot do this (a desktop-only call in the browser host) */
  | 'unsupported'
  | 'internal'

/** Values a message may interpolate: numbers are formatted and pluralised by the interface. */
export type MessageParams = Record<string, string | number>

/**
 * A message the interface shows from its catalogue: a dotted key (`query.unclosed_quote`,
 * `import.binary_file`) and its parameters. The English `message` beside it is for the CLI and
 * logs; the interface never shows it when it knows the key.
 */
export interface MessageRef {
  key: string
  params?: MessageParams
}

export interface ErrorData {
  code: ErrorCode
  message: string
  /** the catalogue key of this particular failure, finer than `code` */
  key?: string
  params?: MessageParams
}

/** An error with a code that tells the caller what kind of failure it was. */
export class WarraqError extends Error {
  override name = 'WarraqError'
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: MessageRef
  ) {
    super(message)
  }

  toData(): ErrorData {
    const data: ErrorData = { code: this.code, message: this.message }
    if (this.detail) {
      data.key = this.detail.key
      if (this.detail.params) data.params = this.detail.params
    }
    return data
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorData }
