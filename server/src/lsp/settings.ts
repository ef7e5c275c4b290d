// The `newsAnnotator.*` settings as the server uses them, with the defaults declared in package.json.
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { isCalendarDate } from '../timex';

export interface Settings {
  /** Globs, relative to a workspace folder, of files that are articles even when not open. */
  articleFiles: string[];
  /** Globs of files that are never articles (README.txt, licences, logs). */
  exclude: string[];
  claimSeverity: DiagnosticSeverity;
  /** Publication date (YYYY-MM-DD) for articles that state none; empty for none. */
  referenceDate: string | null;
  maxFileSize: number;
  author: string;
  /** Inlay hints with the value of relative dates ("Saturday = 2016-10-15"). */
  dateHints: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  articleFiles: ['**/*.article', '**/*.news'],
  exclude: ['**/node_modules/**', '**/.git/**', '**/README*', '**/LICENSE*', '**/CHANGELOG*', '**/requirements*.txt', '**/*.log'],
  claimSeverity: DiagnosticSeverity.Warning,
  referenceDate: null,
  maxFileSize: 2_000_000,
  author: '',
  dateHints: true,
};

const SEVERITIES: Record<string, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Reads the raw configuration object defensively: a bad value falls back to its default. */
export function parseSettings(raw: unknown): Settings {
  const r = (raw ?? {}) as Record<string, unknown>;
  const strings = (v: unknown, fallback: string[]) => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? v : fallback);
  const claims = (r.claims ?? {}) as Record<string, unknown>;
  const referenceDate = isCalendarDate(r.referenceDate) ? r.referenceDate : null;
  return {
    articleFiles: strings(r.articleFiles, DEFAULT_SETTINGS.articleFiles),
    exclude: strings(r.exclude, DEFAULT_SETTINGS.exclude),
    claimSeverity: SEVERITIES[String(claims.severity)] ?? DEFAULT_SETTINGS.claimSeverity,
    referenceDate,
    maxFileSize: typeof r.maxFileSize === 'number' && r.maxFileSize > 0 ? r.maxFileSize : DEFAULT_SETTINGS.maxFileSize,
    author: typeof r.author === 'string' ? r.author : '',
    dateHints: ((r.inlayHints ?? {}) as Record<string, unknown>).dates !== false,
  };
}
