import { ArticleDraft, emptyDraft } from '../articles/formats/article-draft';
import { InputProblem } from '../articles/formats/input-problem';
import { asArray, attr, elementsOf, innerXml, nodeText, parseXml } from '../articles/formats/safe-xml';

type Obj = Record<string, unknown>;

export interface ParsedFeed {
  kind: 'rss' | 'rdf' | 'atom';
  title?: string;
  items: ArticleDraft[];
}

/** RFC 822 dates (RSS) and ISO 8601 (Atom, Dublin Core) both parse with Date; output is ISO UTC. */
function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

function rssItem(item: Obj, kind: 'rss' | 'rdf'): ArticleDraft {
  const draft = emptyDraft('native');
  draft.format = kind === 'rss' ? 'rss' : 'rdf';
  draft.sourceItemId = nodeText(item.guid) ?? nodeText(item.link) ?? attr(item, 'about');
  draft.headline = nodeText(item.title);
  draft.htmlInText = true;
  draft.url = nodeText(item.link);
  const encoded = nodeText(item.encoded);
  draft.bodyHtml = encoded ?? nodeText(item.description);
  draft.summary = encoded ? nodeText(item.description) : undefined;
  draft.byline = nodeText(item.creator) ?? nodeText(item.author);
  draft.firstCreated = isoDate(nodeText(item.pubDate) ?? nodeText(item.date));
  draft.media = asArray(item.enclosure as unknown)
    .map((e) => ({ url: attr(e, 'url') ?? '', type: attr(e, 'type') }))
    .filter((m) => m.url);
  return draft;
}

/** Atom text constructs: text, html (escaped markup), or xhtml (a div of markup). */
function atomText(node: unknown, tag: string, entryXml: string): string | undefined {
  if (attr(node, 'type') !== 'xhtml') return nodeText(node);
  const inner = innerXml(entryXml, tag);
  // The wrapping div carries the XHTML namespace and is not part of the content (RFC 4287, 3.1.1.3).
  return inner?.replace(/^\s*<(?:[\w-]+:)?div\b[^>]*>/, '').replace(/<\/(?:[\w-]+:)?div>\s*$/, '').replace(/<(\/?)[\w-]+:/g, '<$1').trim() || undefined;
}

function atomEntry(entry: Obj, entryXml: string): ArticleDraft {
  const draft = emptyDraft('native');
  draft.format = 'atom';
  const links = asArray(entry.link as unknown);
  draft.url = attr(links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate'), 'href') ?? attr(links[0], 'href');
  draft.sourceItemId = nodeText(entry.id) ?? draft.url;
  draft.headline = nodeText(entry.title);
  draft.htmlInText = true;
  draft.bodyHtml = atomText(entry.content, 'content', entryXml) ?? atomText(entry.summary, 'summary', entryXml);
  draft.summary = entry.content ? atomText(entry.summary, 'summary', entryXml) : undefined;
  draft.byline = nodeText((asArray(entry.author as unknown)[0] as Obj | undefined)?.name);
  draft.firstCreated = isoDate(nodeText(entry.published) ?? nodeText(entry.updated));
  draft.versionCreated = isoDate(nodeText(entry.updated));
  draft.language = attr(entry, 'lang');
  return draft;
}

/** A relative link ("/world/story") made absolute against the feed's own address. */
function absolute(link: string | undefined, base: string | undefined): string | undefined {
  if (!link || URL.canParse(link) || !base) return link;
  return URL.canParse(link, base) ? new URL(link, base).href : link;
}

/**
 * RSS 2.0, RSS 1.0 (RDF) or Atom 1.0; anything else, HTML pages included, is refused by name.
 * `feedUrl` resolves relative item links, which some feeds carry.
 */
export function parseFeed(body: string, feedUrl?: string): ParsedFeed {
  if (/^\s*(<!doctype html|<html)/i.test(body)) {
    throw new InputProblem(422, 'feed-is-html', 'the feed URL answered with an HTML page, not RSS or Atom');
  }
  const root = parseXml(body);
  if (root.rss) {
    const channel = ((root.rss as Obj).channel ?? {}) as Obj;
    const language = nodeText(channel.language);
    const items = asArray(channel.item as unknown).map((i) => rssItem(i as Obj, 'rss'));
    const base = absolute(nodeText(channel.link), feedUrl) ?? feedUrl;
    items.forEach((i) => {
      i.language = i.language ?? language;
      i.url = absolute(i.url, base);
    });
    return { kind: 'rss', title: nodeText(channel.title), items };
  }
  if (root.RDF) {
    const rdf = root.RDF as Obj;
    const channel = (rdf.channel ?? {}) as Obj;
    return { kind: 'rdf', title: nodeText(channel.title), items: asArray(rdf.item as unknown).map((i) => rssItem(i as Obj, 'rdf')) };
  }
  if (root.feed) {
    const feed = root.feed as Obj;
    const language = attr(feed, 'lang');
    // Entries' own markup too: XHTML content (type="xhtml") is a subtree the parsed tree does not keep as text.
    const sources = elementsOf(body, 'entry').map((e) => e.inner);
    const items = asArray(feed.entry as unknown).map((e, i) => atomEntry(e as Obj, sources[i] ?? ''));
    items.forEach((i) => {
      i.language = i.language ?? language;
      i.url = absolute(i.url, feedUrl);
    });
    return { kind: 'atom', title: nodeText(feed.title), items };
  }
  const name = Object.keys(root).find((k) => !k.startsWith('?'));
  throw new InputProblem(422, 'feed-unsupported', `not an RSS or Atom feed: root element <${name ?? '?'}>`);
}
