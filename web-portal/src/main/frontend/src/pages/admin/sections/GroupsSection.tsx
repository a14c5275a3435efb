import { Box } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router';
import { adminSupervisionApi, configApi } from '../../../api';
import type { GroupDocument } from '../../../api/config';
import { GROUP_STRATEGIES } from '../../../api/supervision';
import { EntityFormFrame } from '../forms/EntityFormFrame';
import { EntityList } from '../forms/EntityList';
import { FormCheckbox, FormNumberField, FormSelect, FormTextField, type Choice } from '../forms/fields';
import { ListEditor } from '../forms/ListEditor';
import { itemPaths } from '../forms/paths';
import { useChoices } from '../forms/useChoices';
import { useEntityForm } from '../forms/useEntityForm';

const LIST = '/admin/groups';

const NUMBER_FIELDS = [
  'ringTimeSeconds',
  'wrapUpSeconds',
  'wrapUpExtensionSeconds',
  'maxConsecutiveNoAnswer',
  'redialDelaySeconds',
  'redialDelayBusySeconds',
  'redialDelayRejectedSeconds',
  'redialDelayUnregisteredSeconds',
  'serviceLevelSeconds',
  'serviceLevelTargetPercent',
  'shortAbandonSeconds',
  'callbackMaxAttempts',
  'callbackRetrySeconds',
  'callbackMaxAgeMinutes',
] as const;

type GroupValues = {
  name: string;
  strategy: string;
  members: Array<{ extension: string; penalty: number | null }>;
  skillRequirements: Array<{ skill: string; minProficiency: number | null }>;
  skillSteps: Array<{ conditions: Array<{ skill: string; minProficiency: number | null }>; durationSeconds: number | null }>;
  anyMemberAfterSteps: boolean;
  lastAgentDays: number | null;
  lastAgentSeconds: number | null;
  weight: number | null;
  forcedDisposition: boolean;
  recording: boolean;
  recordingNotice: boolean;
  crmUrlTemplate: string;
} & Record<(typeof NUMBER_FIELDS)[number], number | null>;

/** The server's defaults, so a new group shows what it will get. */
const EMPTY: GroupValues = {
  name: '',
  strategy: 'LONGEST_IDLE',
  ringTimeSeconds: 15,
  wrapUpSeconds: 0,
  wrapUpExtensionSeconds: 0,
  maxConsecutiveNoAnswer: 3,
  redialDelaySeconds: 2,
  redialDelayBusySeconds: 2,
  redialDelayRejectedSeconds: 2,
  redialDelayUnregisteredSeconds: 2,
  serviceLevelSeconds: 20,
  serviceLevelTargetPercent: 80,
  shortAbandonSeconds: 5,
  callbackMaxAttempts: 3,
  callbackRetrySeconds: 120,
  callbackMaxAgeMinutes: 240,
  forcedDisposition: false,
  recording: false,
  recordingNotice: true,
  crmUrlTemplate: '',
  members: [],
  skillRequirements: [],
  skillSteps: [],
  anyMemberAfterSteps: false,
  lastAgentDays: null,
  lastAgentSeconds: 20,
  weight: 1,
};

function GroupList() {
  const { t } = useTranslation();
  return (
    <EntityList<GroupDocument>
      title={t('admin.sections.groups')}
      resource={configApi.groups}
      configKind="group"
      rowKey={(group) => group.name}
      rowPath={(group) => `${LIST}/${group.id}`}
      newPath={`${LIST}/new`}
      columns={[
        { label: t('admin.fields.name'), render: (group) => group.name },
        { label: t('admin.fields.strategy'), render: (group) => t(`strategy.${group.strategy}`) },
        { label: t('admin.fields.members'), render: (group) => group.members.length, align: 'right' },
        {
          label: t('admin.fields.serviceLevel'),
          render: (group) => t('admin.serviceLevelTarget', { percent: group.serviceLevelTargetPercent, seconds: group.serviceLevelSeconds }),
        },
      ]}
    />
  );
}

/** The tenant's agents as choices: "1001 – Anna Berg". */
function useAgentChoices(): Choice[] {
  const [choices, setChoices] = useState<Choice[]>([]);
  useEffect(() => {
    const abort = new AbortController();
    adminSupervisionApi
      .agents(abort.signal)
      .then((agents) => setChoices(agents.map((agent) => ({ value: agent.extension, label: `${agent.extension} – ${agent.displayName}` }))))
      .catch(() => undefined);
    return () => abort.abort();
  }, []);
  return choices;
}

function GroupForm() {
  const { t } = useTranslation();
  const { id } = useParams();
  const agents = useAgentChoices();
  const skills = useChoices(configApi.skills, (skill) => ({ value: skill.name, label: skill.name }));
  const form = useEntityForm<GroupValues, GroupDocument>({
    resource: configApi.groups,
    id,
    empty: EMPTY,
    listPath: LIST,
    labelOf: (values) => values.name,
    fromDocument: (group) => ({
      name: group.name,
      strategy: group.strategy,
      ringTimeSeconds: group.ringTimeSeconds,
      wrapUpSeconds: group.wrapUpSeconds,
      wrapUpExtensionSeconds: group.wrapUpExtensionSeconds ?? 0,
      maxConsecutiveNoAnswer: group.maxConsecutiveNoAnswer,
      redialDelaySeconds: group.redialDelaySeconds,
      redialDelayBusySeconds: group.redialDelayBusySeconds,
      redialDelayRejectedSeconds: group.redialDelayRejectedSeconds,
      redialDelayUnregisteredSeconds: group.redialDelayUnregisteredSeconds,
      serviceLevelSeconds: group.serviceLevelSeconds,
      serviceLevelTargetPercent: group.serviceLevelTargetPercent,
      shortAbandonSeconds: group.shortAbandonSeconds,
      callbackMaxAttempts: group.callbackMaxAttempts ?? 3,
      callbackRetrySeconds: group.callbackRetrySeconds ?? 120,
      callbackMaxAgeMinutes: group.callbackMaxAgeMinutes ?? 240,
      forcedDisposition: group.forcedDisposition,
      recording: group.recording,
      recordingNotice: group.recordingNotice,
      crmUrlTemplate: group.crmUrlTemplate ?? '',
      members: group.members.map((member) => ({ ...member })),
      skillRequirements: group.skillRequirements.map((skill) => ({ ...skill })),
      skillSteps: (group.skillSteps ?? []).map((step) => ({ ...step, conditions: step.conditions.map((condition) => ({ ...condition })) })),
      anyMemberAfterSteps: group.anyMemberAfterSteps ?? false,
      lastAgentDays: group.lastAgentDays ?? null,
      lastAgentSeconds: group.lastAgentSeconds ?? 20,
      weight: group.weight ?? 1,
    }),
    toRequest: (values) => ({ ...values, name: values.name.trim(), crmUrlTemplate: values.crmUrlTemplate.trim() || null }),
    shownFields: (values) => [
      'name',
      'strategy',
      ...NUMBER_FIELDS,
      'forcedDisposition',
      'recording',
      'recordingNotice',
      'crmUrlTemplate',
      ...itemPaths('members', values.members.length, ['extension', 'penalty']),
      ...itemPaths('skillRequirements', values.skillRequirements.length, ['skill', 'minProficiency']),
      'anyMemberAfterSteps',
      'lastAgentDays',
      'lastAgentSeconds',
      'weight',
      ...itemPaths('skillSteps', values.skillSteps.length, ['durationSeconds']),
      ...values.skillSteps.flatMap((step, index) =>
        itemPaths(`skillSteps[${index}].conditions`, step.conditions.length, ['skill', 'minProficiency']),
      ),
    ],
  });
  const strategies = GROUP_STRATEGIES.map((strategy) => ({ value: strategy, label: t(`strategy.${strategy}`) }));
  const proficiencies = [1, 2, 3, 4, 5].map((level) => ({ value: String(level), label: String(level) }));

  return (
    <EntityFormFrame form={form} title={form.isNew ? t('admin.newGroup') : form.values.name} listPath={LIST}>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        <FormTextField form={form} path="name" label={t('admin.fields.name')} required />
        <FormSelect form={form} path="strategy" label={t('admin.fields.strategy')} choices={strategies} testId="group-strategy" />
      </Box>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: 'repeat(4, 1fr)' } }}>
        {NUMBER_FIELDS.map((field) => (
          <FormNumberField key={field} form={form} path={field} label={t(`admin.fields.${field}`)} />
        ))}
      </Box>
      <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap' }}>
        <FormCheckbox form={form} path="forcedDisposition" label={t('admin.fields.forcedDisposition')} />
        <FormCheckbox form={form} path="recording" label={t('admin.fields.recording')} />
        <FormCheckbox form={form} path="recordingNotice" label={t('admin.fields.recordingNotice')} />
      </Box>
      <FormTextField form={form} path="crmUrlTemplate" label={t('admin.fields.crmUrlTemplate')} />
      <ListEditor
        form={form}
        path="members"
        title={t('admin.fields.members')}
        addLabel={t('admin.addMember')}
        emptyText={t('admin.noMembers')}
        newItem={() => ({ extension: '', penalty: 0 })}
        renderItem={(index) => (
          <>
            <FormSelect form={form} path={`members[${index}].extension`} label={t('admin.fields.agent')} choices={agents} />
            <FormNumberField form={form} path={`members[${index}].penalty`} label={t('admin.fields.penalty')} min={0} max={100} hint={t('admin.penaltyHint')} />
          </>
        )}
      />
      <ListEditor
        form={form}
        path="skillRequirements"
        title={t('admin.fields.skillRequirements')}
        addLabel={t('admin.addSkill')}
        emptyText={t('admin.noSkills')}
        newItem={() => ({ skill: '', minProficiency: 1 })}
        renderItem={(index) => (
          <>
            <FormSelect form={form} path={`skillRequirements[${index}].skill`} label={t('admin.fields.skill')} choices={skills} />
            <FormSelect form={form} path={`skillRequirements[${index}].minProficiency`} label={t('admin.fields.minProficiency')} choices={proficiencies} numeric />
          </>
        )}
      />
      <ListEditor
        form={form}
        path="skillSteps"
        title={t('admin.fields.skillSteps')}
        addLabel={t('admin.addSkillStep')}
        emptyText={t('admin.noSkillSteps')}
        newItem={() => ({ conditions: [{ skill: '', minProficiency: 1 }], durationSeconds: 30 })}
        renderItem={(index) => (
          <>
            <FormNumberField
              form={form}
              path={`skillSteps[${index}].durationSeconds`}
              label={t('admin.fields.stepDurationSeconds')}
              min={1}
              max={86400}
              hint={t('admin.stepDurationHint')}
            />
            <ListEditor
              form={form}
              path={`skillSteps[${index}].conditions`}
              title={t('admin.fields.stepConditions')}
              addLabel={t('admin.addSkill')}
              emptyText={t('admin.noStepConditions')}
              newItem={() => ({ skill: '', minProficiency: 1 })}
              renderItem={(condition) => (
                <>
                  <FormSelect form={form} path={`skillSteps[${index}].conditions[${condition}].skill`} label={t('admin.fields.skill')} choices={skills} />
                  <FormSelect
                    form={form}
                    path={`skillSteps[${index}].conditions[${condition}].minProficiency`}
                    label={t('admin.fields.minProficiency')}
                    choices={proficiencies}
                    numeric
                  />
                </>
              )}
            />
          </>
        )}
      />
      <FormCheckbox form={form} path="anyMemberAfterSteps" label={t('admin.fields.anyMemberAfterSteps')} />
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        <FormNumberField form={form} path="lastAgentDays" label={t('admin.fields.lastAgentDays')} min={1} max={365} hint={t('admin.lastAgentHint')} />
        <FormNumberField form={form} path="lastAgentSeconds" label={t('admin.fields.lastAgentSeconds')} min={1} max={600} />
        <FormNumberField form={form} path="weight" label={t('admin.fields.weight')} min={0} max={10} step={0.1} hint={t('admin.weightHint')} />
      </Box>
    </EntityFormFrame>
  );
}

export function GroupsSection() {
  return (
    <Routes>
      <Route index element={<GroupList />} />
      <Route path=":id" element={<GroupForm />} />
    </Routes>
  );
}
