import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { callAudioOf, callAudioUrl } from '../../api/calls';
import { resources } from '../../i18n/languages';
import { CallAudioPlayers } from './CallAudioPlayers';

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ lng: 'de', resources, interpolation: { escapeValue: false } });
});

function render(hasRecording: boolean, hasVoicemail: boolean): string {
  return renderToStaticMarkup(createElement(CallAudioPlayers, { call: { callId: 'c/1', hasRecording, hasVoicemail } }));
}

describe("a call's audio", () => {
  it('is listed recording first, only what the call has', () => {
    expect(callAudioOf({ hasRecording: true, hasVoicemail: true })).toEqual(['recording', 'voicemail']);
    expect(callAudioOf({ hasVoicemail: true })).toEqual(['voicemail']);
    expect(callAudioOf({})).toEqual([]);
  });

  it("is fetched from the call's own URLs", () => {
    expect(callAudioUrl('c/1', 'recording')).toBe('/api/v1/calls/c%2F1/recording');
  });

  it('gets a player with controls per file, loading nothing before play', () => {
    const html = render(true, false);
    expect(html).toContain('data-testid="call-recording-player"');
    expect(html).toMatch(/<audio[^>]*controls=""[^>]*preload="none"[^>]*src="\/api\/v1\/calls\/c%2F1\/recording"/);
    expect(html).toContain('Aufzeichnung');
    expect(html).not.toContain('call-voicemail-player');
  });

  it('shows nothing for a call with neither', () => {
    expect(render(false, false)).toBe('');
  });
});
