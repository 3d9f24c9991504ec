import { scalarResolvers } from './scalars.js';
import { moneyResolvers } from './money.js';

/** Resolvers of the definitions in `schema/shared.graphql`, spread into every subgraph's resolver map. */
export const sharedResolvers = {
  ...scalarResolvers,
  ...moneyResolvers,
};
