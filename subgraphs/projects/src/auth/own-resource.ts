import { forbiddenAction, type Invocation } from '../../../../platform/domain/index.js';

/**
 * Refuses, with FORBIDDEN, an own-resource-only caller (a consultant) acting on time or expenses of another
 * resource. Callers with a broad role (project manager, executive, …) pass. Called before anything is written.
 */
export function requireOwnResource(inv: Invocation, resourceId: string, what: string): void {
  if (inv.ownResourceOnly && resourceId !== inv.resourceId) {
    throw forbiddenAction(`Not allowed to act on ${what}: you may record and submit only your own time and expenses`, { what });
  }
}
