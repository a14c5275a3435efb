import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../../i18n/languages';
import { PromptsSection } from './PromptsSection';

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ lng: 'en', resources, interpolation: { escapeValue: false } });
});

describe('the prompts section', () => {
  it('offers an audio file input and a name as call flows write it', () => {
    const html = renderToStaticMarkup(createElement(PromptsSection));
    expect(html).toMatch(/<input[^>]*type="file"[^>]*accept="[^"]*\.wav/);
    expect(html).toContain('data-testid="prompt-name"');
    expect(html).toContain('lower-case letters, digits and -');
    expect(html).toContain('data-testid="prompt-table"');
  });
});
