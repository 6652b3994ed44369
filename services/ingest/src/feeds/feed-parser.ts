import { ArticleDraft, emptyDraft } from '../articles/formats/article-draft';
import { InputProblem } from '../articles/formats/input-problem';
import { asArray, attr, elementsOf, nodeText, parseXml } from '../articles/formats/safe-xml';
import { feedDate } from './feed-date';

type Obj = Record<string, unknown>;
type Media = ArticleDraft['media'][number];

export interface ParsedFeed {
  kind: 'rss' | 'rdf' | 'atom';
  title?: string;
  items: ArticleDraft[];
}

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/**
 * A feed's language as a BCP 47 tag: `en_GB` as `en-GB`; prose such as "English" is dropped (the
 * language is then detected), since one bad channel value would otherwise refuse every item.
 */
function languageTag(value: string | undefined): string | undefined {
  const tag = value?.trim().replace(/_/g, '-');
  return tag && LANGUAGE_TAG.test(tag) ? tag : undefined;
}

/** The first of several same-named elements that has text: `atom:link` also parses as `link`, having lost its prefix. */
function firstText(node: unknown): string | undefined {
  return asArray(node).map((n) => nodeText(n)).find((t) => t !== undefined);
}

/** A relative link ("/world/story") made absolute against the feed's own address or an xml:base. */
function absolute(link: string | undefined, base: string | undefined): string | undefined {
  if (!link || URL.canParse(link) || !base) return link;
  return URL.canParse(link, base) ? new URL(link, base).href : link;
}

/** Only web addresses reach a consumer's `<img src>`: a `javascript:` or `data:` media URL is dropped. */
function webUrl(link: string | undefined, base: string | undefined): string | undefined {
  const url = absolute(link, base);
  return url && URL.canParse(url) && /^https?:$/.test(new URL(url).protocol) ? url : undefined;
}

function captionText(value: string | undefined): string | undefined {
  return value?.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 1000) || undefined;
}

interface Rendition extends Media {
  width?: number;
  isDefault?: boolean;
}

/**
 * Media RSS (`media:content`, else `media:thumbnail`) of one scope: an item, an entry or a media:group.
 * A caption is the element's media:description, else its media:credit, else the scope's. `description`
 * is the scope's own only inside a group: on an item it is the RSS description, the prefix being gone.
 */
function mediaRss(scope: Obj, base: string | undefined, inGroup: boolean): Rendition[] {
  const scopeCaption = captionText((inGroup ? nodeText(scope.description) : undefined) ?? nodeText(scope.credit));
  const usable = (node: unknown) => asArray(node).filter((c) => webUrl(attr(c, 'url'), base));
  const contents = usable(scope.content);
  return (contents.length > 0 ? contents : usable(scope.thumbnail)).map((c) => {
    const url = webUrl(attr(c, 'url'), base) as string;
    const node = c as Obj;
    const caption = captionText(nodeText(node.description) ?? nodeText(node.credit)) ?? scopeCaption;
    const width = Number(attr(c, 'width'));
    return { url, ...(attr(c, 'type') ? { type: attr(c, 'type') } : {}), ...(caption ? { caption } : {}),
      ...(width > 0 ? { width } : {}), ...(attr(c, 'isDefault') === 'true' ? { isDefault: true } : {}) };
  });
}

const widest = (a: Rendition, b: Rendition) => ((b.width ?? 0) > (a.width ?? 0) ? b : a);

/**
 * Several sizes of one picture are one picture: a media:group's (its default, else the widest), and
 * media:content elements that differ only in their query and each give a width, as the Guardian's
 * `…/3000.jpg?w=140` and `?w=460` do (the wider is kept).
 */
function onePerPicture(renditions: Rendition[]): Rendition[] {
  const kept: Rendition[] = [];
  for (const r of renditions) {
    const path = (u: string) => new URL(u).origin + new URL(u).pathname;
    const at = kept.findIndex((k) => k.url === r.url || (k.width && r.width && path(k.url) === path(r.url)));
    if (at < 0) kept.push(r);
    else kept[at] = widest(kept[at], r);
  }
  return kept;
}

function mediaOf(scope: Obj, base: string | undefined, enclosures: Media[]): Media[] {
  const groups = asArray(scope.group as unknown).flatMap((g) => {
    const renditions = mediaRss(g as Obj, base, true);
    const chosen = renditions.find((r) => r.isDefault) ?? renditions.reduce<Rendition | undefined>((a, b) => (a ? widest(a, b) : b), undefined);
    return chosen ? [chosen] : [];
  });
  const all = onePerPicture([...enclosures, ...mediaRss(scope, base, false), ...groups]);
  return all.map(({ url, type, caption }) => ({ url, ...(type ? { type } : {}), ...(caption ? { caption } : {}) }));
}

/**
 * The first of a feed's dates that reads; one given but unreadable (an unknown zone, February 30) is
 * noted on the draft, whose item then goes with its receive time.
 */
function firstDate(draft: ArticleDraft, timeZone: string | undefined, ...dates: Array<[string, string | undefined]>): string | undefined {
  for (const [, value] of dates) {
    const read = feedDate(value, timeZone);
    if (read) return read;
  }
  const [name, value] = dates.find(([, v]) => v !== undefined) ?? [];
  if (value !== undefined) (draft.timeNotes ??= []).push(`${name} ${value.slice(0, 60)} cannot be read as a date; the receive time is used`);
  return undefined;
}

function rssItem(item: Obj, kind: 'rss' | 'rdf', base: string | undefined, timeZone: string | undefined): ArticleDraft {
  const draft = emptyDraft('native');
  draft.format = kind === 'rss' ? 'rss' : 'rdf';
  draft.sourceItemId = nodeText(item.guid) ?? firstText(item.link) ?? attr(item, 'about');
  draft.headline = nodeText(item.title);
  draft.htmlInText = true;
  draft.url = absolute(firstText(item.link), base);
  const encoded = nodeText(item.encoded);
  draft.bodyHtml = encoded ?? nodeText(item.description);
  draft.summary = encoded ? nodeText(item.description) : undefined;
  draft.byline = nodeText(item.creator) ?? nodeText(item.author);
  draft.language = languageTag(nodeText(item.language));
  // pubDate (RSS 2.0) or dc:date (RSS 1.0, and some RSS 2.0): the first that reads.
  const pubDate = nodeText(item.pubDate);
  const dcDate = nodeText(item.date);
  draft.firstCreated = firstDate(draft, timeZone, ['pubDate', pubDate], ['dc:date', dcDate]);
  const dateField = pubDate && (feedDate(pubDate, timeZone) || !feedDate(dcDate, timeZone)) ? 'pubDate' : 'dc:date';
  const enclosures = asArray(item.enclosure as unknown).map((e) => ({ url: webUrl(attr(e, 'url'), base) ?? '', type: attr(e, 'type') }))
    .filter((m) => m.url).map((m) => (m.type ? m : { url: m.url }));
  draft.media = mediaOf(item, base, enclosures);
  // A refusal names what the feed wrote: "description is required", not "body is required".
  draft.fieldNames = { sourceItemId: kind === 'rss' ? 'guid' : 'rdf:about', headline: 'title', body: encoded === undefined ? 'description' : 'content:encoded',
    url: 'link', publishedAt: dateField, language: kind === 'rss' ? 'language' : 'dc:language' };
  return draft;
}

/** Atom text constructs: text, html (escaped markup), or xhtml (a div of markup). */
function atomText(node: unknown, tag: string, entryXml: string): string | undefined {
  if (attr(node, 'type') !== 'xhtml') return nodeText(node);
  // The one of that name marked xhtml: media:content, its prefix dropped, shares the name `content`.
  const inner = elementsOf(entryXml, tag).find((e) => /\btype\s*=\s*["']xhtml["']/.test(e.attributes))?.inner;
  // The wrapping div carries the XHTML namespace and is not part of the content (RFC 4287, 3.1.1.3).
  return inner?.replace(/^\s*<(?:[\w-]+:)?div\b[^>]*>/, '').replace(/<\/(?:[\w-]+:)?div>\s*$/, '').replace(/<(\/?)[\w-]+:/g, '<$1').trim() || undefined;
}

/** Every author's name, joined: "Golo Roden, Jane Doe". */
function authorsOf(node: unknown): string | undefined {
  const names = asArray(node).map((a) => nodeText((a as Obj | undefined)?.name) ?? (typeof a === 'string' ? nodeText(a) : undefined)).filter((n): n is string => !!n);
  return names.length > 0 ? [...new Set(names)].join(', ') : undefined;
}

function atomEntry(entry: Obj, entryXml: string, feedAuthor: string | undefined, feedBase: string | undefined, timeZone: string | undefined): ArticleDraft {
  const draft = emptyDraft('native');
  draft.format = 'atom';
  const base = absolute(attr(entry, 'base'), feedBase) ?? feedBase;
  const links = asArray(entry.link as unknown);
  draft.url = absolute(attr(links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate'), 'href') ?? attr(links[0], 'href'), base);
  draft.sourceItemId = nodeText(entry.id) ?? draft.url;
  draft.headline = nodeText(entry.title);
  draft.htmlInText = true;
  // Atom's own content, not a Media RSS media:content that lost its prefix.
  const content = asArray(entry.content as unknown).find((c) => !attr(c, 'url'));
  draft.bodyHtml = atomText(content, 'content', entryXml) ?? atomText(entry.summary, 'summary', entryXml);
  draft.summary = content ? atomText(entry.summary, 'summary', entryXml) : undefined;
  // An entry without an author has its source's, else the feed's (RFC 4287, 4.2.1).
  draft.byline = authorsOf(entry.author) ?? authorsOf((entry.source as Obj | undefined)?.author) ?? feedAuthor;
  const published = nodeText(entry.published);
  const updated = nodeText(entry.updated);
  // `updated` alone is the entry's version time, not its first publication: a later version without
  // `published` keeps the publishedAt stored before it (normalisation falls back to the version time).
  draft.firstCreated = published === undefined ? undefined : firstDate(draft, timeZone, ['published', published]);
  draft.versionCreated = firstDate(draft, timeZone, ['updated', updated]);
  draft.language = languageTag(attr(entry, 'lang'));
  const enclosures = links.filter((l) => attr(l, 'rel') === 'enclosure').map((l) => ({ url: webUrl(attr(l, 'href'), base) ?? '', type: attr(l, 'type') }))
    .filter((m) => m.url).map((m) => (m.type ? m : { url: m.url }));
  draft.media = mediaOf(entry, base, enclosures);
  draft.fieldNames = { sourceItemId: 'id', headline: 'title', body: content ? 'content' : 'summary', url: 'link',
    publishedAt: published && (feedDate(published, timeZone) || !feedDate(updated, timeZone)) ? 'published' : 'updated', updatedAt: 'updated', language: 'xml:lang' };
  return draft;
}

/**
 * RSS 2.0 (and 0.9x), RSS 1.0 (RDF) or Atom 1.0; anything else, HTML pages included, is refused by
 * name. `feedUrl` resolves relative links, which some feeds carry. Whitespace or a byte-order mark
 * before the XML declaration, which real feeds have (Folha's starts with a newline), is dropped: XML
 * does not allow it, but refusing the whole feed for it helps no one. `timeZone`, the source's, is
 * where its dates without a zone are read.
 */
export function parseFeed(source: string, feedUrl?: string, timeZone?: string): ParsedFeed {
  const body = source.replace(/^[\s\uFEFF]+/, '');
  if (/^(<!doctype html|<html)/i.test(body)) {
    throw new InputProblem(422, 'feed-is-html', 'the feed URL answered with an HTML page, not RSS or Atom');
  }
  const root = parseXml(body);
  if (root.rss || root.RDF) {
    const kind = root.rss ? 'rss' : 'rdf';
    const container = (root.rss ?? root.RDF) as Obj;
    const channel = (asArray(container.channel as unknown)[0] ?? {}) as Obj;
    const language = languageTag(firstText(channel.language));
    const base = absolute(firstText(channel.link), feedUrl) ?? feedUrl;
    // RSS 2.0 items sit in the channel; RSS 1.0 items next to it.
    const items = asArray((kind === 'rss' ? channel.item : container.item) as unknown).map((i) => rssItem(i as Obj, kind, base, timeZone));
    items.forEach((i) => {
      i.language = i.language ?? language;
    });
    return { kind, title: nodeText(channel.title), items };
  }
  if (root.feed) {
    const feed = root.feed as Obj;
    const language = languageTag(attr(feed, 'lang'));
    const base = absolute(attr(feed, 'base'), feedUrl) ?? feedUrl;
    const author = authorsOf(feed.author);
    // Entries' own markup too: XHTML content (type="xhtml") is a subtree the parsed tree does not keep as text.
    const sources = elementsOf(body, 'entry').map((e) => e.inner);
    const items = asArray(feed.entry as unknown).map((e, i) => atomEntry(e as Obj, sources[i] ?? '', author, base, timeZone));
    items.forEach((i) => {
      i.language = i.language ?? language;
    });
    return { kind: 'atom', title: nodeText(feed.title), items };
  }
  const name = Object.keys(root).find((k) => !k.startsWith('?'));
  throw new InputProblem(422, 'feed-unsupported', `not an RSS or Atom feed: root element <${name ?? '?'}>`);
}
