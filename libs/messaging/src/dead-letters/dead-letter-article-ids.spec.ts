import { deadLetterArticleIds } from './dead-letter-article-ids';

const ID = '6f1c5e0a-8d2b-5c4e-9a57-2f0d8b1e3c74';
const OTHER = '0f8a1c2e-7a1b-5c3d-9e4f-123456789abc';

describe('deadLetterArticleIds', () => {
  it('reads the header, the key and the envelope, each id once', () => {
    const value = JSON.stringify({ eventId: 'e1', articleId: ID, payload: { article: { id: ID, headline: 'x' } } });
    expect(deadLetterArticleIds({ headers: { 'article-id': ID }, key: ID, value })).toEqual([ID]);
  });

  it('names every id when header, key and payload disagree', () => {
    const value = JSON.stringify({ articleId: 'envelope-id', payload: { article: { id: OTHER } } });
    expect(deadLetterArticleIds({ headers: { 'article-id': 'header-id' }, key: ID, value }).sort()).toEqual([ID, OTHER, 'envelope-id', 'header-id'].sort());
  });

  it('still finds the key and header of a message that is no JSON object', () => {
    expect(deadLetterArticleIds({ headers: {}, key: ID, value: 'not json {' })).toEqual([ID]);
    expect(deadLetterArticleIds({ headers: { 'article-id': ID }, key: null, value: '[1,2]' })).toEqual([ID]);
    expect(deadLetterArticleIds({ headers: {}, key: null, value: null })).toEqual([]);
    expect(deadLetterArticleIds({ headers: {}, key: '', value: JSON.stringify({ articleId: 12, payload: 'x' }) })).toEqual([]);
  });
});
