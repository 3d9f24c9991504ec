import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  getNamedType, getNullableType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isObjectType, isScalarType,
  type GraphQLField, type GraphQLInputType, type GraphQLObjectType, type GraphQLSchema,
} from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { readFileSync } from 'node:fs';
import { signInternalToken } from '../../platform/auth/internal-token.js';
import { collectPolicy, sdlSchema } from '../../platform/auth/policy-model.js';
import { ROLES, type Principal, type Role } from '../../platform/auth/principal.js';
import { restrictedToOwnResource } from '../../platform/auth/row-policy.js';
import { SUBGRAPH_NAMES, SUPERGRAPH_PATH, type SubgraphName } from '../../platform/topology.js';
import { ROW_POLICIES } from '../../runtime/policies.js';
import { seedDatabases } from '../../seed/index.js';
import { principal } from '../support/auth.js';
import { startGraph, type Graph } from '../support/graph.js';

/**
 * The access matrix: every role × two legal entities, against every query root field and every `_entities` type of
 * every subgraph, and every mutation of the graph. Expectations come from the same policy the code enforces (the SDL's
 * `@requiresScopes` and the row policies); what the data really belongs to comes from the databases. A leak is any row
 * of a foreign legal entity, any colleague's entry for a consultant, any protected value for a role without it, or any
 * mutation a role may not run that is not refused, or that writes.
 */
let graph: Graph;
const policy = collectPolicy(ROW_POLICIES);
const owner = new Map<string, { le: string | null; resource: string | null }>();
const samples = new Map<string, Map<string, string[]>>(); // subgraph → entity type → ids (both legal entities)
let LES: [string, string];
const principals: Principal[] = [];
let leaks: string[] = [];
let cells = 0;

function allowedRoles(subgraph: SubgraphName, subject: string): Role[] | null {
  const e = policy.entries.find((x) => x.subgraph === subgraph && x.subject === subject);
  return e ? e.roles : null;
}
const may = (p: Principal, roles: Role[] | null) => roles === null || p.roles.some((r) => roles.includes(r));
const owns = (subgraph: SubgraphName, type: string) => type in ROW_POLICIES[subgraph];

before(async () => {
  graph = await startGraph({ prepare: async (dbs) => void (await seedDatabases(dbs, 'demo')) });
  // Who owns what, straight from the databases of record.
  for (const name of SUBGRAPH_NAMES) {
    const db = graph.dbs[name];
    const tables = await db.query<{ table_name: string; cols: string[] }>(
      `SELECT table_name, array_agg(column_name::text) AS cols FROM information_schema.columns WHERE table_schema = 'public' GROUP BY table_name`,
    );
    for (const t of tables) {
      if (!t.cols.includes('id')) continue;
      const le = t.cols.includes('legal_entity_id') ? 'legal_entity_id' : t.table_name === 'legal_entities' ? 'id' : null;
      const res = t.cols.includes('resource_id') && ['time_entries', 'expense_entries'].includes(t.table_name) ? 'resource_id' : null;
      const rows = await db.query<{ id: string; le: string | null; res: string | null }>(`SELECT id, ${le ?? 'NULL'} AS le, ${res ?? 'NULL'} AS res FROM ${t.table_name}`);
      for (const r of rows) owner.set(r.id, { le: r.le, resource: r.res });
    }
  }
  const les = await graph.dbs.finance.query<{ id: string }>('SELECT id FROM legal_entities ORDER BY id');
  LES = [les[0]!.id, les[1]!.id];
  const consultantOf = async (le: string) => (await graph.dbs.projects.query<{ resource_id: string }>(`SELECT resource_id FROM time_entries WHERE legal_entity_id = $1 LIMIT 1`, [le]))[0]!.resource_id;
  for (const role of ROLES) for (const le of LES) principals.push(principal([role], [le], role === 'consultant' ? await consultantOf(le) : null, `usr_${role}_${le}`));
  // Sample ids of every entity type of every subgraph: a few per legal entity.
  for (const name of SUBGRAPH_NAMES) {
    const bySubgraph = new Map<string, string[]>();
    samples.set(name, bySubgraph);
    const schema = sdlSchema(name);
    for (const type of entityTypes(schema)) {
      const ids = [...owner.entries()].filter(([id]) => id.startsWith(`${prefixOf(type.name)}_`));
      const pick = [...ids.filter(([, o]) => o.le === LES[0]).slice(0, 2), ...ids.filter(([, o]) => o.le === LES[1]).slice(0, 2), ...ids.filter(([, o]) => o.le === null).slice(0, 2)];
      if (pick.length) bySubgraph.set(type.name, pick.map(([id]) => id));
    }
  }
});
after(async () => graph?.stop());

const PREFIX: Record<string, string> = {
  Account: 'acc', Contact: 'con', Opportunity: 'opp', Contract: 'ctr', ContractAmendment: 'amd', Project: 'prj', Task: 'tsk', Resource: 'res',
  Assignment: 'asg', TimeEntry: 'te', ExpenseEntry: 'exp', Milestone: 'ms', RateCard: 'rc', BillingSchedule: 'bs', BillableItem: 'bi', Invoice: 'inv',
  CreditMemo: 'cm', LegalEntity: 'le', ExchangeRate: 'fx', CustomerFinancial: 'cf', Receivable: 'ar', Payment: 'pay', JournalEntry: 'je', RevenueSchedule: 'rs',
};
const prefixOf = (type: string) => PREFIX[type] ?? '~none';

function entityTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  return Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !!t.astNode?.directives?.some((d) => d.name.value === 'key') && !['AuditTrail', 'EntityHistory'].includes(t.name));
}

/**
 * Every field of a type this subgraph provides and that takes no required arguments: leaves as they are, objects as
 * `{ __typename }`, so that a protected object field is exercised as much as a protected scalar.
 */
function leafSelection(type: GraphQLObjectType): string[] {
  return Object.values(type.getFields())
    .filter((f) => !f.args.some((a) => isNonNullType(a.type)) && !f.astNode?.directives?.some((d) => d.name.value === 'external'))
    .map((f) => (isLeafType(getNamedType(f.type)) ? f.name : `${f.name} { __typename }`));
}

function fieldRequirementUnmet(subgraph: SubgraphName, type: string, field: string, p: Principal): boolean {
  return !may(p, allowedRoles(subgraph, `${type}.${field}`)) || !may(p, allowedRoles(subgraph, type));
}

function visibleRow(p: Principal, id: unknown): boolean {
  if (typeof id !== 'string') return true;
  const o = owner.get(id);
  if (!o || o.le === null) return true;
  if (p.legalEntities !== '*' && !p.legalEntities.includes(o.le)) return false;
  if (o.resource && restrictedToOwnResource(p)) return o.resource === p.resourceId;
  return true;
}

async function subgraphCall(name: SubgraphName, p: Principal, query: string, variables: Record<string, unknown>): Promise<{ status: number; body: any }> {
  const res = await fetch(graph.subgraphs[name].url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${signInternalToken(graph.keys.internal.privateKeyPem as string, p, name, 'matrix')}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.json() };
}

/** Checks one object of type `type` returned to `p`: its row is visible, its protected fields are null with FORBIDDEN. */
function checkObject(subgraph: SubgraphName, type: GraphQLObjectType, obj: Record<string, unknown>, path: Array<string | number>, errors: any[], p: Principal, label: string): void {
  // Rows are judged where they are owned; another subgraph's stub of an entity carries only the key the caller sent.
  if (owns(subgraph, type.name) && !visibleRow(p, obj.id)) leaks.push(`${label}: ${p.subject} saw foreign row ${String(obj.id)}`);
  for (const field of Object.keys(obj)) {
    if (field === '__typename' || !fieldRequirementUnmet(subgraph, type.name, field, p)) continue;
    if (obj[field] !== null) leaks.push(`${label}: ${p.subject} read protected ${type.name}.${field}`);
    else if (!errors.some((e) => e.extensions?.code === 'FORBIDDEN' && JSON.stringify(e.path) === JSON.stringify([...path, field]))) leaks.push(`${label}: ${type.name}.${field} null without FORBIDDEN`);
  }
}

function collectObjects(value: unknown, path: Array<string | number>, visit: (obj: Record<string, unknown>, path: Array<string | number>) => void): void {
  if (Array.isArray(value)) value.forEach((v, i) => collectObjects(v, [...path, i], visit));
  else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if ('edges' in obj) collectObjects(obj.edges, [...path, 'edges'], visit);
    else if ('node' in obj) collectObjects(obj.node, [...path, 'node'], visit);
    else visit(obj, path);
  }
}

test('access matrix: every role × two legal entities × every root field, _entities type and mutation; zero leaks', async (t) => {
  leaks = [];
  cells = 0;
  for (const name of SUBGRAPH_NAMES) {
    const schema = sdlSchema(name);
    const queryType = schema.getQueryType() as GraphQLObjectType;
    // Root fields of this subgraph.
    for (const field of Object.values(queryType.getFields()) as Array<GraphQLField<unknown, unknown>>) {
      if (field.name.startsWith('_')) continue;
      const target = getNamedType(field.type);
      if (!isObjectType(target)) continue;
      const connection = 'edges' in target.getFields();
      const nodeType = connection ? (getNamedType(target.getFields().edges!.type) as GraphQLObjectType).getFields().node!.type : target;
      const node = getNamedType(nodeType) as GraphQLObjectType;
      const leaves = leafSelection(node);
      const selection = connection ? `{ edges { node { __typename ${leaves.join(' ')} } } }` : `{ __typename ${leaves.join(' ')} }`;
      const argsFor: Array<Record<string, unknown>> = [];
      const required = field.args.filter((a) => isNonNullType(a.type));
      if (required.length === 0) argsFor.push(connection ? { first: 50 } : {});
      else if (required.length === 1 && required[0]!.name === 'id') for (const id of samples.get(name)?.get(node.name) ?? []) argsFor.push({ id });
      else if (field.name === 'currency') argsFor.push({ code: 'USD' });
      else if (field.name === 'effectiveExchangeRate') argsFor.push({ from: 'CAD', to: 'USD', on: '2026-10-01' });
      else if (field.name === 'auditTrail') argsFor.push({ correlationId: 'seed-2026-10-01' });
      else if (field.name === 'entityHistory') argsFor.push({ entityType: 'Invoice', entityId: 'inv_x' });
      for (const args of argsFor) {
        const argDecl = Object.keys(args).map((k) => `$${k}: ${field.args.find((a) => a.name === k)!.type.toString()}`).join(', ');
        const argUse = Object.keys(args).map((k) => `${k}: $${k}`).join(', ');
        const query = `query${argDecl ? `(${argDecl})` : ''} { r: ${field.name}${argUse ? `(${argUse})` : ''} ${selection} }`;
        for (const p of principals) {
          cells += 1;
          const label = `${name} ${field.name}(${JSON.stringify(args)})`;
          const { status, body } = await subgraphCall(name, p, query, args);
          if (status >= 500) leaks.push(`${label}: HTTP ${status}`);
          const errors = body.errors ?? [];
          if (!may(p, allowedRoles(name, `Query.${field.name}`)) || !may(p, allowedRoles(name, target.name)) || !may(p, allowedRoles(name, node.name))) {
            if (body.data?.r !== null && body.data?.r !== undefined) leaks.push(`${label}: ${p.subject} got data it may not see`);
            if (!errors.some((e: any) => e.extensions?.code === 'FORBIDDEN')) leaks.push(`${label}: ${p.subject} refused without FORBIDDEN`);
            continue;
          }
          if (errors.some((e: any) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) leaks.push(`${label}: internal error`);
          if ('id' in args && !visibleRow(p, args.id) && body.data?.r !== null) leaks.push(`${label}: ${p.subject} loaded a foreign row by id`);
          collectObjects(body.data?.r, ['r'], (obj, path) => checkObject(name, node, obj, path, errors, p, label));
        }
      }
    }
    // Entity resolution of this subgraph.
    for (const type of entityTypes(schema)) {
      const ids = samples.get(name)?.get(type.name) ?? [];
      if (ids.length === 0) continue;
      const currency = async (id: string) => (await graph.dbs.projects.query<{ currency: string }>('SELECT currency FROM projects WHERE id = $1', [id]))[0]?.currency ?? 'USD';
      const representations = await Promise.all(ids.map(async (id) => type.name === 'Project'
        ? { __typename: 'Project', id, currency: await currency(id), actualCost: { amountMinor: '0', currency: await currency(id) }, marginThresholdPct: null }
        : { __typename: type.name, id }));
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on ${type.name} { ${leafSelection(type).join(' ')} } } }`;
      for (const p of principals) {
        cells += 1;
        const label = `${name} _entities(${type.name})`;
        const { status, body } = await subgraphCall(name, p, query, { r: representations });
        if (status >= 500) leaks.push(`${label}: HTTP ${status}`);
        const errors = body.errors ?? [];
        (body.data?._entities ?? []).forEach((obj: Record<string, unknown> | null, i: number) => {
          const id = representations[i]!.id;
          if (obj === null) return;
          if (!may(p, allowedRoles(name, type.name))) leaks.push(`${label}: ${p.subject} resolved a protected entity`);
          if (owns(name, type.name) && !visibleRow(p, id)) leaks.push(`${label}: ${p.subject} resolved foreign ${id}`);
          checkObject(name, type, { ...obj, id }, ['_entities', i], errors, p, label);
        });
      }
    }
  }

  // Every mutation of the graph, through the gateway, with inputs that point at the other legal entity.
  const api = Supergraph.build(readFileSync(SUPERGRAPH_PATH, 'utf8')).apiSchema().toGraphQLJSSchema();
  const mutationOwner = new Map<string, SubgraphName>();
  for (const name of SUBGRAPH_NAMES) for (const f of Object.keys(sdlSchema(name).getMutationType()?.getFields() ?? {})) mutationOwner.set(f, name);
  const auditTotal = async () => {
    let n = 0;
    for (const name of SUBGRAPH_NAMES) n += Number((await graph.dbs[name].query<{ n: bigint }>('SELECT count(*)::bigint AS n FROM audit_log'))[0]!.n);
    return n;
  };
  for (const field of Object.values(api.getMutationType()!.getFields())) {
    const subgraph = mutationOwner.get(field.name) as SubgraphName;
    const roles = allowedRoles(subgraph, `Mutation.${field.name}`);
    for (const p of principals) {
      cells += 1;
      const foreign = LES.find((le) => !(p.legalEntities as string[]).includes(le)) as string;
      const input = dummy(field.args[0]!.type, foreign);
      const before = await auditTotal();
      const selection = isObjectType(getNamedType(field.type)) ? '{ __typename }' : '';
      const r = await graph.post(`mutation($input: ${field.args[0]!.type.toString()}) { ${field.name}(input: $input) ${selection} }`, { input }, { authorization: `Bearer ${graph.tokenFor(p)}` });
      const after = await auditTotal();
      const label = `mutation ${field.name}`;
      if (r.status >= 500) leaks.push(`${label}: HTTP ${r.status}`);
      const errors = r.body.errors ?? [];
      if (!may(p, roles)) {
        if (!errors.some((e: any) => e.extensions?.code === 'FORBIDDEN')) leaks.push(`${label}: ${p.subject} not refused (${JSON.stringify(errors[0]?.extensions?.code)})`);
        if (after !== before) leaks.push(`${label}: ${p.subject} wrote ${after - before} change(s)`);
      } else if (errors.length > 0 && after !== before) {
        leaks.push(`${label}: failed but wrote ${after - before} change(s)`);
      } else if (errors.length === 0 && JSON.stringify(input).includes(foreign)) {
        // Master data (accounts, contacts, exchange rates) may be created by an allowed role; nothing may land in a
        // legal entity the caller does not belong to.
        leaks.push(`${label}: ${p.subject} wrote into foreign legal entity ${foreign}`);
      }
    }
  }
  // The portal's cross-system view through the gateway, for every principal and a project of each legal entity.
  const engagement = (await import('../support/queries.js')).ENGAGEMENT_QUERY;
  const projectIds = samples.get('projects')?.get('Project') ?? [];
  const protectedProjectFields: Array<[string, SubgraphName]> = [['actualCost', 'projects'], ['margin', 'finance'], ['receivables', 'finance'], ['billedToDate', 'billing'], ['unbilledWip', 'billing'], ['invoices', 'billing'], ['opportunity', 'crm'], ['contract', 'crm']];
  for (const p of principals) {
    for (const id of projectIds) {
      cells += 1;
      const r = await graph.post(engagement, { id }, { authorization: `Bearer ${graph.tokenFor(p)}` });
      const label = `Engagement(${id})`;
      if (r.status >= 500) leaks.push(`${label}: HTTP ${r.status}`);
      const project = r.body.data?.project;
      if (!visibleRow(p, id)) {
        if (project !== null) leaks.push(`${label}: ${p.subject} saw a foreign project`);
        continue;
      }
      if (!project) {
        leaks.push(`${label}: ${p.subject} lost a visible project (${JSON.stringify(r.body.errors?.[0])})`);
        continue;
      }
      for (const [field, subgraph] of protectedProjectFields) {
        const roles = field === 'opportunity' ? allowedRoles(subgraph, 'Opportunity') : field === 'contract' ? allowedRoles(subgraph, 'Contract') : allowedRoles(subgraph, `Project.${field}`);
        const value = field === 'opportunity' || field === 'contract' ? project[field]?.[field === 'opportunity' ? 'amount' : 'totalContractValue'] : project[field];
        if (!may(p, roles) && value !== null && value !== undefined) leaks.push(`${label}: ${p.subject} read ${field}`);
      }
      for (const inv of project.invoices ?? []) if (!visibleRow(p, inv.id)) leaks.push(`${label}: foreign invoice ${inv.id}`);
      for (const rec of project.receivables ?? []) if (!visibleRow(p, rec.id)) leaks.push(`${label}: foreign receivable ${rec.id}`);
      for (const e of r.body.data?.projects?.edges ?? []) if (!visibleRow(p, e.node.id)) leaks.push(`${label}: foreign project listed ${e.node.id}`);
    }
  }
  t.diagnostic(`${cells} matrix cells (${principals.length} principals), ${leaks.length} leaks`);
  assert.deepEqual(leaks, []);
});

/** A schema-valid input that points at `foreignLe` and at records that do not exist. */
function dummy(type: GraphQLInputType, foreignLe: string, fieldName = ''): unknown {
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) return [dummy(inner.ofType as GraphQLInputType, foreignLe, fieldName)];
  if (isEnumType(inner)) return inner.getValues()[0]!.value;
  if (isInputObjectType(inner)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(inner.getFields())) if (isNonNullType(f.type) || f.name === 'legalEntityId') out[f.name] = dummy(f.type, foreignLe, f.name);
    return out;
  }
  if (isScalarType(inner)) {
    switch (inner.name) {
      case 'ID': return fieldName === 'legalEntityId' ? foreignLe : `${fieldName.replace(/Id$/, '').slice(0, 3).toLowerCase() || 'xx'}_01ZZZZZZZZZZZZZZZZZZZZZZZZ`;
      case 'Int': return 1;
      case 'Boolean': return false;
      case 'BigInt': return '100';
      case 'Decimal': return '1';
      case 'LocalDate': return '2026-06-01';
      case 'DateTime': return '2026-06-01T00:00:00.000Z';
      case 'CurrencyCode': return 'USD';
      default: return 'x';
    }
  }
  return null;
}
