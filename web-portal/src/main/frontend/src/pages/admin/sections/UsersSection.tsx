import { Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router';
import { configApi } from '../../../api';
import { grantableRoles, type UserDocument } from '../../../api/config';
import { useSession } from '../../../session/SessionContext';
import { useAdminTenant } from '../AdminTenant';
import { EntityFormFrame } from '../forms/EntityFormFrame';
import { EntityList } from '../forms/EntityList';
import { FormCheckbox, FormCheckboxGroup, FormSelect, FormTextField } from '../forms/fields';
import { useChoices } from '../forms/useChoices';
import { useEntityForm } from '../forms/useEntityForm';

const LIST = '/admin/users';

type UserValues = {
  login: string;
  displayName: string;
  password: string;
  locale: string | null;
  roles: string[];
  supervisedGroups: string[];
  enabled: boolean;
};

function showsSupervisedGroups(values: UserValues): boolean {
  return values.roles.includes('SUPERVISOR') || values.supervisedGroups.length > 0;
}

function UserList() {
  const { t } = useTranslation();
  return (
    <EntityList<UserDocument>
      title={t('admin.sections.users')}
      resource={configApi.users}
      configKind="user"
      rowKey={(user) => user.login}
      rowPath={(user) => `${LIST}/${user.id}`}
      newPath={`${LIST}/new`}
      columns={[
        { label: t('admin.fields.login'), render: (user) => user.login },
        { label: t('admin.fields.displayName'), render: (user) => user.displayName },
        { label: t('admin.fields.roles'), render: (user) => user.roles.map((role) => t(`roles.${role}`)).join(', ') },
        { label: t('admin.fields.agent'), render: (user) => user.agent ?? '' },
        { label: t('admin.fields.enabled'), render: (user) => (user.enabled ? t('admin.yes') : t('admin.no')) },
      ]}
    />
  );
}

function UserForm() {
  const { t } = useTranslation();
  const { id } = useParams();
  const session = useSession();
  const tenant = useAdminTenant();
  const groups = useChoices(configApi.groups, (group) => ({ value: group.name, label: group.name }));
  const form = useEntityForm<UserValues, UserDocument>({
    resource: configApi.users,
    id,
    empty: { login: '', displayName: '', password: '', locale: null, roles: ['AGENT'], supervisedGroups: [], enabled: true },
    listPath: LIST,
    labelOf: (values) => values.login,
    fromDocument: (user) => ({
      login: user.login,
      displayName: user.displayName,
      password: '',
      locale: user.locale,
      roles: [...user.roles],
      supervisedGroups: [...user.supervisedGroups],
      enabled: user.enabled,
    }),
    toRequest: (values) => {
      const { password, ...rest } = values;
      // The password is write-only: left out, the stored one stays.
      return password === '' ? { ...rest, login: rest.login.trim() } : { ...rest, login: rest.login.trim(), password };
    },
    shownFields: (values) => [
      'login',
      'displayName',
      'password',
      'locale',
      'roles',
      'enabled',
      // Only shown for supervisors (or while groups are ticked): otherwise its problems go to the summary.
      ...(showsSupervisedGroups(values) ? ['supervisedGroups'] : []),
    ],
  });
  return (
    <EntityFormFrame form={form} title={form.isNew ? t('admin.newUser') : form.values.login} listPath={LIST}>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        <FormTextField form={form} path="login" label={t('admin.fields.login')} hint={t('admin.loginHint', { tenant: tenant.key })} required disabled={!form.isNew} autoComplete="off" />
        <FormTextField form={form} path="displayName" label={t('admin.fields.displayName')} required />
        <FormTextField
          form={form}
          path="password"
          type="password"
          label={t('admin.fields.password')}
          hint={form.isNew ? t('admin.passwordHintNew') : t('admin.passwordHintKeep')}
          required={form.isNew}
          autoComplete="new-password"
        />
        <FormSelect
          form={form}
          path="locale"
          label={t('admin.fields.locale')}
          emptyLabel={t('admin.tenantDefault')}
          choices={[
            { value: 'de', label: t('language.de') },
            { value: 'en', label: t('language.en') },
          ]}
        />
      </Box>
      <FormCheckboxGroup
        form={form}
        path="roles"
        label={t('admin.fields.roles')}
        choices={grantableRoles(session.roles, tenant.document?.kind ?? null, form.values.roles).map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      />
      {showsSupervisedGroups(form.values) && (
        <FormCheckboxGroup form={form} path="supervisedGroups" label={t('admin.fields.supervisedGroups')} hint={t('admin.supervisedGroupsHint')} choices={groups} />
      )}
      <FormCheckbox form={form} path="enabled" label={t('admin.fields.enabled')} />
    </EntityFormFrame>
  );
}

export function UsersSection() {
  return (
    <Routes>
      <Route index element={<UserList />} />
      <Route path=":id" element={<UserForm />} />
    </Routes>
  );
}
