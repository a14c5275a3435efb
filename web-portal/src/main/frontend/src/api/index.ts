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
export const sessionApi = new SessionApi(api);
export const agentApi = new AgentApi(api);
export const pauseReasonApi = new PauseReasonApi(api);
export const supervisionApi = new SupervisionApi(api);
export const callApi = new CallApi(api);
export const healthApi = new HealthApi(api);
export const promptApi = new PromptApi(api);
export const reportApi = new ReportApi(api);
export const auditApi = new AuditApi(api);
export const tenantApi = new TenantApi(api);

/** The tenant admin's configuration collections. */
export const configApi = {
  groups: new ConfigResource<GroupFields, GroupDocument>(api, '/groups'),
  serviceNumbers: new ConfigResource<ServiceNumberFields, ServiceNumberDocument>(api, '/service-numbers'),
  skills: new ConfigResource<SkillFields, SkillDocument>(api, '/skills'),
  pauseReasons: new ConfigResource<PauseReasonFields, PauseReasonDocument>(api, '/pause-reasons'),
  dispositions: new ConfigResource<DispositionFields, DispositionDocument>(api, '/dispositions'),
  openingHours: new ConfigResource<OpeningHoursFields, OpeningHoursDocument>(api, '/opening-hours'),
  users: new ConfigResource<UserFields, UserDocument>(api, '/users'),
  tokens: new TokenApi(api),
  callFlows: new CallFlowApi(api),
};
