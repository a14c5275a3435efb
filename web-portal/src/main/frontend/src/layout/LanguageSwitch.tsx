import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage, storeLanguage } from '../i18n/languages';

/** German / English; the choice is kept in localStorage and wins over the browser's language. */
export function LanguageSwitch({ color = 'standard' }: { color?: 'standard' | 'inherit' }) {
  const { t, i18n } = useTranslation();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : null;

  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={current}
      aria-label={t('language.label')}
      data-testid="language-switch"
      onChange={(_, language: unknown) => {
        if (isLanguage(language)) {
          storeLanguage(language);
          void i18n.changeLanguage(language);
        }
      }}
      sx={color === 'inherit' ? { '& .MuiToggleButton-root': { color: 'inherit', borderColor: 'rgba(255,255,255,0.5)' } } : undefined}
    >
      {LANGUAGES.map((language) => (
        <ToggleButton
          key={language}
          value={language}
          lang={language}
          aria-label={t(`language.${language}`)}
          data-testid={`language-switch-${language}`}
          sx={{ px: 1.25, py: 0.25, '&.Mui-selected': color === 'inherit' ? { color: 'inherit', bgcolor: 'rgba(255,255,255,0.2)' } : {} }}
        >
          {language.toUpperCase()}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
