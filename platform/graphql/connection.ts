import { invalidInput } from '../domain/errors.js';

/** Largest page a client may ask for; larger `first` values are refused rather than silently truncated. */
export const MAX_PAGE_SIZE = Number(process.env.MAX_PAGE_SIZE ?? 1000);

/** Decoded paging arguments. */
export interface PageArgs {
  first: number;
  afterId: string | null;
}

const CURSOR_PREFIX = 'c1:';

/** Opaque cursor for an id. */
export function encodeCursor(id: string): string {
  return Buffer.from(`${CURSOR_PREFIX}${id}`, 'utf8').toString('base64url');
}

/** Validates `first` and decodes `after`. */
export function pageArgs(first: number | null | undefined, after: string | null | undefined): PageArgs {
  const size = first ?? 50;
  if (!Number.isInteger(size) || size < 0) throw invalidInput('first', 'must be a non-negative integer');
  if (size > MAX_PAGE_SIZE) throw invalidInput('first', `must be at most ${MAX_PAGE_SIZE}`, { max: MAX_PAGE_SIZE });
  if (after === null || after === undefined || after === '') return { first: size, afterId: null };
  const decoded = Buffer.from(after, 'base64url').toString('utf8');
  if (!decoded.startsWith(CURSOR_PREFIX) || decoded.length > 200) throw invalidInput('after', 'is not a cursor returned by this API');
  return { first: size, afterId: decoded.slice(CURSOR_PREFIX.length) };
}

/** Shapes a page of records as a cursor connection. */
export function toConnection<T extends { id: string }>(page: { rows: T[]; hasNextPage: boolean }) {
  const edges = page.rows.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.length ? (edges[edges.length - 1] as { cursor: string }).cursor : null } };
}
