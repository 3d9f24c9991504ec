import {
  defaultFieldResolver, GraphQLError, getNamedType, isNonNullType, isObjectType, Kind, type ConstDirectiveNode, type GraphQLField, type GraphQLFieldResolver,
  type GraphQLNamedType, type GraphQLSchema,
} from 'graphql';
import type { Principal, Role } from '../auth/principal.js';
import { referenceResolverOf, setReferenceResolver } from './entities.js';

/** `@requiresScopes(scopes: [["a"], ["b", "c"]])`: any one inner list must be fully held (OR of ANDs). */
export type ScopeRequirement = ReadonlyArray<readonly Role[]>;

const DIRECTIVE = 'requiresScopes';

/** Reads the `@requiresScopes` requirement of an AST node's directives, if any. */
export function scopesOf(directives: readonly ConstDirectiveNode[] | undefined): ScopeRequirement | null {
  const d = directives?.find((x) => x.name.value === DIRECTIVE);
  if (!d) return null;
  const arg = d.arguments?.find((a) => a.name.value === 'scopes');
  if (!arg || arg.value.kind !== Kind.LIST) throw new Error('@requiresScopes needs a scopes list');
  return arg.value.values.map((inner) => {
    if (inner.kind !== Kind.LIST) throw new Error('@requiresScopes scopes must be a list of lists');
    return inner.values.map((v) => {
      if (v.kind !== Kind.STRING) throw new Error('@requiresScopes scopes must be strings');
      return v.value as Role;
    });
  });
}

/** True when the principal's roles satisfy a requirement (null = no requirement beyond being authenticated). */
export function satisfies(principal: Principal, requirement: ScopeRequirement | null): boolean {
  if (!requirement) return true;
  return requirement.some((all) => all.every((role) => principal.roles.includes(role)));
}

/** The FORBIDDEN error a protected field or entity yields for a caller without the scopes. */
export function forbidden(what: string, requirement: ScopeRequirement): GraphQLError {
  return new GraphQLError(`Not allowed to read or change ${what}`, {
    extensions: { code: 'FORBIDDEN', requiredScopes: requirement.map((r) => [...r]) },
  });
}

function typeRequirement(type: GraphQLNamedType): ScopeRequirement | null {
  return isObjectType(type) ? scopesOf(type.astNode?.directives) : null;
}

/** Every (type, field) requirement the schema declares, with the return type's requirement folded in. */
export function fieldRequirements(schema: GraphQLSchema): Map<string, ScopeRequirement[]> {
  const out = new Map<string, ScopeRequirement[]>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const own = typeRequirement(type);
    for (const field of Object.values(type.getFields())) {
      const reqs = [own, scopesOf(field.astNode?.directives), typeRequirement(getNamedType(field.type))].filter((r): r is ScopeRequirement => r !== null);
      if (reqs.length) out.set(`${type.name}.${field.name}`, reqs);
    }
  }
  return out;
}

const sameRequirement = (a: ScopeRequirement, b: ScopeRequirement): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Fields that a caller could be refused while still seeing the object that holds them, yet are declared non-null:
 * refusing them would null the whole parent instead of just the field. Root mutation fields are exempt (a refused
 * mutation has nothing else to keep). The policy tests assert this list is empty.
 */
export function nonNullProtectedFields(schema: GraphQLSchema): string[] {
  const out: string[] = [];
  const requirements = fieldRequirements(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type === schema.getMutationType()) continue;
    const parent = typeRequirement(type);
    for (const field of Object.values(type.getFields())) {
      const reqs = requirements.get(`${type.name}.${field.name}`) ?? [];
      const stricter = reqs.filter((r) => !(parent && sameRequirement(r, parent)));
      if (stricter.length > 0 && isNonNullType(field.type)) out.push(`${type.name}.${field.name}`);
    }
  }
  return out;
}

interface ScopedContext {
  principal?: Principal;
}

function principalOf(context: unknown): Principal {
  const principal = (context as ScopedContext | undefined)?.principal;
  if (!principal) throw new GraphQLError('No authenticated principal', { extensions: { code: 'UNAUTHENTICATED' } });
  return principal;
}

/**
 * Enforces the SDL's `@requiresScopes` in the subgraph itself (`@apollo/gateway` enforces none of them), on every
 * path: root fields, nested fields, and entity resolution (`__resolveReference` of a protected type). A field whose
 * own, parent-type or return-type requirement is unmet resolves to null with a FORBIDDEN error; the rest of the
 * response is intact. Returns the schema, changed in place.
 */
export function enforceScopes(schema: GraphQLSchema): GraphQLSchema {
  const requirements = fieldRequirements(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()) as Array<GraphQLField<unknown, unknown>>) {
      const reqs = requirements.get(`${type.name}.${field.name}`);
      if (!reqs) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const principal = principalOf(context);
        for (const r of reqs) if (!satisfies(principal, r)) throw forbidden(`${type.name}.${field.name}`, r);
        return resolve(source, args, context, info);
      };
    }
    const own = typeRequirement(type);
    if (own) {
      // Without a resolver of its own, an entity resolves to its representation; it is still refused here.
      const resolveReference = referenceResolverOf(type) ?? ((ref: Record<string, unknown>) => ref);
      // Async, so that a refusal nulls just this representation in `_entities`, not the whole list.
      setReferenceResolver(type, async (ref, context, info) => {
        if (!satisfies(principalOf(context), own)) throw forbidden(type.name, own);
        return resolveReference(ref, context, info);
      });
    }
  }
  return schema;
}
