/**
 * A client error other than 400 (409 busy, 413 too large, 415 wrong content type …) with a Danish
 * message; the central error handler answers it with its status. 400s use BadRequestError.
 */
export class ClientError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}
