import { invalidInput, optionalText, requireText } from '../../../../platform/domain/index.js';
import type { Account, AccountType, Address, Contact, ContactRole, ExternalRef } from './types.js';

/** Fields a client may set when creating an account. */
export interface NewAccount {
  name: string;
  legalName?: string | null;
  type?: AccountType | null;
  industry?: string | null;
  parentAccountId?: string | null;
  billingAddress?: AddressInput | null;
  defaultCurrency?: string | null;
  ownerUserId: string;
  externalRefs?: ExternalRef[] | null;
}

/** An address as entered; optional parts may be missing. */
export interface AddressInput {
  lines: string[];
  city: string;
  region?: string | null;
  postalCode?: string | null;
  country: string;
}

/** Fields a client may change on an account; absent or null fields stay as they are, except where noted. */
export interface AccountChanges {
  name?: string | null;
  /** null clears it. */
  legalName?: string | null;
  type?: AccountType | null;
  /** null clears it. */
  industry?: string | null;
  billingAddress?: AddressInput | null;
  defaultCurrency?: string | null;
  ownerUserId?: string | null;
}

const COUNTRY = /^[A-Z]{2}$/;

/** Validates and normalises an address. */
export function validateAddress(field: string, address: AddressInput): Address {
  if (!Array.isArray(address.lines) || address.lines.length === 0 || address.lines.length > 4) {
    throw invalidInput(`${field}.lines`, 'must have 1 to 4 lines');
  }
  if (!COUNTRY.test(address.country)) throw invalidInput(`${field}.country`, 'must be an ISO 3166-1 alpha-2 code such as "US"');
  return {
    lines: address.lines.map((l, i) => requireText(`${field}.lines[${i}]`, l, 200)),
    city: requireText(`${field}.city`, address.city, 100),
    region: optionalText(`${field}.region`, address.region, 100),
    postalCode: optionalText(`${field}.postalCode`, address.postalCode, 20),
    country: address.country,
  };
}

function validateExternalRefs(refs: ExternalRef[]): ExternalRef[] {
  if (refs.length > 20) throw invalidInput('externalRefs', 'must have at most 20 entries');
  return refs.map((r, i) => ({ system: requireText(`externalRefs[${i}].system`, r.system, 50), externalId: requireText(`externalRefs[${i}].externalId`, r.externalId, 200) }));
}

/** Builds a new account record from validated input. */
export function createAccount(id: string, input: NewAccount, now: string): Account {
  return {
    id,
    version: 1,
    name: requireText('name', input.name),
    legalName: optionalText('legalName', input.legalName, 200),
    type: input.type ?? 'PROSPECT',
    industry: optionalText('industry', input.industry, 100),
    parentAccountId: input.parentAccountId ?? null,
    billingAddress: input.billingAddress ? validateAddress('billingAddress', input.billingAddress) : null,
    defaultCurrency: input.defaultCurrency ?? null,
    ownerUserId: requireText('ownerUserId', input.ownerUserId, 100),
    externalRefs: validateExternalRefs(input.externalRefs ?? []),
    createdAt: now,
    updatedAt: now,
  };
}

/** Applies changes to an account, returning the next version. */
export function updateAccount(current: Account, changes: AccountChanges, now: string): Account {
  return {
    ...current,
    version: current.version + 1,
    name: changes.name !== undefined && changes.name !== null ? requireText('name', changes.name) : current.name,
    legalName: changes.legalName !== undefined ? optionalText('legalName', changes.legalName, 200) : current.legalName,
    type: changes.type ?? current.type,
    industry: changes.industry !== undefined ? optionalText('industry', changes.industry, 100) : current.industry,
    billingAddress: changes.billingAddress ? validateAddress('billingAddress', changes.billingAddress) : current.billingAddress,
    defaultCurrency: changes.defaultCurrency ?? current.defaultCurrency,
    ownerUserId: changes.ownerUserId ? requireText('ownerUserId', changes.ownerUserId, 100) : current.ownerUserId,
    updatedAt: now,
  };
}

/** Fields a client may set on a contact. */
export interface NewContact {
  accountId: string;
  firstName: string;
  lastName: string;
  email?: string | null;
  phone?: string | null;
  title?: string | null;
  roles?: ContactRole[] | null;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;

function validEmail(value: string | null | undefined): string | null {
  const email = optionalText('email', value, 320);
  if (email !== null && !EMAIL.test(email)) throw invalidInput('email', 'is not an e-mail address');
  return email;
}

/** Builds a new contact record from validated input. */
export function createContact(id: string, input: NewContact, now: string): Contact {
  return {
    id,
    version: 1,
    accountId: input.accountId,
    firstName: requireText('firstName', input.firstName, 100),
    lastName: requireText('lastName', input.lastName, 100),
    email: validEmail(input.email),
    phone: optionalText('phone', input.phone, 40),
    title: optionalText('title', input.title, 100),
    roles: [...new Set(input.roles ?? [])],
    updatedAt: now,
  };
}

/** Fields a client may change on a contact; absent fields stay, null clears optional ones. */
export interface ContactChanges {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  title?: string | null;
  roles?: ContactRole[] | null;
}

/** Applies changes to a contact. */
export function updateContact(current: Contact, changes: ContactChanges, now: string): Contact {
  return {
    ...current,
    version: current.version + 1,
    firstName: changes.firstName ? requireText('firstName', changes.firstName, 100) : current.firstName,
    lastName: changes.lastName ? requireText('lastName', changes.lastName, 100) : current.lastName,
    email: changes.email !== undefined ? validEmail(changes.email) : current.email,
    phone: changes.phone !== undefined ? optionalText('phone', changes.phone, 40) : current.phone,
    title: changes.title !== undefined ? optionalText('title', changes.title, 100) : current.title,
    roles: changes.roles ? [...new Set(changes.roles)] : current.roles,
    updatedAt: now,
  };
}
