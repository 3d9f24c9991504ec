import { invalidInput, nextState, requireInt, requireOrderedDates, requireText, type TransitionTable } from '../../../../platform/domain/index.js';
import { optionalDate } from './rules.js';
import type { Project, Task, TaskStatus } from './types.js';
import { requireOpenProject } from './project.js';

/** Task lifecycle (domain model §4.5). "Overdue" is derived from dates, never stored. */
export const TASK_TRANSITIONS: TransitionTable<TaskStatus, 'START' | 'BLOCK' | 'UNBLOCK' | 'COMPLETE' | 'REOPEN' | 'CANCEL'> = {
  START: { from: ['OPEN'], to: 'IN_PROGRESS' },
  BLOCK: { from: ['IN_PROGRESS'], to: 'BLOCKED' },
  UNBLOCK: { from: ['BLOCKED'], to: 'IN_PROGRESS' },
  COMPLETE: { from: ['IN_PROGRESS'], to: 'COMPLETED' },
  REOPEN: { from: ['COMPLETED'], to: 'IN_PROGRESS' },
  CANCEL: { from: ['OPEN', 'IN_PROGRESS', 'BLOCKED'], to: 'CANCELLED' },
};
export type TaskAction = keyof typeof TASK_TRANSITIONS;

// Numeric WBS codes ("1", "1.2", "1.2.3") so that they sort naturally (1.2 before 1.10) in SQL and in code.
const WBS = /^[0-9]{1,6}(?:\.[0-9]{1,6}){0,9}$/;

/** Validates a WBS code: 1 to 10 dot-separated numbers of up to six digits, for example `1.2.3`. */
export function validateWbsCode(value: string): string {
  const code = requireText('wbsCode', value, 69);
  if (!WBS.test(code)) throw invalidInput('wbsCode', 'must be dot-separated numbers such as "1.2.3"');
  return code;
}

/** Natural order of WBS codes: segment by segment, numerically ("1.2" < "1.10" < "2"). */
export function compareWbs(a: string, b: string): number {
  const as = a.split('.').map(Number);
  const bs = b.split('.').map(Number);
  for (let i = 0; i < Math.max(as.length, bs.length); i += 1) {
    const x = as[i];
    const y = bs[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x !== y) return x - y;
  }
  return 0;
}

/** Fields of a new task. */
export interface NewTask {
  projectId: string;
  parentTaskId?: string | null;
  wbsCode: string;
  name: string;
  plannedMinutes?: number | null;
  plannedStart?: string | null;
  plannedEnd?: string | null;
  isBillable?: boolean | null;
}

/**
 * Builds an OPEN task of `project`. The parent, when given, must be a task of the same project (the service loads
 * it; passing null for a given parent id means it does not exist).
 */
export function createTask(id: string, input: NewTask, project: Project, parent: Task | null, now: string): Task {
  requireOpenProject(project, 'tasks cannot be added to closed or cancelled projects');
  if (input.parentTaskId && (!parent || parent.id !== input.parentTaskId || parent.projectId !== project.id)) {
    throw invalidInput('parentTaskId', `must be a task of project ${project.id}`);
  }
  const plannedStart = optionalDate('plannedStart', input.plannedStart);
  const plannedEnd = optionalDate('plannedEnd', input.plannedEnd);
  if (plannedStart && plannedEnd) requireOrderedDates('plannedEnd', plannedStart, plannedEnd);
  return {
    id,
    version: 1,
    projectId: project.id,
    legalEntityId: project.legalEntityId,
    parentTaskId: input.parentTaskId ?? null,
    wbsCode: validateWbsCode(input.wbsCode),
    name: requireText('name', input.name, 200),
    status: 'OPEN',
    plannedMinutes: input.plannedMinutes === null || input.plannedMinutes === undefined ? null : requireInt('plannedMinutes', input.plannedMinutes, 0, 2_000_000_000),
    plannedStart,
    plannedEnd,
    isBillable: input.isBillable ?? true,
    updatedAt: now,
  };
}

/** Applies a lifecycle action to a task. */
export function transitionTask(current: Task, action: TaskAction, now: string): Task {
  const status = nextState('Task', TASK_TRANSITIONS, current.status, action);
  return { ...current, version: current.version + 1, status, updatedAt: now };
}
