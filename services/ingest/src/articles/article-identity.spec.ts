import { articleIdFor, contentHashOf } from './article-identity';

describe('article identity', () => {
  it('is a stable version-5 UUID per source and item', () => {
    const id = articleIdFor('ap', 'urn:ap:123');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(articleIdFor('ap', 'urn:ap:123')).toBe(id);
  });

  it('differs between sources that reuse an item id', () => {
    expect(articleIdFor('ap', '1')).not.toBe(articleIdFor('reuters', '1'));
    expect(articleIdFor('a', 'b:c')).not.toBe(articleIdFor('a:b', 'c'));
  });

  it('hashes content independent of surrounding whitespace', () => {
    expect(contentHashOf(' Headline ', 'Body\n')).toBe(contentHashOf('Headline', 'Body'));
    expect(contentHashOf('Headline', 'Body')).not.toBe(contentHashOf('Headline', 'Body!'));
  });
});
