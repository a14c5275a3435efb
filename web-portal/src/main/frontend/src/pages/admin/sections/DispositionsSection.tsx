import { Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router';
import { configApi } from '../../../api';
import type { DispositionDocument } from '../../../api/config';
import { EntityFormFrame } from '../forms/EntityFormFrame';
import { EntityList } from '../forms/EntityList';
import { FormCheckbox, FormSelect, FormTextField } from '../forms/fields';
import { useChoices } from '../forms/useChoices';
import { useEntityForm } from '../forms/useEntityForm';

const LIST = '/admin/dispositions';

type DispositionValues = { code: string; label: string; group: string | null; enabled: boolean };

function DispositionList() {
  const { t } = useTranslation();
  return (
    <EntityList<DispositionDocument>
      title={t('admin.sections.dispositions')}
      resource={configApi.dispositions}
      configKind="disposition"
      rowKey={(disposition) => disposition.code}
      rowPath={(disposition) => `${LIST}/${disposition.id}`}
      newPath={`${LIST}/new`}
      columns={[
        { label: t('admin.fields.code'), render: (disposition) => disposition.code },
        { label: t('admin.fields.label'), render: (disposition) => disposition.label },
        { label: t('admin.fields.group'), render: (disposition) => disposition.group ?? t('admin.allGroups') },
        { label: t('admin.fields.enabled'), render: (disposition) => (disposition.enabled ? t('admin.yes') : t('admin.no')) },
      ]}
    />
  );
}

function DispositionForm() {
  const { t } = useTranslation();
  const { id } = useParams();
  const groups = useChoices(configApi.groups, (group) => ({ value: group.name, label: group.name }));
  const form = useEntityForm<DispositionValues, DispositionDocument>({
    resource: configApi.dispositions,
    id,
    empty: { code: '', label: '', group: null, enabled: true },
    listPath: LIST,
    labelOf: (values) => values.code,
    fromDocument: (disposition) => ({ code: disposition.code, label: disposition.label, group: disposition.group, enabled: disposition.enabled }),
    toRequest: (values) => ({ ...values, code: values.code.trim(), label: values.label.trim() }),
    shownFields: () => ['code', 'label', 'group', 'enabled'],
  });
  return (
    <EntityFormFrame form={form} title={form.isNew ? t('admin.newDisposition') : form.values.code} listPath={LIST}>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        <FormTextField form={form} path="code" label={t('admin.fields.code')} hint={t('admin.codeHint')} required disabled={!form.isNew} />
        <FormTextField form={form} path="label" label={t('admin.fields.label')} required />
        <FormSelect form={form} path="group" label={t('admin.fields.group')} choices={groups} emptyLabel={t('admin.allGroups')} />
      </Box>
      <FormCheckbox form={form} path="enabled" label={t('admin.fields.enabled')} />
    </EntityFormFrame>
  );
}

export function DispositionsSection() {
  return (
    <Routes>
      <Route index element={<DispositionList />} />
      <Route path=":id" element={<DispositionForm />} />
    </Routes>
  );
}
