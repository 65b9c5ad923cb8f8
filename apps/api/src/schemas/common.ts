/** Schemas shared by several routes. */
import { Type } from 'typebox';

export const ErrorResponse = Type.Object(
  { statusCode: Type.Integer(), error: Type.String(), message: Type.String() },
  { description: 'Fejlsvar med en dansk forklaring' },
);
