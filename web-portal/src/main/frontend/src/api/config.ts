import type { ApiClient } from './client';
import { queryString, type Page, type PageQuery } from './page';
import type { GroupStrategy } from './supervision';

/** What every stored configuration document carries: `version` is what a change must name. */
export interface Versioned {
  id: number;
  version: number;
  updatedAt?: string;
}

export interface GroupMember {
  extension: string;
  penalty: number;
}

export interface SkillRequirement {
  skill: string;
  minProficiency: number;
}

export interface GroupFields {
  name: string;
  strategy: GroupStrategy;
  ringTimeSeconds: number;
  wrapUpSeconds: number;
  /** How much longer in total an agent may extend its wrap-up of one call; 0: not at all. */
  wrapUpExtensionSeconds: number;
  maxConsecutiveNoAnswer: number;
  redialDelaySeconds: number;
  redialDelayBusySeconds: number;
  redialDelayRejectedSeconds: number;
  redialDelayUnregisteredSeconds: number;
  serviceLevelSeconds: number;
  serviceLevelTargetPercent: number;
  shortAbandonSeconds: number;
  forcedDisposition: boolean;
  recording: boolean;
  recordingNotice: boolean;
  crmUrlTemplate?: string | null;
  members: GroupMember[];
  skillRequirements: SkillRequirement[];
  /** Applied by the caller's wait on top of skillRequirements (the minimum); no duration: for good. */
  skillSteps: Array<{ conditions: SkillRequirement[]; durationSeconds: number | null }>;
  anyMemberAfterSteps: boolean;
  /** A caller's last agent (within this many days) gets the first try; null: no such preference. */
  lastAgentDays: number | null;
  lastAgentSeconds: number;
  /** How much a caller's wait counts against other groups' callers at equal priority (0–10, 1 as it is). */
  weight: number;
  /** Callbacks whose number does not answer: dialled at most this often, again after the delay, given up after the age. */
  callbackMaxAttempts: number;
  callbackRetrySeconds: number;
  callbackMaxAgeMinutes: number;
}
export type GroupDocument = GroupFields & Versioned;

export interface ServiceNumberFields {
  number: string;
  label: string | null;
  /** The call flow's name; null: out of service. */
  callFlow: string | null;
  /** Answered (200) when the flow first plays the caller audio, instead of early media (183). */
  answerOnQueue: boolean;
}
export type ServiceNumberDocument = ServiceNumberFields & Versioned;

export interface SkillFields {
  name: string;
}
export type SkillDocument = SkillFields & Versioned;

export interface PauseReasonFields {
  code: string;
  label: string;
  paid: boolean;
  maxSeconds: number | null;
  enabled: boolean;
}
export type PauseReasonDocument = PauseReasonFields & Versioned & { setBySystem: boolean };

export interface DispositionFields {
  code: string;
  label: string;
  /** The group's name; null: offered in every group. */
  group: string | null;
  enabled: boolean;
}
export type DispositionDocument = DispositionFields & Versioned;

export interface OpeningInterval {
  /** ISO day of the week: 1 Monday … 7 Sunday. */
  day: number;
  from: string;
  until: string;
}

export interface Holiday {
  /** YYYY-MM-DD */
  day: string;
  name: string;
  openFrom: string | null;
  openUntil: string | null;
}

export interface OpeningHoursFields {
  name: string;
  timeZone: string;
  intervals: OpeningInterval[];
  holidays: Holiday[];
}
export type OpeningHoursDocument = OpeningHoursFields & Versioned;

export const USER_ROLES = ['TENANT_ADMIN', 'SUPERVISOR', 'AGENT'] as const;
/** Besides those: RESELLER, which a system administrator grants to users of a reseller tenant. */
export type UserRole = (typeof USER_ROLES)[number] | 'RESELLER';

/** The roles a user's form offers: RESELLER to a system administrator in a reseller tenant, and wherever a user holds it. */
export function grantableRoles(callerRoles: readonly string[], tenantKind: string | null, held: readonly string[]): UserRole[] {
  const offersReseller = (callerRoles.includes('SYSTEM_ADMIN') && tenantKind === 'RESELLER') || held.includes('RESELLER');
  return offersReseller ? [...USER_ROLES, 'RESELLER'] : [...USER_ROLES];
}

export interface UserFields {
  login: string;
  displayName: string;
  /** Write-only: required on create, left out on replace keeps the stored one. */
  password?: string;
  locale: 'de' | 'en' | null;
  roles: UserRole[];
  supervisedGroups: string[];
  enabled: boolean;
}
export type UserDocument = Omit<UserFields, 'password'> & Versioned & { agent?: string | null };

export const TOKEN_SCOPES = [
  'config:read',
  'config:write',
  'agents:read',
  'agents:write',
  'calls:read',
  'calls:write',
  'events:read',
  'stats:read',
  'stats:write',
] as const;

export interface TokenFields {
  name: string;
  scopes: string[];
  /** ISO instant, or null for a token that does not expire. */
  expiresAt: string | null;
}

export interface TokenDocument {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  /** Only in the answer that created the token: the secret, shown once. */
  token?: string | null;
}

/** A call-flow node: parameters are strings (the server also takes numbers and booleans). */
export interface CallFlowNode {
  id: string;
  type: string;
  parameters: Record<string, string | number | boolean>;
  /** Exit name → id of the node it leads to. */
  exits: Record<string, string>;
}

export interface CallFlowGraph {
  start: string;
  nodes: CallFlowNode[];
}

export interface CallFlowSummary extends Versioned {
  name: string;
  currentVersion: number | null;
  serviceNumbers: string[];
}

export interface CallFlowDocument extends CallFlowSummary {
  graph: CallFlowGraph;
}

export interface CallFlowVersion {
  version: number;
  createdAt: string;
  createdBy: string | null;
  current: boolean;
  graph?: CallFlowGraph;
}

export interface CallFlowViolation {
  nodeId: string | null;
  field: string | null;
  message: string;
}

export interface CheckResult {
  valid: boolean;
  violations: CallFlowViolation[];
}

export interface NodeTypeParameter {
  name: string;
  required: boolean;
  /** What the value must be, in words: "a whole number from 1 to 60". */
  expects: string;
  /** The kind of tenant resource the value names (GROUP, OPENING_HOURS, PROMPT), if any. */
  names: string | null;
  description: string;
}

export interface NodeType {
  type: string;
  title: string;
  parameters: NodeTypeParameter[];
  exits: string[];
}

/**
 * One configuration collection of the API (`/groups`, `/skills`, …): list, read, create, replace
 * (naming the version read), remove.
 */
export class ConfigResource<Fields, Document extends { id: number }> {
  constructor(
    protected readonly client: ApiClient,
    readonly path: string,
  ) {}

  list(query: PageQuery = {}, signal?: AbortSignal): Promise<Page<Document>> {
    return this.client.get<Page<Document>>(`${this.path}${queryString(query)}`, { signal });
  }

  get(id: number | string, signal?: AbortSignal): Promise<Document> {
    return this.client.get<Document>(`${this.path}/${encodeURIComponent(String(id))}`, { signal });
  }

  create(fields: Fields): Promise<Document> {
    return this.client.post<Document>(this.path, fields);
  }

  replace(id: number | string, fields: Fields, version: number): Promise<Document> {
    return this.client.put<Document>(`${this.path}/${encodeURIComponent(String(id))}`, { ...fields, version });
  }

  remove(id: number | string): Promise<unknown> {
    return this.client.delete(`${this.path}/${encodeURIComponent(String(id))}`);
  }
}

export class CallFlowApi extends ConfigResource<{ name: string; graph: CallFlowGraph }, CallFlowDocument> {
  constructor(client: ApiClient) {
    super(client, '/call-flows');
  }

  versions(id: number | string, signal?: AbortSignal): Promise<CallFlowVersion[]> {
    return this.client.get<CallFlowVersion[]>(`${this.path}/${encodeURIComponent(String(id))}/versions`, { signal });
  }

  version(id: number | string, version: number, signal?: AbortSignal): Promise<CallFlowVersion> {
    return this.client.get<CallFlowVersion>(`${this.path}/${encodeURIComponent(String(id))}/versions/${version}`, { signal });
  }

  activate(id: number | string, version: number): Promise<unknown> {
    return this.client.post(`${this.path}/${encodeURIComponent(String(id))}/versions/${version}/activate`);
  }

  check(graph: unknown, signal?: AbortSignal): Promise<CheckResult> {
    return this.client.post<CheckResult>(`${this.path}/check`, { graph }, { signal });
  }

  nodeTypes(signal?: AbortSignal): Promise<NodeType[]> {
    return this.client.get<NodeType[]>(`${this.path}/node-types`, { signal });
  }
}

/** API tokens are created and revoked, never changed. */
export class TokenApi extends ConfigResource<TokenFields, TokenDocument> {
  constructor(client: ApiClient) {
    super(client, '/api-tokens');
  }
}
