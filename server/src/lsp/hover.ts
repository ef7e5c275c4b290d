// Hover cards: for an entity, who or what it is across the workspace; for a date, the day and who else names it.
import type { Hover, Position } from 'vscode-languageserver/node';
import type { LinkReason } from '../linking';
import { describeDate } from '../timex';
import type { DateMention, EditorMark, ReferenceDateSource } from '../types';
import type { IndexedArticle, MentionHit, QuoteHit } from '../workspaceIndex';
import { SET_ARTICLE_DATE_COMMAND } from './articleDate';
import type { ArticleWorkspace } from './articleWorkspace';
import { analyzingMessage } from './diagnostics';
import { escapeMarkdown, excerpt, openLink } from './markdown';

const TYPE_NAMES = { PERSON: 'person', ORGANIZATION: 'organization', LOCATION: 'place', MISC: 'other name' } as const;
const LINK_REASONS: Record<LinkReason, string> = {
  'same-name': 'same name',
  'spelling-variant': 'another spelling of the name',
  'known-alias': 'known short form',
  acronym: 'initials of the full name',
  'nearest-full-name': 'short form of the full name used earlier in this article',
  'unique-surname': 'surname of the only person of that name in the workspace',
  unresolved: 'name within this article only: no single full name in the workspace says who this is',
  'editor-same-as': 'an editor, who said it is this entity',
  'editor-not-same': 'an editor, who kept it apart from the entity the rules joined it to',
};
const EDITOR_ACTIONS: Record<EditorMark['action'], string> = {
  added: 'Added by an editor',
  retyped: 'Retyped by an editor',
  confirmed: 'Confirmed by an editor',
  revalued: 'Value set by an editor',
};
const MAX_ARTICLES = 8;
const REFERENCE_SOURCES: Record<ReferenceDateSource, string> = {
  dateline: 'its dateline',
  text: 'the first full date in its opening lines',
  editor: 'set by an editor',
  default: 'the `newsAnnotator.referenceDate` setting',
};

export function hover(workspace: ArticleWorkspace, uri: string, position: Position): Hover | null {
  const article = workspace.article(uri);
  const document = workspace.document(uri);
  if (document && workspace.analyzingInBackground(uri)) return { contents: { kind: 'markdown', value: analyzingMessage(document.getText().length) } };
  if (!article || !document) return null;
  const offset = document.offsetAt(position);
  const index = workspace.fresh();
  const hit = index.entityAt(uri, offset);
  if (hit) return entityCard(workspace, hit, uri, document.positionAt(hit.mention.start), document.positionAt(hit.mention.end));
  const date = index.dateAt(uri, offset);
  if (date) return dateCard(workspace, article, date.date, document.positionAt.bind(document));
  const quote = index.quoteAt(uri, offset);
  if (quote) return quoteCard(workspace, quote, document.positionAt(quote.attribution.content.start), document.positionAt(quote.attribution.content.end));
  return null;
}

/** Who said it (a pronoun shown with the name it stands for) and where else in the workspace that speaker is quoted. */
function quoteCard(workspace: ArticleWorkspace, quote: QuoteHit, start: Position, end: Position): Hover {
  const { attribution, speaker, article } = quote;
  const source = attribution.source;
  const cue = `“${escapeMarkdown(attribution.cue.text)}”`;
  const lines: string[] = [];
  if (speaker) {
    const named = source && source.text !== speaker.canonical ? ` (as “${escapeMarkdown(source.text)}”)` : '';
    lines.push(`**Said by ${escapeMarkdown(speaker.canonical)}** · ${TYPE_NAMES[speaker.type]}${named} · cue ${cue}`);
  } else if (source) {
    lines.push(`**Said by “${escapeMarkdown(source.text)}”** · not a named person or organization · cue ${cue}`);
  } else {
    lines.push(`**Source not named** · cue ${cue}`);
  }
  if (!speaker) return { contents: { kind: 'markdown', value: lines.join('\n') }, range: { start, end } };
  const elsewhere = workspace.index.quotesBy(speaker.id).filter((q) => q.attribution.content.start !== attribution.content.start || q.article.id !== article.id);
  const here = elsewhere.filter((q) => q.article.id === article.id).length;
  const others = elsewhere.filter((q) => q.article.id !== article.id);
  lines.push('', here ? `Quoted ${here} more time${here === 1 ? '' : 's'} in this article.` : 'Quoted nowhere else in this article.');
  if (others.length) {
    lines.push('', `**Quoted in other articles**`, '');
    for (const other of others.slice(0, MAX_ARTICLES)) lines.push(`- ${quoteLine(workspace, other)}`);
    if (others.length > MAX_ARTICLES) lines.push(`- and ${others.length - MAX_ARTICLES} more`);
  } else {
    lines.push('', '_No other article in the workspace quotes them._');
  }
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range: { start, end } };
}

function quoteLine(workspace: ArticleWorkspace, quote: QuoteHit): string {
  const document = workspace.document(quote.article.id)!;
  const { content } = quote.attribution;
  const label = `${quote.article.displayPath}:${document.positionAt(content.start).line + 1}`;
  const said = content.text.length > 140 ? `${content.text.slice(0, 139)}…` : content.text;
  return `${openLink(label, quote.article.id, document, content)} — “${escapeMarkdown(said)}”`;
}

function entityCard(workspace: ArticleWorkspace, hit: MentionHit, uri: string, start: Position, end: Position): Hover {
  const index = workspace.index;
  const { entity, mention } = hit;
  const mentions = index.mentionsOf(entity);
  // The editor's type for this mention, when it differs from the entity's (a retyped or added one-word name).
  const type = mention.editor && mention.type !== entity.type ? `${TYPE_NAMES[mention.type]} here` : TYPE_NAMES[entity.type];
  const lines = [`**${escapeMarkdown(entity.canonical)}** · ${type}`, ''];
  if (mention.editor) lines.push(editorLine(mention.editor), '');
  if (entity.aliases.length) lines.push(`Also written: ${entity.aliases.map(escapeMarkdown).join(', ')}`, '');
  const articles = entity.articles.length;
  lines.push(`${mentions.length} mention${mentions.length === 1 ? '' : 's'} in ${articles} article${articles === 1 ? '' : 's'} · linked here by ${LINK_REASONS[hit.ref.reason]}`);
  const confirmed = mentions.filter((m) => m.mention.editor).length;
  if (confirmed) lines.push('', `Editors annotated ${confirmed} of these mentions.`);
  const others = entity.articles.filter((a) => a !== uri);
  if (others.length) {
    lines.push('', '**In other articles**', '');
    for (const otherUri of others.slice(0, MAX_ARTICLES)) {
      const first = mentions.find((m) => m.article.id === otherUri)!;
      const count = mentions.filter((m) => m.article.id === otherUri).length;
      lines.push(`- ${mentionLine(workspace, first.article, first.mention, count)}`);
    }
    if (others.length > MAX_ARTICLES) lines.push(`- and ${others.length - MAX_ARTICLES} more (Find All References lists them)`);
  } else {
    lines.push('', '_No other article in the workspace mentions it._');
  }
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range: { start, end } };
}

function mentionLine(workspace: ArticleWorkspace, article: IndexedArticle, span: { start: number; end: number }, count: number): string {
  const document = workspace.document(article.id)!;
  const line = document.positionAt(span.start).line + 1;
  const label = `${article.displayPath}:${line}`;
  const sentence = workspace.index.sentenceAt(article.id, span);
  const times = count > 1 ? ` (${count} mentions)` : '';
  return `${openLink(label, article.id, document, span)}${times} — ${excerpt(article.text, sentence, span)}`;
}

function dateCard(workspace: ArticleWorkspace, article: IndexedArticle, { value, start, end, anchor, editor }: DateMention, positionAt: (offset: number) => Position): Hover {
  const lines = [`**${escapeMarkdown(describeDate(value))}** · \`${value}\``, ''];
  if (editor) lines.push(editorLine(editor), '');
  const { referenceDate: reference, referenceDateSource } = article.analysis;
  const unknown = value.includes('X');
  if (anchor === 'article-date' && !reference) {
    const setDate = `[Set article date...](command:${SET_ARTICLE_DATE_COMMAND}?${encodeURIComponent(JSON.stringify([article.id, null]))} "Give the date the article was published")`;
    lines.push(`The article states no date of its own, so what this depends on is unknown (X). ${setDate} or the \`newsAnnotator.referenceDate\` setting resolves it.`);
  } else if (anchor === 'article-date') {
    lines.push(`${unknown ? 'Only partly known, even with' : 'Worked out from'} the article's date, ${describeDate(reference!)} (${REFERENCE_SOURCES[referenceDateSource ?? 'default']}).`);
  } else if (anchor === 'earlier-date') {
    lines.push(unknown ? 'Depends on a date named earlier in the article, and none is known.' : 'Worked out from a date named earlier in the article.');
  }
  const sameDay = workspace.index.sameDay(value).filter((hit) => hit.article.id !== article.id);
  if (sameDay.length) {
    lines.push('', '**Same day in other articles**', '');
    const seen = new Set<string>();
    for (const hit of sameDay) {
      if (seen.has(hit.article.id)) continue;
      seen.add(hit.article.id);
      lines.push(`- ${mentionLine(workspace, hit.article, hit.date, 1)} (“${escapeMarkdown(hit.date.text)}”)`);
    }
  }
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range: { start: positionAt(start), end: positionAt(end) } };
}

/** Who annotated the mention, when, and what they did: "Retyped by an editor (Jane Doe, 2026-01-02); the tagger said organization." */
function editorLine({ action, author, created, was }: EditorMark): string {
  const detected = was === undefined ? '' : `; detected as ${was === 'DATE' ? 'a date' : TYPE_NAMES[was as keyof typeof TYPE_NAMES] ?? was}`;
  return `✎ ${EDITOR_ACTIONS[action]} (${escapeMarkdown(author)}, ${created.slice(0, 10)})${detected}.`;
}
