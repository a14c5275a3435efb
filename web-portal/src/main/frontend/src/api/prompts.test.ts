import { describe, expect, it } from 'vitest';
import { ApiClient, type FetchFunction } from './client';
import { ApiError } from './problem';
import { PromptApi, promptAudioUrl, promptContentType, promptNameFromFile, promptNameProblem } from './prompts';

const SYSTEM = new Set(['welcome', 'menu']);

describe('prompt names', () => {
  it('accepts names as call flows write them and tells why others are refused', () => {
    expect(promptNameProblem('summer-sale-2', SYSTEM)).toBeNull();
    expect(promptNameProblem('', SYSTEM)).toBe('empty');
    expect(promptNameProblem('Summer Sale', SYSTEM)).toBe('form');
    expect(promptNameProblem('-sale', SYSTEM)).toBe('form');
    expect(promptNameProblem('a'.repeat(64), SYSTEM)).toBe('form');
    expect(promptNameProblem('welcome', SYSTEM)).toBe('system');
  });

  it('suggests a name from the file chosen', () => {
    expect(promptNameFromFile('Main Menu (v2).wav')).toBe('main-menu-v2');
    expect(promptNameFromFile('Begrüßung_Sommer.WAV')).toBe('begru-ung-sommer');
    expect(promptNameFromFile('x'.repeat(80) + '.wav')).toHaveLength(63);
  });
});

describe('prompt uploads', () => {
  it('send raw G.711 with the type that names its law', () => {
    expect(promptContentType({ name: 'hold.ul', type: '' })).toBe('audio/PCMU');
    expect(promptContentType({ name: 'hold.pcma', type: 'application/octet-stream' })).toBe('audio/PCMA');
    expect(promptContentType({ name: 'hold.wav', type: 'audio/x-wav' })).toBe('audio/x-wav');
    expect(promptContentType({ name: 'hold.wav', type: '' })).toBe('audio/wav');
  });

  it('put the file itself, not JSON, with the CSRF token', async () => {
    const seen: Array<{ url: string; init: RequestInit | undefined }> = [];
    const fetchFunction: FetchFunction = async (url, init) => {
      seen.push({ url, init });
      return new Response(JSON.stringify({ name: 'jingle', system: false, size: 100, modified: null, sha256: null }), {
        status: 201,
        headers: { 'Content-Type': 'application/json' },
      });
    };
    const client = new ApiClient(fetchFunction, '/api/v1');
    client.setCsrfToken('csrf');
    const file = new File([new Uint8Array([82, 73, 70, 70])], 'jingle.wav', { type: '' });

    const stored = await new PromptApi(client).upload('jingle', file);

    expect(stored.name).toBe('jingle');
    expect(seen[0]?.url).toBe('/api/v1/prompts/jingle');
    expect(seen[0]?.init?.method).toBe('PUT');
    const headers = seen[0]?.init?.headers as Record<string, string>;
    expect(headers['Content-Type']).toBe('audio/wav');
    expect(headers['X-CSRF-Token']).toBe('csrf');
    expect(seen[0]?.init?.body).toBeInstanceOf(Blob);
    expect(new Uint8Array(await (seen[0]?.init?.body as Blob).arrayBuffer())).toEqual(new Uint8Array([82, 73, 70, 70]));
  });

  it("reject with the server's reason when the audio cannot be a prompt", async () => {
    const client = new ApiClient(
      async () =>
        new Response(JSON.stringify({ status: 422, detail: 'WAV of 16-bit PCM at 44100 Hz stereo: prompts must be mono' }), {
          status: 422,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
    );
    const failure = await new PromptApi(client).upload('stereo', new File([new Uint8Array(4)], 'stereo.wav')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).detail).toBe('WAV of 16-bit PCM at 44100 Hz stereo: prompts must be mono');
  });

  it("are played from the prompt's own URL", () => {
    expect(promptAudioUrl('main-menu')).toBe('/api/v1/prompts/main-menu');
    expect(promptAudioUrl('main-menu', 'acme')).toBe('/api/v1/prompts/main-menu?tenant=acme');
  });
});
