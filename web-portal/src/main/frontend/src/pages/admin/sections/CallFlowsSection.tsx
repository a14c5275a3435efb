import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { configApi } from '../../../api';
import type { CallFlowSummary } from '../../../api/config';
import { CallFlowEditor } from '../callflow/CallFlowEditor';
import { EntityList } from '../forms/EntityList';

const LIST = '/admin/call-flows';

function CallFlowList() {
  const { t } = useTranslation();
  return (
    <EntityList<CallFlowSummary>
      title={t('admin.sections.call-flows')}
      resource={configApi.callFlows}
      configKind="call-flow"
      rowKey={(flow) => flow.name}
      rowPath={(flow) => `${LIST}/${flow.id}`}
      newPath={`${LIST}/new`}
      columns={[
        { label: t('admin.fields.name'), render: (flow) => flow.name },
        { label: t('callFlow.version'), render: (flow) => flow.currentVersion ?? '–', align: 'right' },
        { label: t('admin.fields.serviceNumbers'), render: (flow) => (flow.serviceNumbers ?? []).join(', ') },
      ]}
    />
  );
}

export function CallFlowsSection() {
  return (
    <Routes>
      <Route index element={<CallFlowList />} />
      <Route path=":id" element={<CallFlowEditor />} />
    </Routes>
  );
}
