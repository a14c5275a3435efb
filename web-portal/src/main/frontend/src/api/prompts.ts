import type { ApiClient } from './client';
import { API_BASE, withTenant } from './client';
import type { Page } from './page';

/** A prompt as `GET /prompts` lists it: a system prompt (every tenant has it) or one the tenant uploaded. */
export interface PromptDocument {
  name: string;
  system: boolean;
  /** Bytes of the stored µ-law WAV; null for system prompts. */
  size: number | null;
  modified: string | null;
  sha256: string | null;
}

/** A prompt's name as call flows write it; the server checks the same rule. */
export const PROMPT_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Why a name cannot be a prompt's: 'empty', 'form' or 'system' (taken by a system prompt); null when it can. */
export function promptNameProblem(name: string, systemNames: ReadonlySet<string>): 'empty' | 'form' | 'system' | null {
  if (name === '') return 'empty';
  if (!PROMPT_NAME.test(name)) return 'form';
  if (systemNames.has(name)) return 'system';
  return null;
}

/** A prompt name made from an uploaded file's name: `Main Menu (v2).wav` → `main-menu-v2`. */
export function promptNameFromFile(fileName: string): string {
  return fileName
    .replace(/\.[^.]*$/, '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

/**
 * The type to send a file as: the browser's own guess, else by extension. Raw G.711 has no header,
 * so only its type tells the server µ-law from A-law.
 */
export function promptContentType(file: { name: string; type: string }): string {
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (['ul', 'ulaw', 'mulaw', 'pcmu'].includes(extension)) return 'audio/PCMU';
  if (['al', 'alaw', 'pcma'].includes(extension)) return 'audio/PCMA';
  if (file.type !== '') return file.type;
  return extension === 'wav' ? 'audio/wav' : 'application/octet-stream';
}

/**
 * Where a player fetches a prompt (the browser sends the session cookie; the server answers byte
 * ranges); tenant: the one the administration addresses, null for the user's own.
 */
export function promptAudioUrl(name: string, tenant: string | null = null, base: string = API_BASE): string {
  return base + withTenant(`/prompts/${encodeURIComponent(name)}`, tenant);
}

export class PromptApi {
  constructor(private readonly client: ApiClient) {}

  async list(signal?: AbortSignal): Promise<PromptDocument[]> {
    const page = await this.client.get<Page<PromptDocument>>('/prompts', { signal });
    return page.items;
  }

  /** Uploads or replaces a prompt; the server converts it and refuses audio it cannot use with a sentence that says why. */
  upload(name: string, file: File): Promise<PromptDocument> {
    const typed = new File([file], file.name, { type: promptContentType(file) });
    return this.client.put<PromptDocument>(`/prompts/${encodeURIComponent(name)}`, typed);
  }

  remove(name: string): Promise<void> {
    return this.client.delete(`/prompts/${encodeURIComponent(name)}`);
  }
}
