import type { BaseContext } from '../../../../platform/server/subgraph-schema.js';
import type { ProjectsRepository } from '../repository/port.js';
import type { ProjectsService } from '../service/projects-service.js';
import type { ProjectsLoaders } from './loaders.js';

/** Per-request context of the projects subgraph: the caller (principal, invocation) and what serves them. */
export interface ProjectsContext extends BaseContext {
  loaders: ProjectsLoaders;
  service: ProjectsService;
  repo: ProjectsRepository;
}
