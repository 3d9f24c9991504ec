import { invalidInput, loadForChange, newId, notFound, requireLegalEntityAccess, visibleTo, type Invocation, type Versioned } from '../../../../platform/domain/index.js';
import { createAccount, createContact, updateAccount, updateContact, type AccountChanges, type ContactChanges, type NewAccount, type NewContact } from '../domain/account.js';
import {
  createAmendment, createContract, transitionAmendment, transitionContract, updateContract,
  type AmendmentAction, type ContractAction, type ContractChanges, type NewAmendment, type NewContract,
} from '../domain/contract.js';
import { contractAmendmentExecuted, opportunityClosedWon } from '../domain/events.js';
import { changeStage, createOpportunity, linkDelivery, stageOf, updateOpportunity, type DeliveryLinks, type NewOpportunity, type OpportunityChanges } from '../domain/opportunity.js';
import type { Account, Contact, Contract, ContractAmendment, Opportunity } from '../domain/types.js';
import type { CrmRepository, CrmWriter } from '../repository/port.js';


async function requireAccount(tx: CrmWriter, field: string, id: string): Promise<Account> {
  const account = await tx.lockAccount(id);
  if (!account) throw invalidInput(field, `account ${id} does not exist`);
  return account;
}

/**
 * The crm use cases: each validates with the domain rules and writes in one transaction, so a failure writes
 * nothing. Versions are checked against `expectedVersion` when given, and always against concurrent writers.
 */
export class CrmService {
  constructor(private readonly repo: CrmRepository) {}

  createAccount(input: NewAccount, inv: Invocation): Promise<Account> {
    return this.repo.transaction(inv, async (tx) => {
      if (input.parentAccountId) await requireAccount(tx, 'parentAccountId', input.parentAccountId);
      const account = createAccount(newId('acc'), input, inv.now());
      await tx.insertAccount(account);
      return account;
    });
  }

  updateAccount(target: Versioned, changes: AccountChanges, inv: Invocation): Promise<Account> {
    return this.repo.transaction(inv, async (tx) => {
      const current = await loadForChange('Account', target, (id) => tx.lockAccount(id), inv);
      return tx.saveAccount(updateAccount(current, changes, inv.now()), current);
    });
  }

  createContact(input: NewContact, inv: Invocation): Promise<Contact> {
    return this.repo.transaction(inv, async (tx) => {
      await requireAccount(tx, 'accountId', input.accountId);
      const contact = createContact(newId('con'), input, inv.now());
      await tx.insertContact(contact);
      return contact;
    });
  }

  updateContact(target: Versioned, changes: ContactChanges, inv: Invocation): Promise<Contact> {
    return this.repo.transaction(inv, async (tx) => {
      const current = await loadForChange('Contact', target, (id) => tx.lockContact(id), inv);
      return tx.saveContact(updateContact(current, changes, inv.now()), current);
    });
  }

  createOpportunity(input: NewOpportunity, inv: Invocation): Promise<Opportunity> {
    requireLegalEntityAccess(inv, input.legalEntityId);
    return this.repo.transaction(inv, async (tx) => {
      await requireAccount(tx, 'accountId', input.accountId);
      const { opportunity, history } = createOpportunity(newId('opp'), newId('osh'), input, await tx.stages(), inv.actor, inv.now());
      await tx.insertOpportunity(opportunity);
      await tx.insertStageChange(history);
      return opportunity;
    });
  }

  updateOpportunity(target: Versioned, changes: OpportunityChanges, inv: Invocation): Promise<Opportunity> {
    return this.repo.transaction(inv, async (tx) => {
      const current = await loadForChange('Opportunity', target, (id) => tx.lockOpportunity(id), inv);
      if (changes.legalEntityId) requireLegalEntityAccess(inv, changes.legalEntityId);
      const found = changes.contractId ? await tx.lockContract(changes.contractId) : null;
      const contract = found && visibleTo(inv, found) ? found : null;
      return tx.saveOpportunity(updateOpportunity(current, changes, await tx.stages(), contract, inv.now()), current);
    });
  }

  changeOpportunityStage(target: Versioned, stageCode: string, lossReason: string | null | undefined, inv: Invocation, projectManagerId: string | null = null): Promise<Opportunity> {
    return this.repo.transaction(inv, async (tx) => {
      const current = await loadForChange('Opportunity', target, (id) => tx.lockOpportunity(id), inv);
      const contract = current.contractId ? await tx.lockContract(current.contractId) : null;
      const stages = await tx.stages();
      const changed = changeStage(current, stageCode, lossReason, stages, contract, newId('osh'), inv.actor, inv.now());
      const won = stageOf(changed.opportunity, stages).isWon;
      // The win's correlation id identifies the set-up flow it starts in every system.
      const opportunity = won ? { ...changed.opportunity, wonCorrelationId: inv.correlationId } : changed.opportunity;
      await tx.saveOpportunity(opportunity, current);
      await tx.insertStageChange(changed.history);
      if (won) tx.emit(opportunityClosedWon(opportunity, contract as Contract, projectManagerId));
      return opportunity;
    });
  }

  /**
   * Wins an opportunity: checks the commercial fields the set-up flow needs (account, legal entity, billing model,
   * amount, start date, ACTIVATED contract of the same account and currency) and moves it to the won stage; the
   * `OpportunityClosedWon` event it emits in the same transaction starts the set-up across the other systems.
   */
  async winOpportunity(target: Versioned, projectManagerId: string | null, inv: Invocation): Promise<Opportunity> {
    const stages = await this.repo.stages();
    const won = stages.find((s) => s.active && s.isWon);
    if (!won) throw invalidInput('opportunityId', 'no active won stage is configured');
    return this.changeOpportunityStage(target, won.code, null, inv, projectManagerId);
  }

  /** Links (or, with `links` null, unlinks) the delivery records the set-up flow created to a won opportunity. */
  linkDelivery(target: Versioned, links: DeliveryLinks | null, inv: Invocation): Promise<Opportunity> {
    return this.repo.transaction(inv, async (tx) => {
      const current = await loadForChange('Opportunity', target, (id) => tx.lockOpportunity(id), inv);
      const next = linkDelivery(current, links, await tx.stages(), inv.now());
      return next ? tx.saveOpportunity(next, current) : current;
    });
  }

  createContract(input: NewContract, inv: Invocation): Promise<Contract> {
    requireLegalEntityAccess(inv, input.legalEntityId);
    return this.repo.transaction(inv, async (tx) => {
      await requireAccount(tx, 'accountId', input.accountId);
      if (input.parentContractId) {
        const parent = await tx.lockContract(input.parentContractId);
        if (!parent || !visibleTo(inv, parent) || parent.accountId !== input.accountId || parent.kind !== 'MSA') {
          throw invalidInput('parentContractId', 'must be an MSA of the same account');
        }
      }
      let linkOpportunity: Opportunity | null = null;
      if (input.opportunityId) {
        linkOpportunity = await tx.lockOpportunity(input.opportunityId);
        if (!linkOpportunity || !visibleTo(inv, linkOpportunity) || linkOpportunity.accountId !== input.accountId) throw invalidInput('opportunityId', 'must be an opportunity of the same account');
      }
      const contract = createContract(newId('ctr'), input, inv.now());
      await tx.insertContract(contract);
      // The opportunity points at its contract so that winning it can check the contract is ACTIVATED.
      if (linkOpportunity && !linkOpportunity.contractId) {
        await tx.saveOpportunity({ ...linkOpportunity, version: linkOpportunity.version + 1, contractId: contract.id, updatedAt: inv.now() }, linkOpportunity);
      }
      return contract;
    });
  }

  updateContract(target: Versioned, changes: ContractChanges, inv: Invocation): Promise<Contract> {
    return this.repo.transaction(inv, async (tx) => {
      const current = await loadForChange('Contract', target, (id) => tx.lockContract(id), inv);
      return tx.saveContract(updateContract(current, changes, inv.now()), current);
    });
  }

  transitionContract(target: Versioned, action: ContractAction, inv: Invocation): Promise<Contract> {
    return this.repo.transaction(inv, async (tx) => {
      const current = await loadForChange('Contract', target, (id) => tx.lockContract(id), inv);
      return tx.saveContract(transitionContract(current, action, inv.now()), current);
    });
  }

  createAmendment(contractId: string, input: NewAmendment, inv: Invocation): Promise<ContractAmendment> {
    return this.repo.transaction(inv, async (tx) => {
      const contract = await tx.lockContract(contractId);
      if (!contract || !visibleTo(inv, contract)) throw invalidInput('contractId', `contract ${contractId} does not exist`);
      const amendment = createAmendment(newId('amd'), contract, await tx.nextAmendmentSequence(contractId), input, inv.now());
      await tx.insertAmendment(amendment);
      return amendment;
    });
  }

  transitionAmendment(target: Versioned, action: AmendmentAction, inv: Invocation): Promise<ContractAmendment> {
    return this.repo.transaction(inv, async (tx) => {
      const current = await loadForChange('ContractAmendment', target, (id) => tx.lockAmendment(id), inv);
      const contract = await tx.lockContract(current.contractId);
      if (!contract) throw notFound('Contract', current.contractId);
      const result = transitionAmendment(current, contract, action, inv.now());
      if (result.contract) {
        await tx.saveContract(result.contract, contract);
        tx.emit(contractAmendmentExecuted(result.amendment, result.contract));
      }
      return tx.saveAmendment(result.amendment, current);
    });
  }
}
