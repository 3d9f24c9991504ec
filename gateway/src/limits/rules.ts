import {
  GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** Limits checked on every operation before it is planned. */
export interface OperationLimits {
  /** Deepest selection nesting (fragments expanded). */
  maxDepth: number;
  /** Aliased fields, `__typename` aliases included. */
  maxAliases: number;
  /** Root fields of a query or subscription. */
  maxRootFields: number;
  /** Root fields of a mutation (each mutation is its own transaction; one per operation keeps failures whole). */
  maxMutationRootFields: number;
  /** Directive applications in the document. */
  maxDirectives: number;
  /** Lexical tokens of the document (parser limit). */
  maxTokens: number;
  /** Largest `first` of a connection. */
  maxPageSize: number;
}

function limitError(message: string, limit: string, max: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit, max } });
}

/** Walks a selection set, expanding fragments once per path (cycles are reported by the standard rules). */
function walk(
  set: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  visit: (depth: number, node: SelectionSetNode['selections'][number]) => void,
  depth = 1,
  seen: ReadonlySet<string> = new Set(),
): void {
  for (const sel of set.selections) {
    visit(depth, sel);
    if (sel.kind === Kind.FIELD && sel.selectionSet) walk(sel.selectionSet, fragments, visit, depth + 1, seen);
    else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet, fragments, visit, depth, seen);
    else if (sel.kind === Kind.FRAGMENT_SPREAD) {
      const name = sel.name.value;
      const fragment = fragments[name];
      if (fragment && !seen.has(name)) walk(fragment.selectionSet, fragments, visit, depth, new Set([...seen, name]));
    }
  }
}

function fragmentsOf(context: ValidationContext): Record<string, FragmentDefinitionNode> {
  const out: Record<string, FragmentDefinitionNode> = {};
  for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) out[def.name.value] = def;
  return out;
}

/** Depth, aliases and root fields of each operation, counted over the expanded selection. */
export function shapeLimitsRule(limits: OperationLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(op: OperationDefinitionNode) {
      const fragments = fragmentsOf(context);
      let depth = 0;
      let aliases = 0;
      walk(op.selectionSet, fragments, (d, sel) => {
        if (sel.kind !== Kind.FIELD) return;
        depth = Math.max(depth, d);
        // Aliases named `__typename` cost nothing to plan but everything to answer; they count like any other.
        if (sel.alias) aliases += 1;
      });
      let roots = 0;
      walk(op.selectionSet, fragments, (d, sel) => {
        if (d === 1 && sel.kind === Kind.FIELD) roots += 1;
      });
      const maxRoots = op.operation === 'mutation' ? limits.maxMutationRootFields : limits.maxRootFields;
      if (depth > limits.maxDepth) context.reportError(limitError(`Operation is ${depth} levels deep; the limit is ${limits.maxDepth}`, 'depth', limits.maxDepth));
      if (aliases > limits.maxAliases) context.reportError(limitError(`Operation uses ${aliases} aliases; the limit is ${limits.maxAliases}`, 'aliases', limits.maxAliases));
      if (roots > maxRoots) context.reportError(limitError(`Operation has ${roots} root fields; the limit for a ${op.operation} is ${maxRoots}`, 'rootFields', maxRoots));
    },
  });
}

/** Directive applications across the whole document. */
export function directiveLimitRule(limits: OperationLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    return {
      Directive() {
        count += 1;
        if (count === limits.maxDirectives + 1) {
          context.reportError(limitError(`Operation uses more than ${limits.maxDirectives} directives`, 'directives', limits.maxDirectives));
        }
      },
    };
  };
}
