import type {} from 'vitest';
// Values the vitest global setup hands to test files through provide()/inject().
declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
export {};
