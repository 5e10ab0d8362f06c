/**
 * Browser side of a library upload: the bytes go straight to S3, either in one pre-signed PUT or
 * as a multipart upload whose parts are sent several at a time, each through a URL signed by the
 * server just as that part starts. A failed part is retried with backoff; pause, resume and cancel
 * work at any moment; and the server's upload id is kept in localStorage under the file's name,
 * size and lastModified, so that picking the same file after a reload resumes from the parts S3
 * already holds (ListParts) instead of from zero.
 *
 * Written here rather than taken from Uppy: the server decides single vs. multipart, part size and
 * part signing, and what remains is a small queue on top of `uploadToS3` (lib/upload-client.ts).
 */
import type { ActionState } from '@/lib/action-state';
import type { LibraryFileDto, UploadStart } from '@/lib/dal/library-files';
import { UploadError, uploadToS3 } from '@/lib/upload-client';

export interface LibraryUploadApi {
  create(input: { name: string; sizeBytes: number; contentType: string }): Promise<ActionState<UploadStart>>;
  resume(input: { fileId: string }): Promise<ActionState<UploadStart>>;
  signPart(input: { fileId: string; partNumber: number }): Promise<ActionState<{ url: string }>>;
  complete(input: { fileId: string }): Promise<ActionState<LibraryFileDto>>;
  abort(input: { fileId: string }): Promise<ActionState<void>>;
}

export type UploadPhase =
  'starting' | 'uploading' | 'completing' | 'paused' | 'done' | 'failed' | 'cancelling' | 'cancelled' | 'discarded';

export interface UploadSnapshot {
  name: string;
  sizeBytes: number;
  phase: UploadPhase;
  bytesDone: number;
  /** Bytes per second over the last few seconds; null until there is enough to say. */
  bytesPerSecond: number | null;
  secondsLeft: number | null;
  /** How many bytes were already in storage when this upload (re)started: a resume, not a restart. */
  resumedBytes: number;
  message?: string;
}

export interface UploaderOptions {
  concurrency?: number;
  maxAttempts?: number;
  /** Backoff before retry n (1-based): base * 2^(n-1), capped, with jitter. */
  backoffBaseMs?: number;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/** Raised for answers the server gave on purpose (quota, size, gone): retrying would not help. */
class RefusedError extends Error {}

/** S3 answers that no retry can change: the upload itself is gone. */
const FINAL_S3_CODES = new Set(['NoSuchUpload']);

/**
 * What went wrong, in words the person can act on. Only a request that never got an answer (fetch's
 * TypeError, or the browser offline) is blamed on the connection; an answer is reported as given.
 */
function failureMessage(error: unknown): string {
  if (error instanceof RefusedError || error instanceof UploadError) return error.message;
  if (error instanceof TypeError || !navigator.onLine)
    return 'The connection to the server was lost. Check your connection and choose Resume.';
  return 'The server could not finish this step of the upload. Choose Resume to try again, or Discard it.';
}

const STORAGE_PREFIX = 'guestpass.library-upload:';
const SPEED_WINDOW_MS = 5_000;

export function resumeKey(file: Pick<File, 'name' | 'size' | 'lastModified'>): string {
  return `${STORAGE_PREFIX}${file.size}:${file.lastModified}:${file.name}`;
}

function unwrap<T>(state: ActionState<T>): T {
  if (state.status === 'error') throw new RefusedError(state.message);
  if (state.status !== 'success') throw new Error('unexpected answer from the server');
  return state.data as T;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => (clearTimeout(timer), reject(new UploadError('The upload was cancelled.', 'Aborted', 0))),
      { once: true },
    );
  });
}

export class LibraryUpload {
  private fileId: string | null = null;
  private controller: AbortController | null = null;
  private cancelled = false;
  private storedBytes = 0;
  private readonly inFlight = new Map<number, number>();
  private samples: { at: number; bytes: number }[] = [];
  private snapshot: UploadSnapshot;
  private readonly options: Required<UploaderOptions>;

  constructor(
    readonly file: File,
    private readonly api: LibraryUploadApi,
    private readonly onChange: (snapshot: UploadSnapshot) => void,
    options: UploaderOptions = {},
  ) {
    this.options = {
      concurrency: options.concurrency ?? 4,
      maxAttempts: options.maxAttempts ?? 6,
      backoffBaseMs: options.backoffBaseMs ?? 1_000,
      storage: options.storage ?? window.localStorage,
    };
    this.snapshot = {
      name: file.name,
      sizeBytes: file.size,
      phase: 'starting',
      bytesDone: 0,
      bytesPerSecond: null,
      secondsLeft: null,
      resumedBytes: 0,
    };
  }

  get state(): UploadSnapshot {
    return this.snapshot;
  }

  /** Starts, or continues after pause(): the server says which parts are still missing. */
  async start(): Promise<void> {
    if (this.controller || this.cancelled || this.snapshot.phase === 'done') return;
    const controller = new AbortController();
    this.controller = controller;
    this.samples = [];
    this.update({ phase: 'starting', message: undefined, bytesPerSecond: null, secondsLeft: null });
    try {
      const start = await this.begin();
      if (controller.signal.aborted) {
        if (this.cancelled) await this.api.abort({ fileId: start.fileId }); // cancelled while it was being created
        return;
      }
      this.update({ phase: 'uploading' });
      if (start.kind === 'single') await this.sendWhole(start, controller.signal);
      else await this.sendParts(start, controller.signal);
      this.update({ phase: 'completing' });
      unwrap(await this.api.complete({ fileId: start.fileId }));
      this.options.storage.removeItem(resumeKey(this.file));
      this.update({ phase: 'done', bytesDone: this.file.size, secondsLeft: 0 });
    } catch (error) {
      if (controller.signal.aborted) return; // paused or cancelled: the phase says which
      this.controller?.abort();
      this.update({ phase: 'failed', message: failureMessage(error) });
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }

  pause(): void {
    if (!this.controller) return;
    this.controller.abort();
    this.controller = null;
    this.inFlight.clear();
    this.update({ phase: 'paused', bytesDone: this.storedBytes, bytesPerSecond: null, secondsLeft: null });
  }

  /** Stops sending (or discards a failed upload) and aborts it in S3, so no parts are left behind. */
  async cancel(): Promise<void> {
    this.cancelled = true;
    this.controller?.abort();
    this.controller = null;
    const outcome = this.snapshot.phase === 'failed' ? 'discarded' : 'cancelled';
    this.update({ phase: 'cancelling', bytesPerSecond: null, secondsLeft: null, message: undefined });
    this.options.storage.removeItem(resumeKey(this.file));
    // An upload already gone on the server (it vanished) answers with an error: as good as aborted.
    if (this.fileId) await this.api.abort({ fileId: this.fileId });
    this.update({ phase: outcome });
  }

  /** An upload this browser started before (same name, size, lastModified) if the server still has it; else a new one. */
  private async begin(): Promise<UploadStart> {
    const key = resumeKey(this.file);
    const known = this.fileId ?? this.options.storage.getItem(key);
    if (known) {
      const resumed = await this.api.resume({ fileId: known });
      if (resumed.status === 'success' && resumed.data) return this.adopt(resumed.data);
      this.options.storage.removeItem(key);
      this.fileId = null;
    }
    const created = unwrap(
      await this.api.create({ name: this.file.name, sizeBytes: this.file.size, contentType: this.file.type }),
    );
    this.options.storage.setItem(key, created.fileId);
    return this.adopt(created);
  }

  private adopt(start: UploadStart): UploadStart {
    this.fileId = start.fileId;
    this.storedBytes =
      start.kind === 'multipart' ? start.uploadedParts.reduce((sum, n) => sum + this.partRange(start, n).size, 0) : 0;
    this.update({ bytesDone: this.storedBytes, resumedBytes: this.storedBytes });
    return start;
  }

  private partRange(start: Extract<UploadStart, { kind: 'multipart' }>, partNumber: number) {
    const from = (partNumber - 1) * start.partSize;
    const to = Math.min(from + start.partSize, this.file.size);
    return { from, to, size: to - from };
  }

  private async sendWhole(start: Extract<UploadStart, { kind: 'single' }>, signal: AbortSignal): Promise<void> {
    let target = start;
    await this.withRetries(signal, async (attempt) => {
      if (attempt > 1) {
        const fresh = unwrap(await this.api.resume({ fileId: start.fileId }));
        if (fresh.kind === 'single') target = fresh;
      }
      await uploadToS3({ method: 'PUT', url: target.url, headers: target.headers }, this.file, {
        signal,
        onProgress: (p) => this.progress(0, p.loaded),
      });
    });
    this.inFlight.delete(0);
    this.storedBytes = this.file.size;
  }

  private async sendParts(start: Extract<UploadStart, { kind: 'multipart' }>, signal: AbortSignal): Promise<void> {
    const done = new Set(start.uploadedParts);
    const queue = Array.from({ length: start.partCount }, (_, i) => i + 1).filter((n) => !done.has(n));
    const worker = async () => {
      for (let partNumber = queue.shift(); partNumber !== undefined && !signal.aborted; partNumber = queue.shift()) {
        const { from, to, size } = this.partRange(start, partNumber);
        const part = this.file.slice(from, to);
        const n = partNumber;
        await this.withRetries(signal, async () => {
          // Signed now, as the part starts: no URL has to outlive the upload before it.
          const { url } = unwrap(await this.api.signPart({ fileId: start.fileId, partNumber: n }));
          await uploadToS3({ method: 'PUT', url, headers: {} }, part, {
            signal,
            onProgress: (p) => this.progress(n, p.loaded),
          });
        });
        this.inFlight.delete(n);
        this.storedBytes += size;
        this.progress(-1, 0);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, queue.length) }, worker));
  }

  /** Runs `send` until it succeeds; network errors and S3 refusals (an expired URL, say) are retried with backoff. */
  private async withRetries(signal: AbortSignal, send: (attempt: number) => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await send(attempt);
      } catch (error) {
        const final = error instanceof RefusedError || (error instanceof UploadError && FINAL_S3_CODES.has(error.code));
        if (signal.aborted || final || attempt >= this.options.maxAttempts) throw error;
        const delay = Math.min(this.options.backoffBaseMs * 2 ** (attempt - 1), 30_000);
        await sleep(delay / 2 + Math.random() * (delay / 2), signal);
      }
    }
  }

  private progress(partNumber: number, loaded: number): void {
    if (partNumber >= 0) this.inFlight.set(partNumber, loaded);
    let bytesDone = this.storedBytes;
    for (const bytes of this.inFlight.values()) bytesDone += bytes;
    bytesDone = Math.min(bytesDone, this.file.size);
    const now = performance.now();
    this.samples.push({ at: now, bytes: bytesDone });
    while (this.samples.length > 2 && now - this.samples[0].at > SPEED_WINDOW_MS) this.samples.shift();
    const first = this.samples[0];
    const elapsed = (now - first.at) / 1000;
    const bytesPerSecond =
      elapsed >= 0.5 && bytesDone > first.bytes ? (bytesDone - first.bytes) / elapsed : this.snapshot.bytesPerSecond;
    const secondsLeft = bytesPerSecond ? Math.ceil((this.file.size - bytesDone) / bytesPerSecond) : null;
    this.update({ bytesDone, bytesPerSecond, secondsLeft });
  }

  private update(change: Partial<UploadSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    this.onChange(this.snapshot);
  }
}
