import { ArticleDraft, emptyDraft } from './article-draft';
import { asArray, attr, elementsOf, innerXml, mixedText, nodeText } from './safe-xml';

type Obj = Record<string, unknown>;

/** The provider qcode `nprov:AP` names the source; a literal is used when there is no qcode. */
function provider(itemMeta: Obj): string | undefined {
  const qcode = attr(itemMeta.provider, 'qcode');
  return qcode ? qcode.replace(/^[^:]*:/, '') : attr(itemMeta.provider, 'literal') ?? nodeText((itemMeta.provider as Obj)?.name);
}

/** A NewsML-G2 `newsItem` of class text: metadata in itemMeta/contentMeta, body in contentSet. */
export function parseNewsMlG2(root: Obj, xml: string): ArticleDraft {
  const item = (root.newsItem ?? {}) as Obj;
  const itemMeta = (item.itemMeta ?? {}) as Obj;
  const contentMeta = (item.contentMeta ?? {}) as Obj;
  const contentSet = (item.contentSet ?? {}) as Obj;
  const draft = emptyDraft('newsml-g2');
  draft.sourceItemId = attr(item, 'guid');
  draft.sourceName = provider(itemMeta);
  draft.headline = mainHeadline(innerXml(xml, 'contentMeta') ?? '') ?? nodeText(itemMeta.title);
  const descriptions = asArray(contentMeta.description as unknown);
  const summary = descriptions.find((d) => /summary/.test(attr(d, 'role') ?? '')) ?? descriptions[0];
  draft.summary = nodeText(summary);
  draft.byline = nodeText(contentMeta.by);
  draft.language = attr(contentMeta.language, 'tag') ?? attr(item, 'lang');
  draft.firstCreated = nodeText(itemMeta.firstCreated);
  draft.versionCreated = nodeText(itemMeta.versionCreated);
  draft.pubStatus = attr(itemMeta.pubStatus, 'qcode');
  draft.embargoedUntil = nodeText(itemMeta.embargoed);
  draft.url = asArray(itemMeta.link as unknown).map((l) => attr(l, 'href')).find(Boolean);
  const inlineXml = innerXml(xml, 'inlineXML');
  draft.bodyHtml = inlineXml ? innerXml(inlineXml, 'body') ?? inlineXml : undefined;
  draft.bodyText = draft.bodyHtml ? undefined : nodeText(contentSet.inlineData);
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
