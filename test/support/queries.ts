/** The Engagement query exactly as the portal sends it (issue #2). */
export const ENGAGEMENT_QUERY = `query Engagement($id: ID!) {
  project(id: $id) {
    id name status
    account { id name }
    opportunity { id amount { amountMinor currency } closedWonAt }
    contract { id totalContractValue { amountMinor currency } }
    deliveredValue { amountMinor currency }
    actualCost { amountMinor currency }
    billedToDate { amountMinor currency }
    unbilledWip { amountMinor currency }
    invoices { id number status total { amountMinor currency } paymentStatus }
    receivables { id openAmount { amountMinor currency } }
    margin { amount { amountMinor currency } percent }
  }
  projects(first: 50) { edges { node { id } } pageInfo { hasNextPage endCursor } }
}`;

/** Every project id of the graph, following the connection's cursors. */
export async function allProjectIds(data: <T>(q: string, v?: Record<string, unknown>) => Promise<T>): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: any = await data(`query($after: String) { projects(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { after });
    ids.push(...page.projects.edges.map((e: any) => e.node.id));
    if (!page.projects.pageInfo.hasNextPage) return ids;
    after = page.projects.pageInfo.endCursor;
  }
}
