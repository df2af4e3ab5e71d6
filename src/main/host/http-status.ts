import type { ErrorCode } from '@shared/errors'

/** HTTP status for an error code of the contract: bad input is the caller's (4xx). */
export function statusFor(code: ErrorCode): number {
  switch (code) {
    case 'invalid_input':
    case 'unknown_call':
    case 'query_syntax':
      return 400
    case 'not_found':
      return 404
    case 'conflict':
      return 409
    case 'locked':
    case 'busy':
      return 423
    case 'disk_full':
      return 507
    case 'damaged':
    case 'schema_too_new':
      // the archive cannot serve this call now; the recovery screen says why
      return 503
    case 'read_only':
      return 403
    case 'unsupported':
      return 501
    default:
      return 500
  }
}
