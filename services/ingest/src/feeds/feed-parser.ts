import { ArticleDraft, emptyDraft } from '../articles/formats/article-draft';
import { InputProblem } from '../articles/formats/input-problem';
import { asArray, attr, nodeText, parseXml } from '../articles/formats/safe-xml';

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

function atomEntry(entry: Obj): ArticleDraft {
  const draft = emptyDraft('native');
  draft.format = 'atom';
  const links = asArray(entry.link as unknown);
  draft.url = attr(links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate'), 'href') ?? attr(links[0], 'href');
  draft.sourceItemId = nodeText(entry.id) ?? draft.url;
  draft.headline = nodeText(entry.title);
  draft.htmlInText = true;
  draft.bodyHtml = nodeText(entry.content) ?? nodeText(entry.summary);
  draft.summary = entry.content ? nodeText(entry.summary) : undefined;
  draft.byline = nodeText((asArray(entry.author as unknown)[0] as Obj | undefined)?.name);
  draft.firstCreated = isoDate(nodeText(entry.published) ?? nodeText(entry.updated));
  draft.versionCreated = isoDate(nodeText(entry.updated));
  draft.language = attr(entry, 'lang');
  return draft;
}

/** RSS 2.0, RSS 1.0 (RDF) or Atom 1.0; anything else, HTML pages included, is refused by name. */
export function parseFeed(body: string): ParsedFeed {
  if (/^\s*(<!doctype html|<html)/i.test(body)) {
    throw new InputProblem(422, 'feed-is-html', 'the feed URL answered with an HTML page, not RSS or Atom');
  }
  const root = parseXml(body);
  if (root.rss) {
    const channel = ((root.rss as Obj).channel ?? {}) as Obj;
    const language = nodeText(channel.language);
    const items = asArray(channel.item as unknown).map((i) => rssItem(i as Obj, 'rss'));
    items.forEach((i) => (i.language = i.language ?? language));
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
    const items = asArray(feed.entry as unknown).map((e) => atomEntry(e as Obj));
    items.forEach((i) => (i.language = i.language ?? language));
    return { kind: 'atom', title: nodeText(feed.title), items };
  }
  const name = Object.keys(root).find((k) => !k.startsWith('?'));
  throw new InputProblem(422, 'feed-unsupported', `not an RSS or Atom feed: root element <${name ?? '?'}>`);
}
