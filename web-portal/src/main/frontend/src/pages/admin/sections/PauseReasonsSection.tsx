import { Alert, Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router';
import { configApi } from '../../../api';
import type { PauseReasonDocument } from '../../../api/config';
import { EntityFormFrame } from '../forms/EntityFormFrame';
import { EntityList } from '../forms/EntityList';
import { FormCheckbox, FormNumberField, FormTextField } from '../forms/fields';
import { useEntityForm } from '../forms/useEntityForm';

const LIST = '/admin/pause-reasons';

type PauseReasonValues = { code: string; label: string; paid: boolean; maxSeconds: number | null; enabled: boolean };

function PauseReasonList() {
  const { t } = useTranslation();
  const yes = (value: boolean) => (value ? t('admin.yes') : t('admin.no'));
  return (
    <EntityList<PauseReasonDocument>
      title={t('admin.sections.pause-reasons')}
      resource={configApi.pauseReasons}
      configKind="pause-reason"
      rowKey={(reason) => reason.code}
      rowPath={(reason) => `${LIST}/${reason.id}`}
      newPath={`${LIST}/new`}
      columns={[
        { label: t('admin.fields.code'), render: (reason) => reason.code },
        { label: t('admin.fields.label'), render: (reason) => reason.label },
        { label: t('admin.fields.paid'), render: (reason) => yes(reason.paid) },
        { label: t('admin.fields.maxSeconds'), render: (reason) => reason.maxSeconds ?? '–', align: 'right' },
        { label: t('admin.fields.enabled'), render: (reason) => yes(reason.enabled) },
        { label: t('admin.fields.setBySystem'), render: (reason) => yes(reason.setBySystem) },
      ]}
    />
  );
}

function PauseReasonForm() {
  const { t } = useTranslation();
  const { id } = useParams();
  const form = useEntityForm<PauseReasonValues, PauseReasonDocument>({
    resource: configApi.pauseReasons,
    id,
    empty: { code: '', label: '', paid: true, maxSeconds: null, enabled: true },
    listPath: LIST,
    labelOf: (values) => values.code,
    fromDocument: (reason) => ({ code: reason.code, label: reason.label, paid: reason.paid, maxSeconds: reason.maxSeconds, enabled: reason.enabled }),
    toRequest: (values) => ({ ...values, code: values.code.trim(), label: values.label.trim() }),
    shownFields: () => ['code', 'label', 'paid', 'maxSeconds', 'enabled'],
  });
  const bySystem = (form.document as PauseReasonDocument | null)?.setBySystem === true;
  return (
    <EntityFormFrame form={form} title={form.isNew ? t('admin.newPauseReason') : form.values.code} listPath={LIST} readOnly={bySystem}>
      {bySystem && (
        <Alert severity="info" data-testid="set-by-system">
          {t('admin.setBySystemHint')}
        </Alert>
      )}
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        <FormTextField form={form} path="code" label={t('admin.fields.code')} hint={t('admin.codeHint')} required disabled={!form.isNew || bySystem} />
        <FormTextField form={form} path="label" label={t('admin.fields.label')} required disabled={bySystem} />
        <FormNumberField form={form} path="maxSeconds" label={t('admin.fields.maxSeconds')} hint={t('admin.maxSecondsHint')} min={1} disabled={bySystem} />
      </Box>
      <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap' }}>
        <FormCheckbox form={form} path="paid" label={t('admin.fields.paid')} disabled={bySystem} />
        <FormCheckbox form={form} path="enabled" label={t('admin.fields.enabled')} disabled={bySystem} />
      </Box>
    </EntityFormFrame>
  );
}

export function PauseReasonsSection() {
  return (
    <Routes>
      <Route index element={<PauseReasonList />} />
      <Route path=":id" element={<PauseReasonForm />} />
    </Routes>
  );
}
