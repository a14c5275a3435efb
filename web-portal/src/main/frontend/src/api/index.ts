import { AgentApi } from './agents';
import { AuditApi } from './audit';
import { CallApi } from './calls';
import { api } from './client';
import {
  CallFlowApi,
  ConfigResource,
  TokenApi,
  type DispositionDocument,
  type DispositionFields,
  type GroupDocument,
  type GroupFields,
  type OpeningHoursDocument,
  type OpeningHoursFields,
  type PauseReasonDocument,
  type PauseReasonFields,
  type ServiceNumberDocument,
  type ServiceNumberFields,
  type SkillDocument,
  type SkillFields,
  type UserDocument,
  type UserFields,
} from './config';
import { HealthApi } from './health';
import { PauseReasonApi } from './pauseReasons';
import { PromptApi } from './prompts';
import { ReportApi } from './reports';
import { SessionApi } from './session';
import { TenantApi } from './tenants';
import { SupervisionApi } from './supervision';

export { api };
/**
 * The administration's client: the same session, addressing the tenant a system administrator or
 * reseller picked (the tenant admin's own until then).
 */
export const adminApi = api.sameSession();
export const sessionApi = new SessionApi(api);
export const agentApi = new AgentApi(api);
export const pauseReasonApi = new PauseReasonApi(api);
export const supervisionApi = new SupervisionApi(api);
export const callApi = new CallApi(api);
export const healthApi = new HealthApi(api);
export const promptApi = new PromptApi(adminApi);
export const reportApi = new ReportApi(api);
export const auditApi = new AuditApi(adminApi);
/** The addressed tenant's agents, as the administration's forms offer them. */
export const adminSupervisionApi = new SupervisionApi(adminApi);
export const tenantApi = new TenantApi(api);

/** The user's own tenant's groups, as the supervisor's pages show them. */
export const ownGroupsApi = new ConfigResource<GroupFields, GroupDocument>(api, '/groups');

/** The configuration collections of the tenant the administration addresses. */
export const configApi = {
  groups: new ConfigResource<GroupFields, GroupDocument>(adminApi, '/groups'),
  serviceNumbers: new ConfigResource<ServiceNumberFields, ServiceNumberDocument>(adminApi, '/service-numbers'),
  skills: new ConfigResource<SkillFields, SkillDocument>(adminApi, '/skills'),
  pauseReasons: new ConfigResource<PauseReasonFields, PauseReasonDocument>(adminApi, '/pause-reasons'),
  dispositions: new ConfigResource<DispositionFields, DispositionDocument>(adminApi, '/dispositions'),
  openingHours: new ConfigResource<OpeningHoursFields, OpeningHoursDocument>(adminApi, '/opening-hours'),
  users: new ConfigResource<UserFields, UserDocument>(adminApi, '/users'),
  tokens: new TokenApi(adminApi),
  callFlows: new CallFlowApi(adminApi),
};
