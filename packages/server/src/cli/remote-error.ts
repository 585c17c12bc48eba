import { AppError, type ErrorCode, errorStatus } from '@qiao/core';

export interface RemoteErrorFields {
  code?: string;
  message?: string;
}

/** Both error shapes of the server (REST and /v1) carry `error.code` and `error.message`. */
export async function errorFromResponse(response: Response): Promise<AppError> {
  let fields: RemoteErrorFields = {};
  try {
    fields = ((await response.json()) as { error?: RemoteErrorFields }).error ?? {};
  } catch {
    // not JSON: the status line is all there is
  }
  return errorFromFields({
    ...fields,
    message: fields.message ?? `HTTP ${response.status} ${response.statusText}`,
  });
}

export function errorFromFields(fields: RemoteErrorFields): AppError {
  const code = fields.code && fields.code in errorStatus ? (fields.code as ErrorCode) : 'upstream_error';
  return new AppError(code, fields.message ?? 'The server reported an error');
}
