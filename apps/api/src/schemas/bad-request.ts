/** A client error with a Danish message; the central error handler answers it as a 400. */
export class BadRequestError extends Error {
  readonly statusCode = 400;
}
