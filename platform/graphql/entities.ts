import type { GraphQLObjectType, GraphQLResolveInfo } from 'graphql';

/** An entity's `__resolveReference`, as `@apollo/subgraph` stores it. */
export type ReferenceResolver = (reference: Record<string, unknown>, context: unknown, info: GraphQLResolveInfo) => unknown;

interface SubgraphExtensions {
  apollo?: { subgraph?: { resolveReference?: ReferenceResolver } };
}

/** The reference resolver of an entity type (`@apollo/subgraph` keeps it in the type's extensions), if it has one. */
export function referenceResolverOf(type: GraphQLObjectType): ReferenceResolver | undefined {
  return (type.extensions as SubgraphExtensions).apollo?.subgraph?.resolveReference;
}

/** Replaces an entity type's reference resolver. */
export function setReferenceResolver(type: GraphQLObjectType, resolve: ReferenceResolver): void {
  const extensions = type.extensions as SubgraphExtensions & Record<string, unknown>;
  (type as { extensions: unknown }).extensions = {
    ...extensions,
    apollo: { ...extensions.apollo, subgraph: { ...extensions.apollo?.subgraph, resolveReference: resolve } },
  };
}
