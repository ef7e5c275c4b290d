// Small helpers for hover markdown: escaping, excerpts, and links that open an article at a mention.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span } from '../types';

export const OPEN_MENTION_COMMAND = 'newsAnnotator.openMention';

export function escapeMarkdown(text: string): string {
  // Only characters that change meaning mid-line; excerpts never start a line, so list and heading marks are safe.
  return text.replace(/[\\`*_{}\[\]|<>~#]/g, '\\$&').replace(/\s+/g, ' ');
}

/** A command link that opens `uri` with `span` selected (the client registers the command). */
export function openLink(label: string, uri: string, document: TextDocument, span: Span): string {
  const start = document.positionAt(span.start);
  const end = document.positionAt(span.end);
  const args = encodeURIComponent(JSON.stringify([uri, start.line, start.character, end.line, end.character]));
  return `[${escapeMarkdown(label)}](command:${OPEN_MENTION_COMMAND}?${args} "Open at this mention")`;
}

/** The sentence around a mention, shortened to about `max` characters, with the mention in bold. */
export function excerpt(text: string, sentence: Span | undefined, mention: Span, max = 160): string {
  const outer = sentence ?? mention;
  let start = outer.start;
  let end = outer.end;
  if (end - start > max) {
    start = Math.max(outer.start, mention.start - Math.floor((max - (mention.end - mention.start)) / 2));
    end = Math.min(outer.end, start + max);
  }
  const before = (start > outer.start ? '…' : '') + escapeMarkdown(text.slice(start, mention.start));
  const after = escapeMarkdown(text.slice(mention.end, end)) + (end < outer.end ? '…' : '');
  return `${before}**${escapeMarkdown(text.slice(mention.start, mention.end))}**${after}`;
}
