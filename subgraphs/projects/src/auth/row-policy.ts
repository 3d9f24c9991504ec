import type { RowPolicy } from '../../../../platform/auth/row-policy.js';

/**
 * Row rules of projects. Delivery data belongs to the legal entity that delivers the project: tasks, milestones,
 * assignments, time and expenses carry their PROJECT's legal entity (a resource may work on a project of another
 * legal entity; the row follows the project, not the employer). Resources belong to their employing legal entity.
 * A caller whose only broad role is consultant sees, of the time and expense entries, only their own resource's.
 *
 * The Account, Opportunity, Contract, Contact and LegalEntity stubs hold nothing but a key here and are not scoped
 * by this subgraph (their owners scope them); the projects they list are, through the Project rule.
 */
export const PROJECTS_ROW_POLICY: RowPolicy = {
  Project: { kind: 'legalEntity', note: 'the delivering legal entity' },
  Task: { kind: 'legalEntity', note: 'the legal entity of its project' },
  Milestone: { kind: 'legalEntity', note: 'the legal entity of its project' },
  Assignment: { kind: 'legalEntity', note: "the legal entity of its project, not the resource's employer" },
  ResourceRequest: { kind: 'legalEntity', note: 'the legal entity of its project' },
  Resource: { kind: 'legalEntity', note: 'the employing legal entity' },
  TimeEntry: { kind: 'legalEntity', ownResource: true, note: "the legal entity of its project, not the resource's employer" },
  ExpenseEntry: { kind: 'legalEntity', ownResource: true, note: "the legal entity of its project, not the resource's employer" },
};
