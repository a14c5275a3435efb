/** Why the softphone has no microphone, as the agent should be told. */
export type MediaProblem = 'microphoneRefused' | 'microphoneMissing' | 'microphoneBusy' | 'microphoneFailed';

/** getUserMedia's failure as one of the cases the desktop explains. */
export function mediaProblemOf(failure: unknown): MediaProblem {
  const name = failure instanceof Error || (typeof failure === 'object' && failure !== null && 'name' in failure)
    ? String((failure as { name: unknown }).name)
    : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'microphoneRefused';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'microphoneMissing';
    case 'NotReadableError':
    case 'AbortError':
      return 'microphoneBusy';
    default:
      return 'microphoneFailed';
  }
}
