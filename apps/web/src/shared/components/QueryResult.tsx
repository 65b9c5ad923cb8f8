/**
 * A query's three states in one place: a status line while the first answer is on its way, an
 * alert with the server's message when it failed, and otherwise the content built from the data.
 * Every page writes these lines the same way (the roles and classes are what screen readers,
 * axe and the end-to-end tests look for), so they are written once here.
 */
import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';

export interface QueryResultProps<T> {
  query: UseQueryResult<T, Error>;
  /** The status line while loading, e.g. "Henter tallene …". */
  loading: string;
  /**
   * What could not be fetched, e.g. "Tallene kunne ikke hentes"; the alert reads "<error>: <the
   * server's message>". Left out, the alert is the message alone (a card too small for a sentence).
   */
  error?: string;
  /** The status line's class: "loading" for a line of its own; a card can keep its value's place and size instead. */
  loadingClassName?: string;
  /** The content, given the data: only called once the answer has come. */
  children: (data: T) => ReactNode;
}

export function QueryResult<T>({ query, loading, error, loadingClassName = 'loading', children }: QueryResultProps<T>): ReactNode {
  if (query.isPending) {
    return (
      <p role="status" className={loadingClassName}>
        {loading}
      </p>
    );
  }
  if (query.isError) {
    // An error wins over data kept from an earlier answer: numbers that may no longer match the
    // filters are not left on screen as if they were current.
    return (
      <p role="alert" className="message message-error">
        {error === undefined ? null : `${error}: `}
        {query.error.message}
      </p>
    );
  }
  return children(query.data);
}
