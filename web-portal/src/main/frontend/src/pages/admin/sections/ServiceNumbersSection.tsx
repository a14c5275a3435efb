import { Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router';
import { configApi } from '../../../api';
import type { ServiceNumberDocument } from '../../../api/config';
import { EntityFormFrame } from '../forms/EntityFormFrame';
import { EntityList } from '../forms/EntityList';
import { FormCheckbox, FormSelect, FormTextField } from '../forms/fields';
import { useChoices } from '../forms/useChoices';
import { useEntityForm } from '../forms/useEntityForm';

const LIST = '/admin/service-numbers';

type ServiceNumberValues = { number: string; label: string; callFlow: string | null; answerOnQueue: boolean };

function ServiceNumberList() {
  const { t } = useTranslation();
  return (
    <EntityList<ServiceNumberDocument>
      title={t('admin.sections.service-numbers')}
      resource={configApi.serviceNumbers}
      configKind="service-number"
      rowKey={(number) => number.number}
      rowPath={(number) => `${LIST}/${number.id}`}
      newPath={`${LIST}/new`}
      columns={[
        { label: t('admin.fields.number'), render: (number) => number.number },
        { label: t('admin.fields.label'), render: (number) => number.label ?? '' },
        { label: t('admin.fields.callFlow'), render: (number) => number.callFlow ?? t('admin.outOfService') },
      ]}
    />
  );
}

function ServiceNumberForm() {
  const { t } = useTranslation();
  const { id } = useParams();
  const flows = useChoices(configApi.callFlows, (flow) => ({ value: flow.name, label: flow.name }));
  const form = useEntityForm<ServiceNumberValues, ServiceNumberDocument>({
    resource: configApi.serviceNumbers,
    id,
    empty: { number: '', label: '', callFlow: null, answerOnQueue: false },
    listPath: LIST,
    labelOf: (values) => values.number,
    fromDocument: (number) => ({ number: number.number, label: number.label ?? '', callFlow: number.callFlow, answerOnQueue: number.answerOnQueue }),
    toRequest: (values) => ({
      number: values.number.trim(),
      label: values.label.trim() === '' ? null : values.label.trim(),
      callFlow: values.callFlow,
      answerOnQueue: values.answerOnQueue,
    }),
    shownFields: () => ['number', 'label', 'callFlow', 'answerOnQueue'],
  });
  return (
    <EntityFormFrame form={form} title={form.isNew ? t('admin.newServiceNumber') : form.values.number} listPath={LIST}>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        <FormTextField form={form} path="number" label={t('admin.fields.number')} hint={t('admin.numberHint')} required disabled={!form.isNew} />
        <FormTextField form={form} path="label" label={t('admin.fields.label')} />
        <FormSelect form={form} path="callFlow" label={t('admin.fields.callFlow')} choices={flows} emptyLabel={t('admin.outOfService')} />
      </Box>
      <FormCheckbox form={form} path="answerOnQueue" label={t('admin.fields.answerOnQueue')} hint={t('admin.answerOnQueueHint')} />
    </EntityFormFrame>
  );
}

export function ServiceNumbersSection() {
  return (
    <Routes>
      <Route index element={<ServiceNumberList />} />
      <Route path=":id" element={<ServiceNumberForm />} />
    </Routes>
  );
}
