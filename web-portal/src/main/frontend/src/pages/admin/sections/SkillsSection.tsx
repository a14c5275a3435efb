import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router';
import { configApi } from '../../../api';
import type { SkillDocument } from '../../../api/config';
import { EntityFormFrame } from '../forms/EntityFormFrame';
import { EntityList } from '../forms/EntityList';
import { FormTextField } from '../forms/fields';
import { useEntityForm } from '../forms/useEntityForm';

const LIST = '/admin/skills';

function SkillList() {
  const { t } = useTranslation();
  return (
    <EntityList<SkillDocument>
      title={t('admin.sections.skills')}
      resource={configApi.skills}
      configKind="skill"
      rowKey={(skill) => skill.name}
      rowPath={(skill) => `${LIST}/${skill.id}`}
      newPath={`${LIST}/new`}
      columns={[{ label: t('admin.fields.name'), render: (skill) => skill.name }]}
    />
  );
}

function SkillForm() {
  const { t } = useTranslation();
  const { id } = useParams();
  const form = useEntityForm<{ name: string }, SkillDocument>({
    resource: configApi.skills,
    id,
    empty: { name: '' },
    listPath: LIST,
    labelOf: (values) => values.name,
    fromDocument: (skill) => ({ name: skill.name }),
    toRequest: (values) => ({ name: values.name.trim() }),
    shownFields: () => ['name'],
  });
  return (
    <EntityFormFrame form={form} title={form.isNew ? t('admin.newSkill') : form.values.name} listPath={LIST}>
      <FormTextField form={form} path="name" label={t('admin.fields.name')} required />
    </EntityFormFrame>
  );
}

export function SkillsSection() {
  return (
    <Routes>
      <Route index element={<SkillList />} />
      <Route path=":id" element={<SkillForm />} />
    </Routes>
  );
}
