import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type ValueNode } from 'graphql';

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  return undefined;
}

/**
 * Refuses, before planning, any `first` argument above the page-size limit, whether written inline or passed as a
 * variable, so an oversized page never reaches a subgraph.
 */
export function pageSizeLimitPlugin<C extends object>(maxPageSize: number): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const variables = (request.variables ?? {}) as Record<string, unknown>;
          let offending: unknown;
          visit(document, {
            Argument(node) {
              if (node.name.value !== 'first' || offending !== undefined) return;
              const v = valueOf(node.value, variables);
              if (typeof v === 'number' && (v > maxPageSize || v < 0)) offending = v;
            },
          });
          if (offending !== undefined) {
            throw new GraphQLError(`first must be between 0 and ${maxPageSize}, got ${String(offending)}`, {
              extensions: { code: 'BAD_USER_INPUT', limit: 'pageSize', max: maxPageSize, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
