import { ArticleDraft, emptyDraft } from './article-draft';
import { nitfBodyHtml, nitfByline } from './nitf.format';
import { asArray, attr, elementsOf, innerXml, mixedText, nodeText } from './safe-xml';

type Obj = Record<string, unknown>;

/** The canonical fields as NewsML-G2 names them, for refusals. */
const G2_NAMES = {
  sourceItemId: 'newsItem@guid', headline: 'headline', body: 'contentSet', language: 'language@tag', url: 'link@href',
  publishedAt: 'firstCreated', updatedAt: 'versionCreated', pubStatus: 'pubStatus', embargoedUntil: 'embargoed', expiresAt: 'expires',
};

/** The provider qcode `nprov:AP` names the source; a literal is used when there is no qcode. */
function provider(itemMeta: Obj): string | undefined {
  const qcode = attr(itemMeta.provider, 'qcode');
  return qcode ? qcode.replace(/^[^:]*:/, '') : attr(itemMeta.provider, 'literal') ?? nodeText((itemMeta.provider as Obj)?.name);
}

/** A party (`creator`, `located`): its name, else its literal. */
function partyName(node: unknown): string | undefined {
  return nodeText((asArray(node)[0] as Obj | undefined)?.name) ?? attr(node, 'literal');
}

/** An attribute of an element from its attributes' source, e.g. an inlineXML's `contenttype`. */
function attributeOf(attributes: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}\\s*=\\s*["']([^"']*)["']`).exec(attributes)?.[1]?.trim() || undefined;
}

/** XHTML written with a prefix (`<x:p>`): the sanitiser allows tags by their plain names. */
function withoutPrefixes(markup: string): string {
  return markup.replace(/<(\/?)[A-Za-z_][\w.-]*:(?=[A-Za-z_])/g, '<$1');
}

/** text/plain that is visibly HTML, as ANSA sends it (`<![CDATA[<p> … </p>]]>`): Superdesk reads it as HTML too. */
const LOOKS_LIKE_HTML = /^\s*<(?:p|div|h[1-6]|ul|ol|table|blockquote|section|article)\b[^>]*>/i;

/** A NewsML-G2 `newsItem` of class text: metadata in itemMeta/contentMeta, body in contentSet. */
export function parseNewsMlG2(root: Obj, xml: string): ArticleDraft {
  const item = (root.newsItem ?? {}) as Obj;
  const itemMeta = (item.itemMeta ?? {}) as Obj;
  const contentMeta = (item.contentMeta ?? {}) as Obj;
  const contentSet = (item.contentSet ?? {}) as Obj;
  const draft = emptyDraft('newsml-g2');
  draft.fieldNames = G2_NAMES;
  draft.sourceItemId = attr(item, 'guid');
  draft.sourceName = provider(itemMeta);
  draft.headline = mainHeadline(innerXml(xml, 'contentMeta') ?? '') ?? nodeText(itemMeta.title);
  // The summary role (`descRole:summary`, `drol:summary`), else a description without a role; never a caption.
  const descriptions = asArray(contentMeta.description as unknown);
  const summary = descriptions.find((d) => /summary/.test(attr(d, 'role') ?? '')) ?? descriptions.find((d) => !attr(d, 'role'));
  draft.summary = nodeText(summary)?.replace(/\s+/g, ' ');
  draft.language = attr(contentMeta.language, 'tag') ?? attr(item, 'lang');
  // The place: `located` (a name, or a literal), else a `dateline` that does not start with a date (Reuters writes its time there).
  const dateline = nodeText(contentMeta.dateline)?.replace(/\s+/g, ' ');
  draft.dateline = partyName(contentMeta.located) ?? (dateline && !/^\d/.test(dateline) ? dateline : undefined);
  draft.firstCreated = nodeText(itemMeta.firstCreated);
  draft.contentCreated = nodeText(contentMeta.contentCreated);
  draft.versionCreated = nodeText(itemMeta.versionCreated);
  draft.pubStatus = attr(itemMeta.pubStatus, 'qcode');
  draft.embargoedUntil = nodeText(itemMeta.embargoed);
  // The core schema gives an item no expiry; AP writes one as itemMeta/expires (Media API, build 2.2.18).
  draft.expires = nodeText(itemMeta.expires);
  draft.url = asArray(itemMeta.link as unknown).map((l) => attr(l, 'href')).find(Boolean);
  let embeddedByline: string | undefined;
  const [inline] = elementsOf(xml, 'inlineXML');
  if (inline) {
    const type = attributeOf(inline.attributes, 'contenttype') ?? '';
    const markup = withoutPrefixes(inline.inner);
    // IPTC's own text example carries NITF here: its body.content is the body, its hl1 (the headline
    // again) and byline are not (they were read into the body).
    if (/nitf/i.test(type) || (innerXml(markup, 'nitf') !== undefined && innerXml(markup, 'body.content') !== undefined)) {
      draft.bodyHtml = nitfBodyHtml(markup);
      draft.headline ??= mixedText(innerXml(markup, 'hl1'));
      embeddedByline = nitfByline(markup);
      draft.summary ??= innerXml(markup, 'abstract')?.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() || undefined;
    } else {
      draft.bodyHtml = innerXml(markup, 'body') ?? markup;
    }
  }
  if (!draft.bodyHtml) {
    const data = asArray(contentSet.inlineData as unknown)[0];
    const value = nodeText(data);
    const type = attr(data, 'contenttype') ?? '';
    if (value && (/html/i.test(type) || LOOKS_LIKE_HTML.test(value))) draft.bodyHtml = withoutPrefixes(value);
    else draft.bodyText = value;
  }
  // `by` is the byline; else the embedded NITF's byline as written; else the creator's name.
  draft.byline = nodeText(contentMeta.by) ?? embeddedByline ?? partyName(contentMeta.creator);
  draft.media = asArray(contentSet.remoteContent as unknown)
    .map((r) => ({ url: attr(r, 'href') ?? '', type: attr(r, 'contenttype') }))
    .filter((m) => m.url);
  return draft;
}

/**
 * The headline whose role is the main one (`hld:main`), else one without a role, else the first: a
 * short or alternative headline may come first. Read from the source, as headlines may hold markup.
 */
function mainHeadline(contentMetaXml: string): string | undefined {
  const headlines = elementsOf(contentMetaXml, 'headline');
  const role = (h: { attributes: string }) => /\brole\s*=\s*["']([^"']*)["']/.exec(h.attributes)?.[1];
  const chosen = headlines.find((h) => /(?:^|:)main$/.test(role(h) ?? '')) ?? headlines.find((h) => !role(h)) ?? headlines[0];
  return mixedText(chosen?.inner);
}
