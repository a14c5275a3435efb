import { Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router';
import { configApi } from '../../../api';
import type { Holiday, OpeningHoursDocument, OpeningInterval } from '../../../api/config';
import { EntityFormFrame } from '../forms/EntityFormFrame';
import { EntityList } from '../forms/EntityList';
import { FormSelect, FormTextField } from '../forms/fields';
import { ListEditor } from '../forms/ListEditor';
import { itemPaths } from '../forms/paths';
import { useEntityForm } from '../forms/useEntityForm';

const LIST = '/admin/opening-hours';
const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

type OpeningHoursValues = {
  name: string;
  timeZone: string;
  intervals: Array<{ day: number; from: string; until: string }>;
  holidays: Array<{ day: string; name: string; openFrom: string; openUntil: string }>;
};

function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return 'Europe/Berlin';
  }
}

function OpeningHoursList() {
  const { t } = useTranslation();
  return (
    <EntityList<OpeningHoursDocument>
      title={t('admin.sections.opening-hours')}
      resource={configApi.openingHours}
      configKind="opening-hours"
      rowKey={(hours) => hours.name}
      rowPath={(hours) => `${LIST}/${hours.id}`}
      newPath={`${LIST}/new`}
      columns={[
        { label: t('admin.fields.name'), render: (hours) => hours.name },
        { label: t('admin.fields.timeZone'), render: (hours) => hours.timeZone },
        { label: t('admin.fields.intervals'), render: (hours) => hours.intervals?.length ?? 0, align: 'right' },
        { label: t('admin.fields.holidays'), render: (hours) => hours.holidays?.length ?? 0, align: 'right' },
      ]}
    />
  );
}

function OpeningHoursForm() {
  const { t } = useTranslation();
  const { id } = useParams();
  const form = useEntityForm<OpeningHoursValues, OpeningHoursDocument>({
    resource: configApi.openingHours,
    id,
    empty: { name: '', timeZone: browserZone(), intervals: [], holidays: [] },
    listPath: LIST,
    labelOf: (values) => values.name,
    fromDocument: (hours) => ({
      name: hours.name,
      timeZone: hours.timeZone,
      intervals: (hours.intervals ?? []).map((interval) => ({ ...interval })),
      holidays: (hours.holidays ?? []).map((holiday) => ({ ...holiday, openFrom: holiday.openFrom ?? '', openUntil: holiday.openUntil ?? '' })),
    }),
    toRequest: (values) => ({
      name: values.name.trim(),
      timeZone: values.timeZone.trim() === '' ? null : values.timeZone.trim(),
      intervals: values.intervals.map((interval): OpeningInterval => ({ day: Number(interval.day), from: interval.from, until: interval.until })),
      holidays: values.holidays.map(
        (holiday): Holiday => ({
          day: holiday.day,
          name: holiday.name.trim(),
          openFrom: holiday.openFrom === '' ? null : holiday.openFrom,
          openUntil: holiday.openUntil === '' ? null : holiday.openUntil,
        }),
      ),
    }),
    shownFields: (values) => [
      'name',
      'timeZone',
      ...itemPaths('intervals', values.intervals.length, ['day', 'from', 'until']),
      ...itemPaths('holidays', values.holidays.length, ['day', 'name', 'openFrom', 'openUntil']),
    ],
  });
  const days = DAYS.map((day) => ({ value: String(day), label: t(`days.${day}`) }));

  return (
    <EntityFormFrame form={form} title={form.isNew ? t('admin.newOpeningHours') : form.values.name} listPath={LIST}>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        <FormTextField form={form} path="name" label={t('admin.fields.name')} required />
        <FormTextField form={form} path="timeZone" label={t('admin.fields.timeZone')} hint={t('admin.timeZoneHint')} />
      </Box>
      <ListEditor
        form={form}
        path="intervals"
        title={t('admin.fields.intervals')}
        addLabel={t('admin.addInterval')}
        emptyText={t('admin.noIntervals')}
        newItem={() => ({ day: 1, from: '08:00', until: '18:00' })}
        renderItem={(index) => (
          <>
            <FormSelect form={form} path={`intervals[${index}].day`} label={t('admin.fields.day')} choices={days} numeric />
            <FormTextField form={form} path={`intervals[${index}].from`} type="time" label={t('admin.fields.from')} />
            <FormTextField form={form} path={`intervals[${index}].until`} type="time" label={t('admin.fields.until')} hint={t('admin.untilHint')} />
          </>
        )}
      />
      <ListEditor
        form={form}
        path="holidays"
        title={t('admin.fields.holidays')}
        addLabel={t('admin.addHoliday')}
        emptyText={t('admin.noHolidays')}
        newItem={() => ({ day: '', name: '', openFrom: '', openUntil: '' })}
        renderItem={(index) => (
          <>
            <FormTextField form={form} path={`holidays[${index}].day`} type="date" label={t('admin.fields.date')} />
            <FormTextField form={form} path={`holidays[${index}].name`} label={t('admin.fields.name')} />
            <FormTextField form={form} path={`holidays[${index}].openFrom`} type="time" label={t('admin.fields.openFrom')} hint={t('admin.closedAllDayHint')} />
            <FormTextField form={form} path={`holidays[${index}].openUntil`} type="time" label={t('admin.fields.openUntil')} />
          </>
        )}
      />
    </EntityFormFrame>
  );
}

export function OpeningHoursSection() {
  return (
    <Routes>
      <Route index element={<OpeningHoursList />} />
      <Route path=":id" element={<OpeningHoursForm />} />
    </Routes>
  );
}
